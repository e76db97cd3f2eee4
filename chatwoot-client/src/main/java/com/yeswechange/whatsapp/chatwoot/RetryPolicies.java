package com.yeswechange.whatsapp.chatwoot;

import io.smallrye.faulttolerance.api.CustomBackoffStrategy;
import java.time.Duration;
import java.util.function.Predicate;
import org.eclipse.microprofile.config.ConfigProvider;

/** When {@link ChatwootClient} calls are retried, and how long they wait first. */
public final class RetryPolicies {

    private RetryPolicies() {
    }

    /** Longest Retry-After we wait for inside a call; a longer one goes back to the caller as the exception. */
    static Duration maxRetryAfter() {
        int seconds = ConfigProvider.getConfig()
                .getOptionalValue("chatwoot.max-retry-after-seconds", Integer.class).orElse(30);
        return Duration.ofSeconds(seconds);
    }

    static boolean rateLimitedBriefly(Throwable failure) {
        return failure instanceof ChatwootRateLimitedException limited
                && limited.retryAfter().compareTo(maxRetryAfter()) <= 0;
    }

    /**
     * Writes: only a 429 is safe to send again, since Chatwoot's rate limiter refused it before doing anything. A 5xx
     * or a timeout leaves the outcome unknown, so the caller decides (and may reconcile) instead.
     */
    public static final class WriteRetry implements Predicate<Throwable> {
        @Override
        public boolean test(Throwable failure) {
            return rateLimitedBriefly(failure);
        }
    }

    /** Idempotent reads: also retried on 5xx, connection failures and timeouts. */
    public static final class ReadRetry implements Predicate<Throwable> {
        @Override
        public boolean test(Throwable failure) {
            return rateLimitedBriefly(failure) || failure instanceof ChatwootUnavailableException;
        }
    }

    /** Waits what a 429's Retry-After asks for; otherwise the configured delay. */
    public static final class RetryAfterBackoff implements CustomBackoffStrategy {
        private long defaultDelayMillis;

        @Override
        public void init(long initialDelayInMillis) {
            defaultDelayMillis = initialDelayInMillis;
        }

        @Override
        public long nextDelayInMillis(Throwable cause) {
            if (cause instanceof ChatwootRateLimitedException limited) {
                return limited.retryAfter().toMillis();
            }
            return defaultDelayMillis;
        }
    }
}
