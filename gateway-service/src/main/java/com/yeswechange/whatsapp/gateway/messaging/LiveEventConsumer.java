package com.yeswechange.whatsapp.gateway.messaging;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.yeswechange.whatsapp.chatwoot.ChatwootException;
import com.yeswechange.whatsapp.events.ChatwootEvent;
import com.yeswechange.whatsapp.events.DispatchEvent;
import com.yeswechange.whatsapp.events.EventJson;
import com.yeswechange.whatsapp.events.StatusEvent;
import com.yeswechange.whatsapp.gateway.service.ChatwootReads;
import com.yeswechange.whatsapp.gateway.service.Views;
import com.yeswechange.whatsapp.gateway.view.AttachmentView;
import com.yeswechange.whatsapp.gateway.view.MessageView;
import com.yeswechange.whatsapp.gateway.view.SenderView;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Reads chatwoot.events, whatsapp.dispatch and whatsapp.status (with a consumer group of this instance's own, so every
 * instance sees every event), turns each record into a {@link LiveEvent} for the agents' streams and drops the cached
 * Chatwoot reads the event made stale. A record that cannot be read is logged and skipped: the stream only informs
 * screens, the source of truth stays in Chatwoot.
 */
@ApplicationScoped
public class LiveEventConsumer {

    private static final Logger LOG = Logger.getLogger(LiveEventConsumer.class);

    @Inject
    LiveEvents events;

    @Inject
    ChatwootReads reads;

    /** The last known assignee of each recent conversation (0 = nobody), to route events that do not carry it. */
    private final Cache<Long, Long> assignees = Caffeine.newBuilder()
            .maximumSize(50_000).expireAfterWrite(Duration.ofHours(12)).build();

    @Incoming("chatwoot-events")
    @Blocking
    public void onChatwootEvent(String json) {
        ChatwootEvent event;
        try {
            event = EventJson.read(json, ChatwootEvent.class);
        } catch (IllegalArgumentException unreadable) {
            LOG.warnf("skipping an unreadable chatwoot.events record: %s", unreadable.getMessage());
            return;
        }
        Long conversationId = event.conversationId();
        if (conversationId == null || event.event() == null) {
            return;
        }
        reads.conversationChanged(conversationId);
        switch (event.event()) {
            case ChatwootEvent.MESSAGE_CREATED, ChatwootEvent.MESSAGE_UPDATED -> onMessage(event);
            case ChatwootEvent.CONVERSATION_CREATED, ChatwootEvent.CONVERSATION_UPDATED,
                    ChatwootEvent.CONVERSATION_STATUS_CHANGED -> onConversation(event);
            default -> LOG.debugf("no live event for Chatwoot's %s", event.event());
        }
    }

    private void onMessage(ChatwootEvent event) {
        if (event.message() == null) {
            return;
        }
        long conversationId = event.conversationId();
        Long assignee = event.assigneeId() != null ? event.assigneeId() : assigneeOf(conversationId);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("conversationId", conversationId);
        data.put("message", message(event.message(), conversationId));
        String type = ChatwootEvent.MESSAGE_CREATED.equals(event.event()) ? LiveEvent.MESSAGE_CREATED
                : LiveEvent.MESSAGE_UPDATED;
        events.publish(new LiveEvent(type, conversationId, assignee, null, data));
    }

    private void onConversation(ChatwootEvent event) {
        long conversationId = event.conversationId();
        Long previous = assignees.getIfPresent(conversationId);
        Long before = previous == null || previous == 0 ? null : previous;
        assignees.put(conversationId, event.assigneeId() == null ? 0L : event.assigneeId());
        reads.listsChanged();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("conversationId", conversationId);
        data.put("status", event.conversationStatus());
        data.put("assigneeId", event.assigneeId());
        data.put("previousAssigneeId", before);
        String type = switch (event.event()) {
            case ChatwootEvent.CONVERSATION_CREATED -> LiveEvent.CONVERSATION_CREATED;
            case ChatwootEvent.CONVERSATION_STATUS_CHANGED -> LiveEvent.CONVERSATION_STATUS_CHANGED;
            default -> LiveEvent.CONVERSATION_UPDATED;
        };
        events.publish(new LiveEvent(type, conversationId, event.assigneeId(), before, data));
        events.publish(new LiveEvent(LiveEvent.COUNTS_CHANGED, conversationId, event.assigneeId(), before,
                Map.of("conversationId", conversationId)));
    }

