package com.yeswechange.whatsapp.gateway.view;

/**
 * The conversation list's tab counts for one status and filter set.
 *
 * @param mine       assigned to the current agent
 * @param unassigned nobody assigned
 * @param assigned   assigned to anyone (null for agents: they do not see others' conversations)
 * @param all        every conversation (null for agents)
 */
public record Counts(long mine, long unassigned, Long assigned, Long all) {
}
