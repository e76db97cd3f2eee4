package com.yeswechange.whatsapp.reporting.model;

import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What the event stream says about a span of time. */
@Schema(description = "Numbers computed from the Kafka event stream")
public record StreamNumbers(
        @Schema(description = "customers who asked for a human") long handoffs,
        @Schema(description = "conversations created or reopened") long conversationsOpened,
        long conversationsResolved,
        @Schema(description = "customer WhatsApp messages") long messagesIn,
        @Schema(description = "agent replies") long messagesOut,
        @Schema(description = "handoff request to the first agent reply") DurationFigures queueTime,
        @Schema(description = "conversation opened to the first agent reply") DurationFigures firstResponse,
        @Schema(description = "conversation opened to resolved") DurationFigures resolutionTime,
        @Schema(description = "final send outcomes: SENT, FAILED, SKIPPED") Map<String, Long> sendsByOutcome,
        @Schema(description = "Twilio delivery statuses received") Map<String, Long> deliveryStatuses,
        List<FailureCount> deliveryFailures,
        @Schema(description = "sends refused because the 24-hour window was closed (63016)") long windowBlocked) {
}
