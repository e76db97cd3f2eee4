package com.yeswechange.whatsapp.reporting.model;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What Chatwoot's v2 reports and conversation counts say. When Chatwoot cannot be reached, {@code available} is false,
 * {@code error} says why and every number is null.
 */
@Schema(description = "Chatwoot's own numbers (v2 reports, conversation counts); null numbers when unavailable")
public record ChatwootNumbers(
        boolean available,
        String error,
        Long conversations,
        Long resolutions,
        Long incomingMessages,
        Long outgoingMessages,
        Double avgFirstResponseSeconds,
        Double avgResolutionSeconds,
        Double avgReplySeconds,
        @Schema(description = "open conversations of the WhatsApp inbox, now") Long open,
        @Schema(description = "pending conversations of the WhatsApp inbox, now") Long pending,
        @Schema(description = "open conversations without an assignee, now") Long unassigned) {

    public static ChatwootNumbers unavailable(String error) {
        return new ChatwootNumbers(false, error, null, null, null, null, null, null, null, null, null, null);
    }
}
