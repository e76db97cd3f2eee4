package com.yeswechange.whatsapp.outbound.service;

import com.google.common.util.concurrent.RateLimiter;
import com.yeswechange.whatsapp.events.DispatchEvent;
import com.yeswechange.whatsapp.events.DispatchEvent.Outcome;
import com.yeswechange.whatsapp.outbound.client.OutgoingMessage;
import com.yeswechange.whatsapp.outbound.client.SendResult;
import com.yeswechange.whatsapp.outbound.client.TwilioMessaging;
import com.yeswechange.whatsapp.outbound.config.OutboundConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import org.jboss.logging.Logger;

/**
 * Sends one dispatch to Twilio at most once, and knows afterwards whether it did.
 *
 * <p>Protocol, per attempt: write PENDING to the ledger (acknowledged by Kafka) → call Twilio once → write the outcome.
 * A PENDING entry with nothing after it means a crash or an ambiguous answer (5xx, timeout): before anything is sent
 * again, Twilio's message list is searched for the message ({@link TwilioMessaging#findSent}); found → SENT with that
 * sid, not found → a new attempt. Definite refusals (429/20429/63018, connection refused) are retried with exponential
 * backoff and jitter; other refusals are final. A per-sender token bucket keeps under Twilio's throughput limit.
 */
@ApplicationScoped
public class ExactlyOnceSender {

    private static final Logger LOG = Logger.getLogger(ExactlyOnceSender.class);

    /** Whether a send is settled, or refused only because the 24-hour window is closed (free text only). */
    public sealed interface Result {
        /** @param exhausted true when every attempt was refused for a transient reason: dead-letter the event */
        record Settled(DispatchEvent entry, boolean exhausted) implements Result {
        }

        record OutsideWindow(int attempt, String message) implements Result {
        }
    }

    private final DispatchLedger ledger;
    private final TwilioMessaging twilio;
    private final OutboundConfig config;
    private final OutboundMetrics metrics;
    private final Map<String, RateLimiter> limiterBySender = new ConcurrentHashMap<>();

    public ExactlyOnceSender(DispatchLedger ledger, TwilioMessaging twilio, OutboundConfig config,
            OutboundMetrics metrics) {
        this.ledger = ledger;
        this.twilio = twilio;
        this.config = config;
        this.metrics = metrics;
    }

