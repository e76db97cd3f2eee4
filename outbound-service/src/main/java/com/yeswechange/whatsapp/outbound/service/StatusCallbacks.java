package com.yeswechange.whatsapp.outbound.service;

import com.yeswechange.whatsapp.events.StatusEvent;
import com.yeswechange.whatsapp.outbound.config.OutboundConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;

/**
 * The StatusCallback URL of each send: handoff-service's status webhook with the Chatwoot ids in the query. Twilio
 * signs the whole URL, so each callback carries its own, trustworthy mapping back to the Chatwoot message.
 */
@ApplicationScoped
public class StatusCallbacks {

    public static final String CONVERSATION_PARAM = StatusEvent.CALLBACK_CONVERSATION_PARAM;
    public static final String MESSAGE_PARAM = StatusEvent.CALLBACK_MESSAGE_PARAM;

    private final OutboundConfig config;

    public StatusCallbacks(OutboundConfig config) {
        this.config = config;
    }

    /** The callback for a message; null when no public handoff URL is configured (then no ticks come back). */
    public URI forMessage(long conversationId, Long messageId) {
        return config.statusCallbackBaseUrl().filter(base -> !base.isBlank()).map(base -> {
            String root = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
            String query = CONVERSATION_PARAM + "=" + conversationId
                    + (messageId == null ? "" : "&" + MESSAGE_PARAM + "=" + messageId);
            return URI.create(root + config.statusCallbackPath() + "?" + query);
        }).orElse(null);
    }
}
