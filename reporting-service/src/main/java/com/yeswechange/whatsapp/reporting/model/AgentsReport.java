package com.yeswechange.whatsapp.reporting.model;

import java.util.List;

/**
 * The per-agent table for one period, and why Chatwoot's part (numbers and names) is missing, if it is. The API
 * answers the rows as a JSON array and the reason in the {@code X-Reports-Degraded} header.
 */
public record AgentsReport(List<AgentRow> agents, String chatwootError) {

    public boolean degraded() {
        return chatwootError != null;
    }
}
