package com.yeswechange.whatsapp.reporting;

import com.yeswechange.whatsapp.events.ChatwootEvent;
import com.yeswechange.whatsapp.events.DispatchEvent;
import com.yeswechange.whatsapp.events.InboundEvent;
import com.yeswechange.whatsapp.events.StatusEvent;
import java.time.Instant;
import java.util.UUID;

/** Contract events as the other services write them, with only the fields reporting reads filled in. */
public final class TestEvents {

    public static final long WHATSAPP_INBOX = 3;

    private TestEvents() {
    }

    public static InboundEvent handoff(String sid, String phone, Instant at) {
        return new InboundEvent(1, InboundEvent.Kind.HANDOFF, sid, phone, "whatsapp:" + phone,
                "whatsapp:+2252722405060", "Awa", "Je veux parler à un agent", null, null, null, null, null, null, at);
    }

    public static InboundEvent customerMessage(String sid, String phone, Instant at) {
        return new InboundEvent(1, InboundEvent.Kind.MESSAGE, sid, phone, "whatsapp:" + phone,
                "whatsapp:+2252722405060", "Awa", "Bonjour", "text", null, null, null, null, null, at);
    }

    public static ChatwootEvent conversationCreated(long conversationId, String phone, Instant at) {
        return conversation(ChatwootEvent.CONVERSATION_CREATED, conversationId, "open", null, phone, at);
    }

    public static ChatwootEvent statusChanged(long conversationId, String status, Long assigneeId, String phone,
            Instant at) {
        return conversation(ChatwootEvent.CONVERSATION_STATUS_CHANGED, conversationId, status, assigneeId, phone, at);
    }

    public static ChatwootEvent conversation(String event, long conversationId, String status, Long assigneeId,
            String phone, Instant at) {
        return new ChatwootEvent(1, UUID.randomUUID().toString(), event, 1L, WHATSAPP_INBOX, conversationId, status,
                assigneeId, null, contact(phone), at, at);
    }

    /** An agent's public reply (outgoing, written by a Chatwoot user). */
    public static ChatwootEvent agentReply(long conversationId, long messageId, long agentId, String phone,
            Instant at) {
        return message(conversationId, new ChatwootEvent.Message(messageId, "Bonjour, je m'appelle Koffi",
                "outgoing", false, "text", null, "User", agentId, "sent", null, at), agentId, phone, at);
    }

    public static ChatwootEvent privateNote(long conversationId, long messageId, long agentId, String phone,
            Instant at) {
        return message(conversationId, new ChatwootEvent.Message(messageId, "note interne", "outgoing", true, "text",
                null, "User", agentId, "sent", null, at), agentId, phone, at);
    }

    public static ChatwootEvent botMessage(long conversationId, long messageId, String phone, Instant at) {
        return message(conversationId, new ChatwootEvent.Message(messageId, "Un agent va vous répondre", "outgoing",
                false, "text", null, "AgentBot", 9L, "sent", null, at), null, phone, at);
    }

    public static ChatwootEvent incoming(long conversationId, long messageId, String phone, Instant at) {
        return message(conversationId, new ChatwootEvent.Message(messageId, "Bonjour", "incoming", false, "text",
                "SM" + messageId, "Contact", 77L, null, null, at), null, phone, at);
    }

    private static ChatwootEvent message(long conversationId, ChatwootEvent.Message message, Long assigneeId,
            String phone, Instant at) {
        return new ChatwootEvent(1, UUID.randomUUID().toString(), ChatwootEvent.MESSAGE_CREATED, 1L, WHATSAPP_INBOX,
                conversationId, "open", assigneeId, message, contact(phone), at, at.plusMillis(300));
    }

    private static ChatwootEvent.Contact contact(String phone) {
        return phone == null ? null : new ChatwootEvent.Contact(77L, "Awa", phone, "whatsapp:" + phone);
    }

    public static StatusEvent status(String messageSid, String status, String errorCode, Instant at) {
        return new StatusEvent(1, messageSid, status, errorCode, null, "whatsapp:+2250700000001", 10L, 100L, at);
    }

    public static DispatchEvent dispatch(String dispatchId, DispatchEvent.Outcome outcome, String errorCode,
            Long agentId, Instant at) {
        return new DispatchEvent(1, dispatchId, DispatchEvent.Kind.REPLY, outcome, 10L, 100L, "+2250700000001",
                outcome == DispatchEvent.Outcome.SENT ? "SM" + dispatchId : null, errorCode,
                errorCode == null ? null : "Twilio refused: " + errorCode, 1, agentId, at);
    }
}
