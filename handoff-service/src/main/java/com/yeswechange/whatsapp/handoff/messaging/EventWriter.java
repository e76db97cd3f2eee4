package com.yeswechange.whatsapp.handoff.messaging;

import com.yeswechange.whatsapp.events.EventJson;
import com.yeswechange.whatsapp.events.Topics;
import com.yeswechange.whatsapp.handoff.config.HandoffConfig;
import com.yeswechange.whatsapp.handoff.service.WebhookMetrics;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

/**
 * Writes webhook records to Kafka and completes only when the broker acknowledged them (acks=all, idempotent producer:
 * see application.properties). A write that is not acknowledged within handoff.kafka-write-timeout fails with
 * {@link KafkaUnavailableException}, so the webhook is answered 503 and never 2xx for an event that was not stored.
 */
@ApplicationScoped
public class EventWriter {

    private final Emitter<String> inbound;
    private final Emitter<String> status;
    private final Emitter<String> chatwoot;
    private final Duration timeout;
    private final WebhookMetrics metrics;

    public EventWriter(
            @Channel("whatsapp-inbound-out") @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 1024)
            Emitter<String> inbound,
            @Channel("whatsapp-status-out") @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 1024)
            Emitter<String> status,
            @Channel("chatwoot-events-out") @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 1024)
            Emitter<String> chatwoot,
            HandoffConfig config, WebhookMetrics metrics) {
        this.inbound = inbound;
        this.status = status;
        this.chatwoot = chatwoot;
        this.timeout = config.kafkaWriteTimeout();
        this.metrics = metrics;
    }

    /** Writes {@code event} as JSON to {@code topic} under {@code key}; completes on the broker's acknowledgement. */
    public Uni<Void> write(String topic, String key, Object event) {
        Emitter<String> emitter = switch (topic) {
            case Topics.WHATSAPP_INBOUND -> inbound;
            case Topics.WHATSAPP_STATUS -> status;
            case Topics.CHATWOOT_EVENTS -> chatwoot;
            default -> throw new IllegalArgumentException("handoff-service does not write to " + topic);
        };
        long start = System.nanoTime();
        CompletableFuture<Void> acknowledged = new CompletableFuture<>();
        Message<String> message = Message.of(EventJson.write(event))
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(key).build())
                .withAck(() -> {
                    acknowledged.complete(null);
                    return CompletableFuture.completedFuture(null);
                })
                .withNack(failure -> {
                    acknowledged.completeExceptionally(failure);
                    return CompletableFuture.completedFuture(null);
                });
        try {
            emitter.send(message);
        } catch (RuntimeException full) {
            // buffer full or channel down: the broker has been unreachable for a while
            return failed(topic, start, full);
        }
        return Uni.createFrom().completionStage(acknowledged)
                .ifNoItem().after(timeout).failWith(() -> new KafkaUnavailableException(
                        "Kafka did not acknowledge the record within " + timeout.toMillis() + " ms", null))
                .onItem().invoke(() -> metrics.durableWrite(topic, true, Duration.ofNanos(System.nanoTime() - start)))
                .onFailure().transform(failure -> {
                    metrics.durableWrite(topic, false, Duration.ofNanos(System.nanoTime() - start));
                    return failure instanceof KafkaUnavailableException ? failure
                            : new KafkaUnavailableException("Kafka refused the record: " + failure.getMessage(),
                                    failure);
                });
    }

    private Uni<Void> failed(String topic, long start, RuntimeException cause) {
        metrics.durableWrite(topic, false, Duration.ofNanos(System.nanoTime() - start));
        return Uni.createFrom().failure(new KafkaUnavailableException("Kafka is not accepting records: "
                + cause.getMessage(), cause));
    }
}
