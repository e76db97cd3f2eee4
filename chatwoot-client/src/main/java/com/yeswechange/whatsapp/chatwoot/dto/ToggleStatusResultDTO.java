package com.yeswechange.whatsapp.chatwoot.dto;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import com.yeswechange.whatsapp.chatwoot.ConversationStatus;
import java.time.Instant;

/** What toggle_status did: the status the conversation now has. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ToggleStatusResultDTO(
        Boolean success,
        Long conversationId,
        ConversationStatus currentStatus,
        @JsonDeserialize(using = ChatwootInstantDeserializer.class) Instant snoozedUntil) {
}
