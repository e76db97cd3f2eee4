package com.yeswechange.whatsapp.handoff.rest;

import com.yeswechange.whatsapp.handoff.messaging.EventWriter;
import com.yeswechange.whatsapp.handoff.service.WebhookMetrics;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/** Writes a verified webhook's record and answers: the success response after Kafka's ack, 503 otherwise. */
@ApplicationScoped
public class WebhookAcceptor {

    private static final Logger LOG = Logger.getLogger(WebhookAcceptor.class);

    private final EventWriter writer;
    private final WebhookMetrics metrics;

    public WebhookAcceptor(EventWriter writer, WebhookMetrics metrics) {
        this.writer = writer;
        this.metrics = metrics;
    }

    public Uni<Response> write(String endpoint, String topic, String key, Object event, Supplier<Response> success) {
        return writer.write(topic, key, event)
                .map(ignored -> {
                    metrics.accepted(endpoint);
                    return success.get();
                })
                .onFailure().recoverWithItem(failure -> {
                    metrics.rejected(endpoint, "kafka_unavailable");
                    LOG.warnf("webhook %s answered 503: %s", endpoint, failure.getMessage());
                    return Response.fromResponse(WebhookErrors.error(503, "kafka_unavailable",
                            "the event could not be stored; try again")).header("Retry-After", "5").build();
                });
    }
}
