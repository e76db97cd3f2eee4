package com.yeswechange.whatsapp.chatwoot.dto;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** A conversation's meta: the customer (sender), the channel, the assignee and the team. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ConversationMetaDTO(
        ContactDTO sender,
        String channel,
        AgentDTO assignee,
        String assigneeType,
        TeamDTO team,
        Boolean hmacVerified) {
}
