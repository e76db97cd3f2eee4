package com.yeswechange.whatsapp.chatwoot.dto;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import com.yeswechange.whatsapp.chatwoot.ConversationStatus;
import java.time.Instant;
import java.util.Map;

/**
 * POST conversations. With inboxId and contactId Chatwoot finds or creates the contact inbox; sourceId alone names an
 * existing contact inbox. snoozedUntil is sent as an ISO-8601 date-time, as
 * conversation_builder.rb and swagger.json expect it (unlike toggle_status, which takes unix seconds). Absent fields are not sent.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record CreateConversationRequest(
        String sourceId,
        Long inboxId,
        Long contactId,
        ConversationStatus status,
        Long assigneeId,
        Long teamId,
        @JsonFormat(shape = JsonFormat.Shape.STRING) Instant snoozedUntil,
        Map<String, Object> additionalAttributes,
        Map<String, Object> customAttributes) {

    /** The usual case: this contact, in this inbox, known there by sourceId (e.g. "whatsapp:+2250700000000"). */
    public static CreateConversationRequest of(long inboxId, long contactId, String sourceId) {
        return new CreateConversationRequest(sourceId, inboxId, contactId, null, null, null, null, null, null);
    }
}
