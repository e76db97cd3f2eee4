package com.yeswechange.whatsapp.chatwoot.dto;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** The Mine / Assigned / Unassigned / All tab counts (taken before the assignee_type filter). The filter endpoint has no assigned_count. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ConversationCountsDTO(
        Long mineCount,
        Long assignedCount,
        Long unassignedCount,
        Long allCount) {
}
