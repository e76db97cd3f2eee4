package com.yeswechange.whatsapp.reporting.model;

import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The supervisors' dashboard for one period. */
@Schema(description = "Dashboard: stream numbers, Chatwoot's numbers and the per-agent table for one period")
public record Dashboard(
        @Schema(description = "today, week or month") String period,
        String timeZone,
        Instant from,
        Instant to,
        @Schema(description = "true when a part could not be computed: see streamError and chatwoot.error")
        boolean degraded,
        StreamNumbers stream,
        String streamError,
        ChatwootNumbers chatwoot,
        List<AgentRow> agents) {
}
