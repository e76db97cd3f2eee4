package com.yeswechange.whatsapp.chatwoot.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import com.yeswechange.whatsapp.chatwoot.MessageType;
import java.util.Map;

/**
 * POST …/messages. messageType defaults to outgoing in Chatwoot; incoming is accepted only in API inboxes. sourceId is
 * stored on the message (we put the Twilio MessageSid there); echoId is echoed back. Absent fields are not sent.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record CreateMessageRequest(
        String content,
        MessageType messageType,
        @JsonProperty("private") Boolean privateNote,
        String contentType,
        Map<String, Object> contentAttributes,
        String sourceId,
        String echoId) {

    /** A customer's message arriving from WhatsApp, identified by its Twilio MessageSid. */
    public static CreateMessageRequest incoming(String content, String sourceId) {
        return new CreateMessageRequest(content, MessageType.INCOMING, null, null, null, sourceId, null);
    }

    /** An agent's reply to the customer. */
    public static CreateMessageRequest outgoing(String content) {
        return new CreateMessageRequest(content, MessageType.OUTGOING, false, null, null, null, null);
    }

    /** An internal note only agents see (e.g. why a WhatsApp send failed). */
    public static CreateMessageRequest privateNote(String content) {
        return new CreateMessageRequest(content, MessageType.OUTGOING, true, null, null, null, null);
    }
}
