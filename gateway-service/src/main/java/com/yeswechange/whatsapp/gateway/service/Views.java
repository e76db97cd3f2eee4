package com.yeswechange.whatsapp.gateway.service;

import com.yeswechange.whatsapp.chatwoot.dto.AgentDTO;
import com.yeswechange.whatsapp.chatwoot.dto.AttachmentDTO;
import com.yeswechange.whatsapp.chatwoot.dto.CannedResponseDTO;
import com.yeswechange.whatsapp.chatwoot.dto.ContactDTO;
import com.yeswechange.whatsapp.chatwoot.dto.ConversationDTO;
import com.yeswechange.whatsapp.chatwoot.dto.LabelDTO;
import com.yeswechange.whatsapp.chatwoot.dto.MessageDTO;
import com.yeswechange.whatsapp.chatwoot.dto.SenderDTO;
import com.yeswechange.whatsapp.chatwoot.dto.TeamDTO;
import com.yeswechange.whatsapp.gateway.view.AgentView;
import com.yeswechange.whatsapp.gateway.view.AttachmentView;
import com.yeswechange.whatsapp.gateway.view.CannedResponseView;
import com.yeswechange.whatsapp.gateway.view.ContactView;
import com.yeswechange.whatsapp.gateway.view.ConversationSummary;
import com.yeswechange.whatsapp.gateway.view.LabelView;
import com.yeswechange.whatsapp.gateway.view.MessageView;
import com.yeswechange.whatsapp.gateway.view.SenderView;
import com.yeswechange.whatsapp.gateway.view.TeamView;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Chatwoot's DTOs → the gateway's views: the one place that decides what of Chatwoot's data the UI gets. */
public final class Views {

    private Views() {
    }

    public static AgentView agent(AgentDTO a) {
        if (a == null) {
            return null;
        }
        String name = a.availableName() != null && !a.availableName().isBlank() ? a.availableName() : a.name();
        return new AgentView(a.id(), name, a.email(), a.role(), a.availabilityStatus(), a.thumbnail(), null);
    }

    public static ContactView contact(ContactDTO c) {
        if (c == null) {
            return null;
        }
        return new ContactView(c.id(), c.name(), c.phoneNumber(), c.email(), c.identifier(), c.thumbnail(),
                c.lastActivityAt(), c.createdAt());
    }

    public static TeamView team(TeamDTO t) {
        return t == null ? null : new TeamView(t.id(), t.name());
    }

    public static MessageView message(MessageDTO m, long conversationId) {
        if (m == null) {
            return null;
        }
        long conversation = m.conversationId() != null ? m.conversationId() : conversationId;
        List<AttachmentView> attachments = m.attachments() == null ? List.of()
                : m.attachments().stream().map(Views::attachment).toList();
        return new MessageView(m.id(), conversation, m.content(),
                m.messageType() == null ? null : m.messageType().apiValue(), m.internalNote(), m.createdAt(),
                sender(m), attachments, m.status() == null ? null : m.status().apiValue(), externalError(m));
    }

    static AttachmentView attachment(AttachmentDTO a) {
        return new AttachmentView(a.id(), a.fileType(), a.dataUrl(), a.thumbUrl(), a.extension(), a.fileSize());
    }

    static SenderView sender(MessageDTO m) {
        SenderDTO s = m.sender();
        String type = senderType(s == null ? null : s.type(), m.senderType());
        if (s == null) {
            return m.senderId() == null ? null : new SenderView(m.senderId(), null, type, null);
        }
        String name = s.availableName() != null && !s.availableName().isBlank() ? s.availableName() : s.name();
        String thumbnail = s.thumbnail() != null ? s.thumbnail() : s.avatarUrl();
        return new SenderView(s.id(), name, type, thumbnail);
    }

    /** contact, user or agent_bot; Chatwoot says "user"/"agent_bot" in sender.type, "Contact"/"User" in sender_type. */
    public static String senderType(String senderType, String polymorphicType) {
        String value = senderType != null ? senderType : polymorphicType;
        if (value == null) {
            return "contact";
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "user" -> "user";
            case "agent_bot", "agentbot" -> "agent_bot";
            default -> "contact";
        };
    }

    static String externalError(MessageDTO m) {
        Map<String, Object> attributes = m.contentAttributes();
        Object error = attributes == null ? null : attributes.get("external_error");
        return error == null ? null : error.toString();
    }

    public static ConversationSummary summary(ConversationDTO c) {
        var meta = c.meta();
        MessageDTO last = c.lastNonActivityMessage() != null ? c.lastNonActivityMessage()
                : c.messages() == null || c.messages().isEmpty() ? null : c.messages().getLast();
        return new ConversationSummary(c.id(),
                c.status() == null ? null : c.status().apiValue(),
                c.priority() == null ? null : c.priority().apiValue(),
                c.inboxId(),
                meta == null ? null : contact(meta.sender()),
                meta == null ? null : agent(meta.assignee()),
                meta == null ? null : team(meta.team()),
                c.labels() == null ? List.of() : c.labels(),
                c.unreadCount() == null ? 0 : c.unreadCount(),
                message(last, c.id()),
                c.lastActivityAt(), c.createdAt(), c.snoozedUntil(), c.waitingSince());
    }

    /** The Chatwoot agent id handling the conversation, or null. */
    public static Long assigneeId(ConversationDTO c) {
        return c.meta() == null || c.meta().assignee() == null ? null : c.meta().assignee().id();
    }

    public static CannedResponseView canned(CannedResponseDTO c) {
        return new CannedResponseView(c.id(), c.shortCode(), c.content());
    }

    public static LabelView label(LabelDTO l) {
        return new LabelView(l.id(), l.title(), l.description(), l.color());
    }
}
