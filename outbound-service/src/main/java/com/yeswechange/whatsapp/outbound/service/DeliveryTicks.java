package com.yeswechange.whatsapp.outbound.service;

import com.yeswechange.whatsapp.chatwoot.ChatwootClient;
import com.yeswechange.whatsapp.chatwoot.ChatwootException;
import com.yeswechange.whatsapp.chatwoot.ChatwootRejectedException;
import com.yeswechange.whatsapp.chatwoot.MessageStatus;
import com.yeswechange.whatsapp.chatwoot.dto.MessageDTO;
import com.yeswechange.whatsapp.chatwoot.dto.MessageListDTO;
import com.yeswechange.whatsapp.events.DeliveryStatus;
import com.yeswechange.whatsapp.events.StatusEvent;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * whatsapp.status → the delivery tick of the Chatwoot message (sent, delivered, read, failed with its error text),
 * never backwards: a status is applied only when it ranks above the message's current one ({@link DeliveryStatus}).
 * The current status is remembered per message, and read from Chatwoot when not (after a restart).
 */
@ApplicationScoped
public class DeliveryTicks {

    private static final Logger LOG = Logger.getLogger(DeliveryTicks.class);
    private static final int REMEMBERED_MESSAGES = 10_000;

    private final ChatwootClient chatwoot;
    private final ChatwootFeedback feedback;
    private final ReplyDispatcher dispatcher;
    private final OutboundMetrics metrics;
    private final Map<Long, DeliveryStatus> currentByMessage = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, DeliveryStatus> eldest) {
            return size() > REMEMBERED_MESSAGES;
        }
    };

    public DeliveryTicks(ChatwootClient chatwoot, ChatwootFeedback feedback, ReplyDispatcher dispatcher,
            OutboundMetrics metrics) {
        this.chatwoot = chatwoot;
        this.feedback = feedback;
        this.dispatcher = dispatcher;
        this.metrics = metrics;
    }

    public synchronized void onStatus(StatusEvent event) {
        DeliveryStatus status = event.deliveryStatus();
        MessageStatus tick = toChatwoot(status);
        if (tick == null || event.chatwootConversationId() == null || event.chatwootMessageId() == null) {
            metrics.tick(status.twilioValue(), false);
            return;
        }
        long conversationId = event.chatwootConversationId();
        long messageId = event.chatwootMessageId();
        DeliveryStatus current = currentByMessage.computeIfAbsent(messageId,
                id -> currentInChatwoot(conversationId, id));
        if (!status.advancesFrom(current)) {
            metrics.tick(status.twilioValue(), false);
            return;
        }
        Integer code = parseCode(event.errorCode());
        String error = status.isFailure() ? TwilioErrors.explain(code, event.errorMessage()) : null;
        try {
            chatwoot.updateMessageStatus(conversationId, messageId, tick, error);
        } catch (ChatwootRejectedException refused) {
            // Chatwoot refuses moving back (read → delivered): it already holds a later status
            metrics.tick(status.twilioValue(), false);
            LOG.debugf("Chatwoot kept message %d's status over %s: %s", messageId, status, refused.getMessage());
            return;
        }
        currentByMessage.put(messageId, status);
        metrics.tick(status.twilioValue(), true);
        if (status.isFailure()) {
            feedback.note(conversationId, "⚠️ Message non remis sur WhatsApp. " + error);
            if (code != null && code == TwilioErrors.OUTSIDE_WINDOW) {
                dispatcher.windowClosedAfterSend(conversationId, messageId, event.to());
            }
        }
    }

    private DeliveryStatus currentInChatwoot(long conversationId, long messageId) {
        try {
            MessageListDTO around = chatwoot.listMessages(conversationId, null, messageId - 1);
            if (around == null || around.payload() == null) {
                return null;
            }
            return around.payload().stream()
                    .filter(message -> message.id() == messageId)
                    .map(MessageDTO::status)
                    .filter(java.util.Objects::nonNull)
                    .map(s -> DeliveryStatus.fromTwilio(s.apiValue()))
                    .findFirst()
                    .orElse(null);
        } catch (ChatwootException e) {
            LOG.warnf("could not read message %d's current status (HTTP %d)", messageId, e.status());
            return null;
        }
    }

    static MessageStatus toChatwoot(DeliveryStatus status) {
        return switch (status) {
            case SENT -> MessageStatus.SENT;
            case DELIVERED, PARTIALLY_DELIVERED -> MessageStatus.DELIVERED;
            case READ -> MessageStatus.READ;
            case FAILED, UNDELIVERED, CANCELED -> MessageStatus.FAILED;
            default -> null;
        };
    }

    private static Integer parseCode(String code) {
        try {
            return code == null || code.isBlank() ? null : Integer.valueOf(code.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