    @Incoming("whatsapp-status")
    @Blocking
    public void onStatus(String json) {
        StatusEvent status;
        try {
            status = EventJson.read(json, StatusEvent.class);
        } catch (IllegalArgumentException unreadable) {
            LOG.warnf("skipping an unreadable whatsapp.status record: %s", unreadable.getMessage());
            return;
        }
        if (status.chatwootConversationId() == null) {
            return;
        }
        long conversationId = status.chatwootConversationId();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("conversationId", conversationId);
        data.put("messageId", status.chatwootMessageId());
        data.put("status", status.deliveryStatus().twilioValue());
        data.put("errorCode", status.errorCode());
        data.put("errorMessage", status.errorMessage());
        events.publish(new LiveEvent(LiveEvent.MESSAGE_DELIVERY, conversationId, assigneeOf(conversationId), null,
                data));
    }

    @Incoming("whatsapp-dispatch")
    @Blocking
    public void onDispatch(String json) {
        if (json == null) {
            return; // a tombstone of the compacted ledger
        }
        DispatchEvent dispatch;
        try {
            dispatch = EventJson.read(json, DispatchEvent.class);
        } catch (IllegalArgumentException unreadable) {
            LOG.warnf("skipping an unreadable whatsapp.dispatch record: %s", unreadable.getMessage());
            return;
        }
        if (dispatch.conversationId() == null || !dispatch.isFinal()) {
            return;
        }
        long conversationId = dispatch.conversationId();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("conversationId", conversationId);
        data.put("messageId", dispatch.messageId());
        data.put("outcome", dispatch.outcome().name().toLowerCase(java.util.Locale.ROOT));
        data.put("kind", dispatch.kind() == null ? null : dispatch.kind().name().toLowerCase(java.util.Locale.ROOT));
        data.put("errorCode", dispatch.errorCode());
        data.put("reason", dispatch.reason());
        events.publish(new LiveEvent(LiveEvent.MESSAGE_DISPATCH, conversationId, assigneeOf(conversationId), null,
                data));
    }

    /** The conversation's assignee: the last one an event told us, else Chatwoot's (shared cache). */
    private Long assigneeOf(long conversationId) {
        Long known = assignees.getIfPresent(conversationId);
        if (known != null) {
            return known == 0 ? null : known;
        }
        try {
            Long assignee = Views.assigneeId(reads.conversation(conversationId));
            assignees.put(conversationId, assignee == null ? 0L : assignee);
            return assignee;
        } catch (ChatwootException unknown) {
            // unknown assignee: only supervisors get it (an agent must not see another's conversation)
            LOG.debugf("assignee of conversation %d unknown: %s", conversationId, unknown.getMessage());
            return Long.MIN_VALUE;
        }
    }

    private static MessageView message(ChatwootEvent.Message m, long conversationId) {
        List<AttachmentView> attachments = m.attachments().stream()
                .map(a -> new AttachmentView(0, a.fileType(), a.dataUrl(), null, null, null)).toList();
        SenderView sender = m.senderId() == null && m.senderType() == null ? null
                : new SenderView(m.senderId(), null, Views.senderType(null, m.senderType()), null);
        return new MessageView(m.id(), conversationId, m.content(), m.messageType(), m.privateNote(), m.createdAt(),
                sender, attachments, m.status(), null);
    }
}
