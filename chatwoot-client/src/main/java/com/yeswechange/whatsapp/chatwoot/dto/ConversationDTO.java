package com.yeswechange.whatsapp.chatwoot.dto;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import com.yeswechange.whatsapp.chatwoot.ConversationPriority;
import com.yeswechange.whatsapp.chatwoot.ConversationStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A conversation. id is the display id every URL uses; messages holds the last message only. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ConversationDTO(
        long id,
        Long accountId,
        String uuid,
        Long inboxId,
        ConversationStatus status,
        ConversationPriority priority,
        ConversationMetaDTO meta,
        List<MessageDTO> messages,
        MessageDTO lastNonActivityMessage,
        List<String> labels,
        Boolean muted,
        Boolean canReply,
        Integer unreadCount,
        Map<String, Object> additionalAttributes,
        Map<String, Object> customAttributes,
        @JsonDeserialize(using = ChatwootInstantDeserializer.class) Instant snoozedUntil,
        @JsonDeserialize(using = ChatwootInstantDeserializer.class) Instant agentLastSeenAt,
        @JsonDeserialize(using = ChatwootInstantDeserializer.class) Instant assigneeLastSeenAt,
        @JsonDeserialize(using = ChatwootInstantDeserializer.class) Instant contactLastSeenAt,
        @JsonDeserialize(using = ChatwootInstantDeserializer.class) Instant createdAt,
        @JsonDeserialize(using = ChatwootInstantDeserializer.class) Instant timestamp,
        @JsonDeserialize(using = ChatwootInstantDeserializer.class) Instant lastActivityAt,
        @JsonDeserialize(using = ChatwootInstantDeserializer.class) Instant firstReplyCreatedAt,
        @JsonDeserialize(using = ChatwootInstantDeserializer.class) Instant waitingSince,
        @JsonDeserialize(using = ChatwootInstantDeserializer.class) Instant updatedAt,
        Long slaPolicyId) {
}
