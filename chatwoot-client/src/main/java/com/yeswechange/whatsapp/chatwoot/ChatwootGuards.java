package com.yeswechange.whatsapp.chatwoot;

import io.smallrye.faulttolerance.api.CustomBackoffStrategy;
import io.smallrye.faulttolerance.api.Guard;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.function.Supplier;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.FaultToleranceException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;

/**
 * The two fault-tolerance policies of {@link ChatwootClient}, built once with SmallRye Fault Tolerance's programmatic
 * API so that no method repeats them:
 * <ul>
 * <li>every attempt, read or write, passes one shared circuit breaker (Chatwoot is one server: when it is down, it is
 * down for every call) and a per-attempt timeout;</li>
 * <li>reads are additionally retried on 5xx, unreachable Chatwoot, timeouts and 429 (waiting what Retry-After asks, if
 * that is at most {@code chatwoot.max-retry-after-seconds}). Writes are never retried: a create that failed with a
 * 5xx or a timeout may have happened, and a 429 goes back to the caller with its {@code retryAfter()}.</li>
 * </ul>
 * Failures leave as {@link ChatwootException}s only: an open circuit or an expired timeout becomes a
 * {@link ChatwootUnavailableException} (status 0).
 */
final class ChatwootGuards {

    /** Name of the circuit breaker, for {@code CircuitBreakerMaintenance} (state, reset). */
    static final String CIRCUIT_BREAKER = "chatwoot";

    private final Guard attempt;
    private final Guard readRetry;
    private final Duration maxRetryAfter;

    ChatwootGuards(ChatwootConfig config) {
        ChatwootConfig.CircuitBreaker breaker = config.circuitBreaker();
        ChatwootConfig.Retry retry = config.retry();
        this.maxRetryAfter = Duration.ofSeconds(config.maxRetryAfterSeconds());
        this.attempt = Guard.create()
                .withDescription("chatwoot attempt")
                .withCircuitBreaker()
                    .name(CIRCUIT_BREAKER)
                    .requestVolumeThreshold(breaker.requestVolumeThreshold())
                    .failureRatio(breaker.failureRatio())
                    .delay(breaker.delay().toMillis(), ChronoUnit.MILLIS)
                    .successThreshold(breaker.successThreshold())
                    .when(ChatwootGuards::chatwootFailed)
                    .done()
                .withTimeout().duration(config.timeout().toMillis(), ChronoUnit.MILLIS).done()
                .build();
        this.readRetry = Guard.create()
                .withDescription("chatwoot read retry")
                .withRetry()
                    .maxRetries(retry.maxRetries())
                    .delay(retry.delay().toMillis(), ChronoUnit.MILLIS)
                    .jitter(retry.jitter().toMillis(), ChronoUnit.MILLIS)
                    .maxDuration(retry.maxDuration().toMillis(), ChronoUnit.MILLIS)
                    .whenException(this::worthRetryingRead)
                    .withCustomBackoff().strategy(RetryAfterBackoff::new).done()
                    .done()
                .build();
    }

    /** A write: one attempt through the circuit breaker. */
    <T> T write(Supplier<T> call) {
        return translated(() -> guarded(attempt, call));
    }

    /** An idempotent read: retried attempts, each through the circuit breaker. */
    <T> T read(Supplier<T> call) {
        return translated(() -> guarded(readRetry, () -> guarded(attempt, call)));
    }

    /** What the circuit breaker counts as Chatwoot failing; 4xx answers (including 429) prove it is up. */
    static boolean chatwootFailed(Throwable failure) {
        return failure instanceof ChatwootUnavailableException || failure instanceof TimeoutException;
    }

    private boolean worthRetryingRead(Throwable failure) {
        if (failure instanceof ChatwootRateLimitedException limited) {
            return limited.retryAfter().compareTo(maxRetryAfter) <= 0;
        }
        return chatwootFailed(failure);
    }

    @SuppressWarnings("unchecked")
    private static <T> T guarded(Guard guard, Supplier<T> call) {
        // the result type only matters to SmallRye for asynchronous types; these calls are synchronous
        return (T) guard.get((Supplier<Object>) call, Object.class);
    }

    private static <T> T translated(Supplier<T> call) {
        try {
            return call.get();
        } catch (CircuitBreakerOpenException open) {
            throw new ChatwootUnavailableException("Chatwoot circuit breaker is open: call not attempted", open);
        } catch (TimeoutException timeout) {
            throw new ChatwootUnavailableException("Chatwoot did not answer in time", timeout);
        } catch (FaultToleranceException other) {
            throw new ChatwootUnavailableException("Chatwoot call cut short: " + other.getMessage(), other);
        }
    }

    /** Waits what a 429's Retry-After asks for; otherwise the configured delay. */
    static final class RetryAfterBackoff implements CustomBackoffStrategy {
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
