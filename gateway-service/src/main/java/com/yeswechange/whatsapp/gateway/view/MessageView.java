package com.yeswechange.whatsapp.gateway.view;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;

/**
 * A message of a conversation as the UI shows it.
 *
 * @param messageType   incoming (customer), outgoing (agent), activity (system line) or template
 * @param privateNote   an internal note (JSON {@code private}); never sent to the customer
 * @param status        delivery status of an outgoing message: sent, delivered, read, failed (null when unknown)
 * @param externalError why WhatsApp delivery failed, when it did
 */
public record MessageView(
        long id,
        long conversationId,
        String content,
        String messageType,
        @JsonProperty("private") boolean privateNote,
        Instant createdAt,
        SenderView sender,
        List<AttachmentView> attachments,
        String status,
        String externalError) {

    public boolean incoming() {
        return "incoming".equals(messageType);
    }

    public boolean activity() {
        return "activity".equals(messageType);
    }
}
