package com.yeswechange.whatsapp.chatwoot.dto;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** One agent's row of v2 reports/conversations?type=agent: their open and unattended conversations right now. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record AgentConversationMetricsDTO(
        long id,
        String name,
        String email,
        String thumbnail,
        String availability,
        Metric metric) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Metric(Long open, Long unattended) {
    }
}
