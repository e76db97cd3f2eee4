package com.yeswechange.whatsapp.chatwoot.dto;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** Who wrote a message: a contact (no type), a user (type 'user') or an agent bot (type 'agent_bot'). */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record SenderDTO(
        Long id,
        String name,
        String availableName,
        String email,
        String phoneNumber,
        String identifier,
        String thumbnail,
        String avatarUrl,
        String type) {
}
