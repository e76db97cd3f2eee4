package com.yeswechange.whatsapp.events;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.List;

/**
 * A Chatwoot webhook (account webhook or API-inbox callback) reduced to what the services use, on
 * {@link Topics#CHATWOOT_EVENTS}, keyed by {@link #conversationId()}.
 *
 * @param deliveryId         Chatwoot's {@code X-Chatwoot-Delivery} id (unique per delivery)
 * @param event              Chatwoot's event name, e.g. {@link #MESSAGE_CREATED}
 * @param conversationStatus the conversation's status after the event (open, pending, resolved, snoozed)
 * @param assigneeId         the assigned agent's Chatwoot user id, if any
 * @param message            the message, for message events
 * @param contact            the customer, when the payload names one
 * @param occurredAt         when Chatwoot says it happened (message or conversation timestamp)
 * @param receivedAt         when the webhook reached us
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ChatwootEvent(
        int schemaVersion,
        String deliveryId,
        String event,
        Long accountId,
        Long inboxId,
        Long conversationId,
        String conversationStatus,
        Long assigneeId,
        Message message,
        Contact contact,
        Instant occurredAt,
        Instant receivedAt) {

    public static final int CURRENT_VERSION = 1;

    public static final String MESSAGE_CREATED = "message_created";
    public static final String MESSAGE_UPDATED = "message_updated";
    public static final String CONVERSATION_CREATED = "conversation_created";
    public static final String CONVERSATION_UPDATED = "conversation_updated";
    public static final String CONVERSATION_STATUS_CHANGED = "conversation_status_changed";

    public ChatwootEvent {
        schemaVersion = schemaVersion <= 0 ? 1 : schemaVersion;
    }

    /**
     * A Chatwoot message as webhooks carry it.
     *
     * @param messageType incoming, outgoing, activity or template (webhooks spell it as a string)
     * @param privateNote Chatwoot's {@code private}: an internal note never sent to the customer
     * @param senderType  Contact, User, AgentBot, ... (who wrote it)
     * @param status      sent, delivered, read, failed, progress
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Message(
            long id,
            String content,
            String messageType,
            boolean privateNote,
            String contentType,
            String sourceId,
            String senderType,
            Long senderId,
            String status,
            List<Attachment> attachments,
            Instant createdAt) {

        public Message {
            attachments = attachments == null ? List.of() : List.copyOf(attachments);
        }

        @JsonIgnore
        public boolean isOutgoing() {
            return "outgoing".equals(messageType);
        }

        @JsonIgnore
        public boolean isIncoming() {
            return "incoming".equals(messageType);
        }
    }

    /** An attachment: Chatwoot's file_type (image, audio, video, file, location, ...) and its public URL. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Attachment(String fileType, String contentType, String dataUrl) {
    }

    /**
     * The customer.
     *
     * @param sourceId the contact inbox's source id; for our WhatsApp inbox the customer's {@code whatsapp:+...}
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Contact(Long id, String name, String phoneNumber, String sourceId) {
    }
}
