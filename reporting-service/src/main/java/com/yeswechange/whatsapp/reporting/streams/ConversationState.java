package com.yeswechange.whatsapp.reporting.streams;

import java.time.Instant;

/**
 * What the topology remembers of one Chatwoot conversation's current cycle (from opening or reopening to resolution).
 *
 * @param openedAt               start of the cycle: conversation created or reopened (or, if never seen, the first
 *                               customer message of the cycle)
 * @param openSeen               whether the opening itself was seen (and counted)
 * @param firstReplyAt           the earliest agent reply of the cycle seen so far
 * @param firstReplyAgentId      who wrote it
 * @param firstResponseMeasured  whether the first response time of this cycle was counted
 * @param status                 the latest status (open, pending, snoozed, resolved)
 * @param statusAt               when that status was set, to ignore older status events arriving late
 * @param assigneeId             the latest assignee
 */
public record ConversationState(
        Instant openedAt,
        boolean openSeen,
        Instant firstReplyAt,
        Long firstReplyAgentId,
        boolean firstResponseMeasured,
        String status,
        Instant statusAt,
        Long assigneeId) {

    static final ConversationState NEW = new ConversationState(null, false, null, null, false, null, null, null);

    ConversationState opened(Instant at, boolean seen) {
        return new ConversationState(at, seen, firstReplyAt, firstReplyAgentId, firstResponseMeasured, status, statusAt,
                assigneeId);
    }

    ConversationState reopened(Instant at) {
        return new ConversationState(at, true, null, null, false, "open", at, assigneeId);
    }

    ConversationState firstReply(Instant at, Long agentId) {
        return new ConversationState(openedAt, openSeen, at, agentId, firstResponseMeasured, status, statusAt,
                assigneeId);
    }

    ConversationState withFirstResponseMeasured() {
        return new ConversationState(openedAt, openSeen, firstReplyAt, firstReplyAgentId, true, status, statusAt,
                assigneeId);
    }

    ConversationState status(String value, Instant at) {
        return new ConversationState(openedAt, openSeen, firstReplyAt, firstReplyAgentId, firstResponseMeasured, value,
                at, assigneeId);
    }

    ConversationState assignee(Long value) {
        return new ConversationState(openedAt, openSeen, firstReplyAt, firstReplyAgentId, firstResponseMeasured, status,
                statusAt, value);
    }
}
