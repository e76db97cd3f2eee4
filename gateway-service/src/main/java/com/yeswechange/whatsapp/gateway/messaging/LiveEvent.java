package com.yeswechange.whatsapp.gateway.messaging;

import java.util.Map;

/**
 * One update for the agents' screens, as the live stream (GET /api/events) sends it: the SSE event name is
 * {@link #type()}, the data is {@link #data()} as JSON.
 *
 * @param conversationId     the conversation it is about (null for none)
 * @param assigneeId         who handles the conversation now (null: nobody); decides which agents see the event
 * @param previousAssigneeId who handled it before this event, when it changed (the old assignee learns it left)
 */
public record LiveEvent(String type, Long conversationId, Long assigneeId, Long previousAssigneeId,
        Map<String, Object> data) {

    /** A customer or agent message, or a private note: {conversationId, message: MessageView}. */
    public static final String MESSAGE_CREATED = "message.created";
    /** A message changed (e.g. Chatwoot's delivery status): {conversationId, message: MessageView}. */
    public static final String MESSAGE_UPDATED = "message.updated";
    /** A new conversation (e.g. a WhatsApp handoff): {conversationId, status, assigneeId}. */
    public static final String CONVERSATION_CREATED = "conversation.created";
    /** Assignment, labels, priority, ... changed: {conversationId, status, assigneeId, previousAssigneeId}. */
    public static final String CONVERSATION_UPDATED = "conversation.updated";
    /** Opened, resolved, pending or snoozed: {conversationId, status, assigneeId}. */
    public static final String CONVERSATION_STATUS_CHANGED = "conversation.status_changed";
    /** The list counts may have changed (after any conversation.* event): {conversationId}. Refetch the counts. */
    public static final String COUNTS_CHANGED = "counts.changed";
    /** Twilio's delivery tick: {conversationId, messageId, status, errorCode, errorMessage}. */
    public static final String MESSAGE_DELIVERY = "message.delivery";
    /** What outbound-service did with a reply: {conversationId, messageId, outcome, kind, errorCode, reason}. */
    public static final String MESSAGE_DISPATCH = "message.dispatch";
    /** Sent every gateway.sse-heartbeat: {at}. No heartbeat for two periods means the stream is dead: poll. */
    public static final String HEARTBEAT = "heartbeat";

    /** Whether an agent sees this event: supervisors see all; agents their own and unassigned conversations. */
    public boolean visibleTo(boolean supervisor, Long agentId) {
        if (supervisor || conversationId == null || assigneeId == null) {
            return true;
        }
        return agentId != null && (agentId.equals(assigneeId) || agentId.equals(previousAssigneeId));
    }
}
