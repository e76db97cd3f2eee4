package com.yeswechange.whatsapp.chatwoot.dto;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** v2 reports/summary for a period; averages are seconds, null over an empty set; previous is the period before. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ReportSummaryDTO(
        Long conversationsCount,
        Long incomingMessagesCount,
        Long outgoingMessagesCount,
        Double avgFirstResponseTime,
        Double avgResolutionTime,
        Long resolutionsCount,
        Double replyTime,
        ReportSummaryDTO previous) {
}
