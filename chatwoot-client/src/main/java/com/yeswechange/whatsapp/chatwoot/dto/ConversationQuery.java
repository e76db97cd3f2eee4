package com.yeswechange.whatsapp.chatwoot.dto;

import com.yeswechange.whatsapp.chatwoot.AssigneeType;
import com.yeswechange.whatsapp.chatwoot.ConversationStatus;
import java.util.List;

/**
 * Filters of GET conversations and conversations/meta; null means "not sent" (Chatwoot's defaults: status open,
 * sort last_activity_at_desc, page 1). q searches message content and makes Chatwoot ignore status.
 */
public record ConversationQuery(
        ConversationStatus status,
        AssigneeType assigneeType,
        Long inboxId,
        Long teamId,
        List<String> labels,
        String q,
        String sourceId,
        String conversationType,
        String sortBy,
        Integer page) {

    public static ConversationQuery all() {
        return new ConversationQuery(null, null, null, null, null, null, null, null, null, null);
    }

    public static ConversationQuery of(ConversationStatus status, AssigneeType assigneeType) {
        return all().withStatus(status).withAssigneeType(assigneeType);
    }

    public ConversationQuery withStatus(ConversationStatus value) {
        return new ConversationQuery(value, assigneeType, inboxId, teamId, labels, q, sourceId, conversationType, sortBy, page);
    }

    public ConversationQuery withAssigneeType(AssigneeType value) {
        return new ConversationQuery(status, value, inboxId, teamId, labels, q, sourceId, conversationType, sortBy, page);
    }

    public ConversationQuery withInboxId(Long value) {
        return new ConversationQuery(status, assigneeType, value, teamId, labels, q, sourceId, conversationType, sortBy, page);
    }

    public ConversationQuery withTeamId(Long value) {
        return new ConversationQuery(status, assigneeType, inboxId, value, labels, q, sourceId, conversationType, sortBy, page);
    }

    public ConversationQuery withLabels(List<String> value) {
        return new ConversationQuery(status, assigneeType, inboxId, teamId, value, q, sourceId, conversationType, sortBy, page);
    }

    public ConversationQuery withQ(String value) {
        return new ConversationQuery(status, assigneeType, inboxId, teamId, labels, value, sourceId, conversationType, sortBy, page);
    }

    /** Only the conversations of this contact inbox (e.g. "whatsapp:+2250700000000"). */
    public ConversationQuery withSourceId(String value) {
        return new ConversationQuery(status, assigneeType, inboxId, teamId, labels, q, value, conversationType, sortBy, page);
    }

    /** mention, participating or unattended. */
    public ConversationQuery withConversationType(String value) {
        return new ConversationQuery(status, assigneeType, inboxId, teamId, labels, q, sourceId, value, sortBy, page);
    }

    /** e.g. last_activity_at_desc, created_at_asc, priority_desc, waiting_since_asc, unread. */
    public ConversationQuery withSortBy(String value) {
        return new ConversationQuery(status, assigneeType, inboxId, teamId, labels, q, sourceId, conversationType, value, page);
    }

    public ConversationQuery withPage(Integer value) {
        return new ConversationQuery(status, assigneeType, inboxId, teamId, labels, q, sourceId, conversationType, sortBy, value);
    }
}
