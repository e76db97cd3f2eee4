package com.yeswechange.whatsapp.reporting.model;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One agent's line of the per-agent table: stream numbers, and Chatwoot's when available. */
@Schema(description = "One agent: numbers from the stream, and Chatwoot's per-agent summary (null when unavailable)")
public record AgentRow(
        long agentId,
        String name,
        String email,
        @Schema(description = "agent replies sent") long replies,
        @Schema(description = "conversations resolved while assigned to this agent") long resolved,
        DurationFigures firstResponse,
        DurationFigures queueTime,
        DurationFigures resolutionTime,
        ChatwootAgentNumbers chatwoot) {

    /** Chatwoot's summary_reports/agent row (seconds). */
    public record ChatwootAgentNumbers(Long conversations, Long resolved, Double avgFirstResponseSeconds,
            Double avgResolutionSeconds, Double avgReplySeconds) {
    }
}
