package com.yeswechange.whatsapp.chatwoot.dto;

import com.fasterxml.jackson.annotation.JsonProperty;

/** POST …/assignments with team_id only (no assignee_id key, or Chatwoot would assign an agent instead). */
public record AssignTeamRequest(@JsonProperty("team_id") Long teamId) {
}
