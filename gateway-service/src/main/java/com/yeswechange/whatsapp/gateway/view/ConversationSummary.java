package com.yeswechange.whatsapp.gateway.view;

import java.time.Instant;
import java.util.List;

/**
 * A conversation as a list row shows it.
 *
 * @param status   open, pending, resolved or snoozed
 * @param priority low, medium, high, urgent or null
 */
public record ConversationSummary(
        long id,
        String status,
        String priority,
        Long inboxId,
        ContactView contact,
        AgentView assignee,
        TeamView team,
        List<String> labels,
        int unreadCount,
        MessageView lastMessage,
        Instant lastActivityAt,
        Instant createdAt,
        Instant snoozedUntil,
        Instant waitingSince) {
}
