package com.yeswechange.whatsapp.reporting.model;

import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The per-agent table for one period. */
@Schema(description = "Per-agent table for one period")
public record AgentsReport(
        String period,
        String timeZone,
        Instant from,
        Instant to,
        boolean degraded,
        @Schema(description = "why Chatwoot's numbers (and agent names) are missing, if they are") String chatwootError,
        List<AgentRow> agents) {
}