    /**
     * Sends {@code message} for {@code dispatch} unless the ledger shows it already went out.
     *
     * @param previous the ledger's latest entry for this dispatch, if any (a final one must be handled by the caller)
     */
    public Result deliver(Dispatch dispatch, OutgoingMessage message, Optional<DispatchEvent> previous) {
        int attempt = 1;
        if (previous.isPresent() && previous.get().outcome() == Outcome.PENDING) {
            DispatchEvent pending = previous.get();
            Optional<String> sid = reconcile(message, pending.at());
            if (sid.isPresent()) {
                return settled(dispatch, dispatch.entry(Outcome.SENT, sid.get(), null,
                        "found at Twilio after an unknown outcome", pending.attempt()));
            }
            attempt = pending.attempt() + 1;
        }
        int maxAttempts = config.send().maxAttempts();
        String lastProblem = null;
        String lastCode = null;
        for (; attempt <= maxAttempts; attempt++) {
            limiter(twilio.sender()).acquire();
            DispatchEvent pending = dispatch.entry(Outcome.PENDING, null, null, null, attempt);
            ledger.record(pending);
            Instant start = Instant.now();
            SendResult result = twilio.send(message);
            Instant answered = Instant.now();
            metrics.twilioCall(resultName(result), Duration.between(start, answered));
            switch (result) {
                case SendResult.Accepted accepted -> {
                    metrics.latency(dispatch.kind().name(), dispatch.eventAt(), answered);
                    return settled(dispatch, dispatch.entry(Outcome.SENT, accepted.messageSid(), null, null, attempt));
                }
                case SendResult.Rejected rejected when rejected.errorCode() == TwilioErrors.OUTSIDE_WINDOW
                        && !message.isTemplate() -> {
                    return new Result.OutsideWindow(attempt, rejected.message());
                }
                case SendResult.Rejected rejected when TwilioErrors.isRetryLater(rejected.errorCode())
                        || rejected.httpStatus() == 429 -> {
                    lastCode = Integer.toString(rejected.errorCode());
                    lastProblem = TwilioErrors.explain(rejected.errorCode(), rejected.message());
                    metrics.retry("rate_limited");
                }
                case SendResult.Rejected rejected -> {
                    return settled(dispatch, dispatch.entry(Outcome.FAILED, null, Integer.toString(rejected.errorCode()),
                            TwilioErrors.explain(rejected.errorCode(), rejected.message()), attempt));
                }
                case SendResult.Unreachable unreachable -> {
                    lastCode = null;
                    lastProblem = "Twilio injoignable : " + unreachable.detail();
                    metrics.retry("unreachable");
                }
                case SendResult.Unknown unknown -> {
                    LOG.warnf("dispatch %s attempt %d: outcome unknown (%s); reconciling before any re-send",
                            dispatch.dispatchId(), attempt, unknown.detail());
                    Optional<String> sid = reconcile(message, pending.at());
                    if (sid.isPresent()) {
                        metrics.latency(dispatch.kind().name(), dispatch.eventAt(), Instant.now());
                        return settled(dispatch, dispatch.entry(Outcome.SENT, sid.get(), null,
                                "found at Twilio after an unknown outcome", attempt));
                    }
                    lastCode = null;
                    lastProblem = "Twilio n'a pas confirmé l'envoi : " + unknown.detail();
                    metrics.retry("unknown_outcome");
                }
            }
            if (attempt < maxAttempts) {
                sleep(backoff(attempt));
            }
        }
        return new Result.Settled(settle(dispatch, dispatch.entry(Outcome.FAILED, null, lastCode,
                "abandonné après " + maxAttempts + " tentatives. " + lastProblem, maxAttempts)), true);
    }

    /** Records an outcome that needs no Twilio call (skipped, or failed before sending). */
    public DispatchEvent settle(Dispatch dispatch, DispatchEvent entry) {
        ledger.record(entry);
        metrics.outcome(entry);
        return entry;
    }

    private Result settled(Dispatch dispatch, DispatchEvent entry) {
        return new Result.Settled(settle(dispatch, entry), false);
    }

    /**
     * Twilio's answer to "did this message go out after all?". If Twilio cannot be asked, nothing may be sent: the
     * exception leaves the PENDING entry in place and the event is retried or dead-lettered by the caller.
     */
    private Optional<String> reconcile(OutgoingMessage message, Instant pendingAt) {
        Instant notBefore = pendingAt.minus(config.send().reconcileSkew());
        Optional<String> sid = twilio.findSent(message.to(), message.body(), notBefore, ledger.claimedSids());
        metrics.reconciliation(sid.isPresent());
        return sid;
    }

    private RateLimiter limiter(String sender) {
        return limiterBySender.computeIfAbsent(sender, s -> RateLimiter.create(config.send().ratePerSecond()));
    }

    /** Exponential backoff with jitter: between half and all of min(max, initial × 2^(attempt-1)). */
    Duration backoff(int attempt) {
        long initial = config.send().initialBackoff().toMillis();
        long capped = Math.min(config.send().maxBackoff().toMillis(), initial << Math.min(attempt - 1, 20));
        return Duration.ofMillis(capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1));
    }

    private static void sleep(Duration wait) {
        try {
            Thread.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to retry a send", e);
        }
    }

    private static String resultName(SendResult result) {
        return switch (result) {
            case SendResult.Accepted a -> "accepted";
            case SendResult.Rejected r -> "rejected_" + r.errorCode();
            case SendResult.Unreachable u -> "unreachable";
            case SendResult.Unknown u -> "unknown";
        };
    }
}
