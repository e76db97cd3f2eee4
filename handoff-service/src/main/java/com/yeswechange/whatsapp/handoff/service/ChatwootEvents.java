package com.yeswechange.whatsapp.handoff.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.yeswechange.whatsapp.events.ChatwootEvent;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reduces a Chatwoot webhook (account webhook or API-inbox callback, v4.x shapes of specs/chatwoot/examples) to a
 * {@link ChatwootEvent}. Pure functions.
 */
public final class ChatwootEvents {

    private ChatwootEvents() {
    }

    /**
     * The normalized event, or null when the webhook concerns no conversation (contact or inbox events), which the
     * services have no use for.
     */
    public static ChatwootEvent normalize(JsonNode root, String deliveryId, Instant receivedAt) {
        if (root == null || !root.isObject()) {
            throw new MalformedWebhookException("a Chatwoot webhook body is a JSON object");
        }
        String event = text(root, "event");
        if (event == null) {
            throw new MalformedWebhookException("a Chatwoot webhook names its 'event'");
        }
        boolean messageEvent = event.startsWith("message_");
        JsonNode conversation = root.path("conversation").isObject() ? root.get("conversation")
                : event.startsWith("conversation_") ? root : null;
        if (conversation == null || number(conversation, "id") == null) {
            return null;
        }
        Long inboxId = messageEvent && root.path("inbox").has("id") ? number(root.path("inbox"), "id")
                : number(conversation, "inbox_id");
        ChatwootEvent.Message message = messageEvent ? message(root, conversation) : null;
        JsonNode sender = conversation.path("meta").path("sender");
        ChatwootEvent.Contact contact = sender.isObject()
                ? new ChatwootEvent.Contact(number(sender, "id"), text(sender, "name"), text(sender, "phone_number"),
                        text(conversation.path("contact_inbox"), "source_id"))
                : null;
        Instant occurredAt = message != null && message.createdAt() != null ? message.createdAt()
                : firstInstant(conversation, "updated_at", "timestamp", "created_at");
        return new ChatwootEvent(ChatwootEvent.CURRENT_VERSION, deliveryId, event,
                number(root.path("account"), "id"), inboxId, number(conversation, "id"),
                text(conversation, "status"), number(conversation.path("meta").path("assignee"), "id"), message,
                contact, occurredAt, receivedAt);
    }

    private static ChatwootEvent.Message message(JsonNode root, JsonNode conversation) {
        Long id = number(root, "id");
        if (id == null) {
            throw new MalformedWebhookException("a message event carries the message 'id'");
        }
        // message_updated has no top-level status: the conversation's copy of the message carries it
        JsonNode copy = null;
        for (JsonNode candidate : conversation.path("messages")) {
            if (id.equals(number(candidate, "id"))) {
                copy = candidate;
            }
        }
        List<ChatwootEvent.Attachment> attachments = new ArrayList<>();
        for (JsonNode attachment : root.path("attachments")) {
            attachments.add(new ChatwootEvent.Attachment(text(attachment, "file_type"),
                    text(attachment, "content_type"), text(attachment, "data_url")));
        }
        JsonNode sender = root.path("sender");
        String senderType = copy != null && text(copy, "sender_type") != null ? text(copy, "sender_type")
                : senderType(sender);
        return new ChatwootEvent.Message(id, text(root, "content"), messageType(root.path("message_type")),
                root.path("private").asBoolean(false), text(root, "content_type"), text(root, "source_id"),
                senderType, number(sender, "id"), copy == null ? null : text(copy, "status"), attachments,
                instant(root.path("created_at")));
    }

    /** Webhooks spell message_type as a string; the API's integers are read too. */
    static String messageType(JsonNode value) {
        if (value.isIntegralNumber()) {
            return switch (value.asInt()) {
                case 0 -> "incoming";
                case 1 -> "outgoing";
                case 2 -> "activity";
                case 3 -> "template";
                default -> null;
            };
        }
        return value.isTextual() ? value.asText() : null;
    }

    /** A contact sender has no type in webhooks; users and bots do. */
    private static String senderType(JsonNode sender) {
        if (!sender.isObject()) {
            return null;
        }
        return switch (sender.path("type").asText("")) {
            case "user" -> "User";
            case "agent_bot" -> "AgentBot";
            case "", "contact" -> "Contact";
            default -> sender.path("type").asText();
        };
    }

    private static Instant firstInstant(JsonNode node, String... names) {
        for (String name : names) {
            Instant value = instant(node.path(name));
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    /** ISO strings, or unix seconds (integer or float); 0 means unset in Chatwoot's payloads. */
    static Instant instant(JsonNode value) {
        if (value.isNumber()) {
            double seconds = value.asDouble();
            return seconds <= 0 ? null : Instant.ofEpochMilli(Math.round(seconds * 1000));
        }
        if (value.isTextual()) {
            try {
                return Instant.parse(value.asText());
            } catch (DateTimeParseException e) {
                return null;
            }
        }
        return null;
    }

    private static String text(JsonNode node, String name) {
        JsonNode value = node.path(name);
        return value.isValueNode() && !value.isNull() ? value.asText() : null;
    }

    private static Long number(JsonNode node, String name) {
        JsonNode value = node.path(name);
        if (value.isIntegralNumber()) {
            return value.asLong();
        }
        if (value.isTextual() && value.asText().matches("\\d{1,18}")) {
            return Long.valueOf(value.asText());
        }
        return null;
    }
}
