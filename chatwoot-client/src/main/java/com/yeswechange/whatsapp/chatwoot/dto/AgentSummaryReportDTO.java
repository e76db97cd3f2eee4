package com.yeswechange.whatsapp.chatwoot.dto;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** One agent's row of v2 summary_reports/agent (id is the agent's user id; times in seconds). */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record AgentSummaryReportDTO(
        long id,
        Long conversationsCount,
        Long resolvedConversationsCount,
        Double avgResolutionTime,
        Double avgFirstResponseTime,
        Double avgReplyTime) {
}
