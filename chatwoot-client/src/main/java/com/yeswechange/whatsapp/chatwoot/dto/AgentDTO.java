package com.yeswechange.whatsapp.chatwoot.dto;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** An agent (a Chatwoot user in the account), as the agents list and assignments render it. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record AgentDTO(
        long id,
        Long accountId,
        String availabilityStatus,
        Boolean autoOffline,
        Boolean confirmed,
        String email,
        String provider,
        String availableName,
        String name,
        String role,
        String thumbnail,
        String type) {
}
