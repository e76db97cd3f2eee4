package com.yeswechange.whatsapp.chatwoot.dto;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The conversation context the messages list renders beside the messages. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record MessageListMetaDTO(
        List<String> labels,
        Map<String, Object> additionalAttributes,
        ContactDTO contact,
        AgentDTO assignee,
        @JsonDeserialize(using = ChatwootInstantDeserializer.class) Instant agentLastSeenAt,
        @JsonDeserialize(using = ChatwootInstantDeserializer.class) Instant assigneeLastSeenAt) {
}
