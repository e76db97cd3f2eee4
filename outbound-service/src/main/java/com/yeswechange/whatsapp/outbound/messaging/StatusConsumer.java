package com.yeswechange.whatsapp.outbound.messaging;

import com.yeswechange.whatsapp.events.EventJson;
import com.yeswechange.whatsapp.events.StatusEvent;
import com.yeswechange.whatsapp.events.Topics;
import com.yeswechange.whatsapp.outbound.service.DeliveryTicks;
import com.yeswechange.whatsapp.outbound.service.OutboundMetrics;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Reads whatsapp.status (keyed by MessageSid: one message's callbacks in arrival order) into delivery ticks. */
@ApplicationScoped
public class StatusConsumer {

    private final DeliveryTicks ticks;
    private final OutboundMetrics metrics;

    public StatusConsumer(DeliveryTicks ticks, OutboundMetrics metrics) {
        this.ticks = ticks;
        this.metrics = metrics;
    }

    @Incoming("whatsapp-status")
    @Blocking
    public void consume(String json) {
        try {
            ticks.onStatus(EventJson.read(json, StatusEvent.class));
        } catch (RuntimeException e) {
            metrics.deadLettered(Topics.WHATSAPP_STATUS);
            throw e;
        }
    }
}
