package com.yeswechange.whatsapp.chatwoot.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import com.yeswechange.whatsapp.chatwoot.ConversationStatus;

/** POST …/toggle_status. snoozedUntil is unix seconds, only with status snoozed; no status toggles open↔resolved. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ToggleStatusRequest(ConversationStatus status, Long snoozedUntil) {
}
