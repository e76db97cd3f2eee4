package com.yeswechange.whatsapp.chatwoot;

import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Marks beans whose fault-tolerance failures (open circuit, timeout) surface as {@link ChatwootUnavailableException}. */
@InterceptorBinding
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@interface TranslateFaultToleranceFailures {
}
