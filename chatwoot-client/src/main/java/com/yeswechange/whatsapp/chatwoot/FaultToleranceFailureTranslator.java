package com.yeswechange.whatsapp.chatwoot;

import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import org.eclipse.microprofile.faulttolerance.exceptions.FaultToleranceException;

/**
 * Runs outside the fault-tolerance interceptor (lower priority number = outer) so callers only ever catch
 * {@link ChatwootException}: an open circuit or an expired timeout means Chatwoot is, for us, unavailable.
 */
@TranslateFaultToleranceFailures
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_AFTER)
class FaultToleranceFailureTranslator {

    @AroundInvoke
    Object translate(InvocationContext context) throws Exception {
        try {
            return context.proceed();
        } catch (FaultToleranceException failure) {
            throw new ChatwootUnavailableException(
                    "Chatwoot call " + context.getMethod().getName() + " not attempted or cut short: " + failure, failure);
        }
    }
}
