package com.yeswechange.whatsapp.outbound.messaging;

import com.yeswechange.whatsapp.events.ChatwootEvent;
import com.yeswechange.whatsapp.events.EventJson;
import com.yeswechange.whatsapp.events.Topics;
import com.yeswechange.whatsapp.outbound.service.OutboundMetrics;
import com.yeswechange.whatsapp.outbound.service.ReplyDispatcher;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Reads chatwoot.events one record at a time, in order per conversation; the offset is committed only after the
 * record was handled. A record that fails (unreadable, or every send attempt refused) goes to chatwoot.events.dlq.
 */
@ApplicationScoped
public class ChatwootEventsConsumer {

    private final ReplyDispatcher dispatcher;
    private final OutboundMetrics metrics;

    public ChatwootEventsConsumer(ReplyDispatcher dispatcher, OutboundMetrics metrics) {
        this.dispatcher = dispatcher;
        this.metrics = metrics;
    }

    @Incoming("chatwoot-events")
    @Blocking
    public void consume(String json) {
        try {
            dispatcher.onEvent(EventJson.read(json, ChatwootEvent.class));
        } catch (RuntimeException e) {
            metrics.deadLettered(Topics.CHATWOOT_EVENTS);
            throw e;
        }
    }
}
