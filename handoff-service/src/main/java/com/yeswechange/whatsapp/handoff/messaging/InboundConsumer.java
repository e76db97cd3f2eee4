package com.yeswechange.whatsapp.handoff.messaging;

import com.yeswechange.whatsapp.chatwoot.ChatwootRateLimitedException;
import com.yeswechange.whatsapp.chatwoot.ChatwootUnavailableException;
import com.yeswechange.whatsapp.events.EventJson;
import com.yeswechange.whatsapp.events.InboundEvent;
import com.yeswechange.whatsapp.events.Topics;
import com.yeswechange.whatsapp.handoff.config.HandoffConfig;
import com.yeswechange.whatsapp.handoff.service.InboundRouter;
import com.yeswechange.whatsapp.handoff.service.TransientRouteException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * The inbound router's Kafka side: reads {@code whatsapp.inbound} in order, one record at a time, and commits a record
 * only after its Chatwoot side effect. Chatwoot (or Twilio media, or Studio) unavailable: the same record is retried
 * with exponential backoff, without limit, so order is kept and nothing is dropped. Refused outright (4xx) or
 * unreadable: after {@code handoff.router.max-attempts} the record goes to {@code whatsapp.inbound.dlq} with the error
 * in its headers (the connector's dead-letter-queue failure strategy).
 */
@ApplicationScoped
public class InboundConsumer {

    private static final Logger LOG = Logger.getLogger(InboundConsumer.class);
    public static final String RECORDS = "handoff.router.records";
    public static final String RETRIES = "handoff.router.retries";

    private final InboundRouter router;
    private final HandoffConfig.Router config;
    private final MeterRegistry registry;
    private volatile boolean stopping;

    public InboundConsumer(InboundRouter router, HandoffConfig config, MeterRegistry registry) {
        this.router = router;
        this.config = config.router();
        this.registry = registry;
    }

    void onStop(@Observes ShutdownEvent stop) {
        stopping = true;
    }

    @Incoming("whatsapp-inbound-in")
    @Blocking
    public CompletionStage<Void> consume(Message<String> record) {
        InboundEvent event;
        try {
            if (record.getPayload() == null) {
                throw new IllegalArgumentException("empty record");
            }
            event = EventJson.read(record.getPayload(), InboundEvent.class);
        } catch (IllegalArgumentException unreadable) {
            return deadLetter(record, "unreadable", unreadable);
        }
        Duration backoff = config.initialBackoff();
        int refusals = 0;
        while (true) {
            try {
                InboundRouter.Outcome outcome = router.route(event);
                count(outcome.name().toLowerCase(Locale.ROOT));
                return record.ack();
            } catch (ChatwootUnavailableException | ChatwootRateLimitedException | TransientRouteException down) {
                retry("unavailable");
                LOG.warnf("routing %s failed (%s); retrying in %d ms", event.messageSid(), down.getMessage(),
                        backoff.toMillis());
            } catch (RuntimeException refused) {
                // a 4xx, a record without what routing needs, or anything unexpected: bounded, then the DLQ
                // (an exception escaping this method would stop the channel for every customer)
                refusals++;
                if (refusals >= config.maxAttempts()) {
                    return deadLetter(record, "refused", refused);
                }
                retry("refused");
                LOG.warnf("routing %s refused (%s), attempt %d of %d", event.messageSid(), refused.getMessage(),
                        refusals, config.maxAttempts());
            }
            if (!pause(backoff)) {
                // shutting down: leave the record uncommitted; it is routed again after the restart
                LOG.infof("stopping with %s not routed; it will be redelivered", event.messageSid());
                return CompletableFuture.completedFuture(null);
            }
            backoff = backoff.multipliedBy(2).compareTo(config.maxBackoff()) > 0 ? config.maxBackoff()
                    : backoff.multipliedBy(2);
        }
    }

    private CompletionStage<Void> deadLetter(Message<String> record, String reason, Exception error) {
        count("dead_lettered");
        Counter.builder("handoff.router.dlq").description("Records sent to " + Topics.dlq(Topics.WHATSAPP_INBOUND))
                .tag("reason", reason).register(registry).increment();
        // the error text names the failed call and Chatwoot's answer, never a token
        LOG.errorf("record sent to %s (%s): %s: %s", Topics.dlq(Topics.WHATSAPP_INBOUND), reason,
                error.getClass().getSimpleName(), error.getMessage());
        return record.nack(error);
    }

    private boolean pause(Duration backoff) {
        long until = System.nanoTime() + backoff.toNanos();
        while (!stopping && System.nanoTime() < until) {
            try {
                Thread.sleep(Math.min(100, Math.max(1, (until - System.nanoTime()) / 1_000_000)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return !stopping;
    }

    private void count(String outcome) {
        Counter.builder(RECORDS).description("whatsapp.inbound records handled by the router, by outcome")
                .tag("outcome", outcome).register(registry).increment();
    }

    private void retry(String reason) {
        Counter.builder(RETRIES).description("Router retries of a record, by reason")
                .tag("reason", reason).register(registry).increment();
    }
}
