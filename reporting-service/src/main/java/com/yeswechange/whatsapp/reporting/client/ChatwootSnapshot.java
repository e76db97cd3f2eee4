package com.yeswechange.whatsapp.reporting.client;

import com.yeswechange.whatsapp.chatwoot.dto.AgentDTO;
import com.yeswechange.whatsapp.chatwoot.dto.AgentSummaryReportDTO;
import com.yeswechange.whatsapp.chatwoot.dto.ReportSummaryDTO;
import java.util.List;

/** Chatwoot's numbers for one period, fetched together. */
public record ChatwootSnapshot(ReportSummaryDTO summary, List<AgentSummaryReportDTO> agentSummaries,
        List<AgentDTO> agents) {
}
