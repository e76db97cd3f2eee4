package com.yeswechange.whatsapp.chatwoot.dto;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import com.yeswechange.whatsapp.chatwoot.MessageStatus;
import com.yeswechange.whatsapp.chatwoot.MessageType;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A message of a conversation. messageType reads the API's integer and the webhooks' string alike. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record MessageDTO(
        long id,
        String content,
        Long accountId,
        Long inboxId,
        Long conversationId,
        MessageType messageType,
        String contentType,
        MessageStatus status,
        Map<String, Object> contentAttributes,
        @JsonDeserialize(using = ChatwootInstantDeserializer.class) Instant createdAt,
        @JsonProperty("private") Boolean privateNote,
        String sourceId,
        String echoId,
        String senderType,
        Long senderId,
        SenderDTO sender,
        List<AttachmentDTO> attachments) {

    /** True for an agent's internal note, which must never reach the customer. */
    public boolean internalNote() {
        return Boolean.TRUE.equals(privateNote);
    }
}
