package com.yeswechange.whatsapp.chatwoot.dto;

import com.fasterxml.jackson.annotation.JsonProperty;

/** POST …/assignments with assignee_id; Chatwoot unassigns when the key is present and null. */
public record AssignAgentRequest(@JsonProperty("assignee_id") Long assigneeId) {
}
