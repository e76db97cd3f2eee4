package com.yeswechange.whatsapp.reporting.streams;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * One customer's queue: the handoff still waiting for an agent, the last reply that answered a handoff, and the latest
 * agent replies (so that a handoff arriving after its answer, out of order, still finds it).
 */
public record QueueState(Instant waitingSince, Instant lastAnswerAt, List<Reply> recentReplies) {

    /** How many recent replies are kept per customer. */
    static final int KEPT_REPLIES = 20;

    static final QueueState NEW = new QueueState(null, null, List.of());

    public record Reply(Instant at, Long agentId) {
    }

    public QueueState {
        recentReplies = recentReplies == null ? List.of() : List.copyOf(recentReplies);
    }

    QueueState waiting(Instant since) {
        return new QueueState(since, lastAnswerAt, recentReplies);
    }

    QueueState answered(Instant replyAt) {
        return new QueueState(null, replyAt, recentReplies);
    }

    QueueState remember(Reply reply) {
        List<Reply> replies = new ArrayList<>(recentReplies);
        replies.add(reply);
        replies.sort(Comparator.comparing(Reply::at));
        while (replies.size() > KEPT_REPLIES) {
            replies.removeFirst();
        }
        return new QueueState(waitingSince, lastAnswerAt, replies);
    }

    /** The earliest remembered reply at or after {@code at}, if any. */
    Reply firstReplyFrom(Instant at) {
        return recentReplies.stream().filter(r -> !r.at().isBefore(at)).findFirst().orElse(null);
    }
}
