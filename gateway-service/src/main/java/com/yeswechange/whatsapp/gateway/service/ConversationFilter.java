package com.yeswechange.whatsapp.gateway.service;

import com.yeswechange.whatsapp.chatwoot.AssigneeType;
import com.yeswechange.whatsapp.chatwoot.ConversationStatus;

/**
 * What a conversation list shows. Nulls mean Chatwoot's defaults: status open, assignee {@code me}, page 1, sort by
 * last activity.
 *
 * @param sortBy one of Chatwoot's sorts, e.g. last_activity_at_desc, created_at_asc, priority_desc, waiting_since_asc
 */
public record ConversationFilter(
        ConversationStatus status,
        AssigneeType assigneeType,
        Long inboxId,
        Long teamId,
        String label,
        String sortBy,
        Integer page) {

    public static ConversationFilter mine() {
        return new ConversationFilter(null, AssigneeType.ME, null, null, null, null, null);
    }

    public ConversationStatus statusOrDefault() {
        return status == null ? ConversationStatus.OPEN : status;
    }

    public AssigneeType assigneeOrDefault() {
        return assigneeType == null ? AssigneeType.ME : assigneeType;
    }

    public int pageOrFirst() {
        return page == null || page < 1 ? 1 : page;
    }
}
