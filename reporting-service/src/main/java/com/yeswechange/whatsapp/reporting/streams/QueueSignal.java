package com.yeswechange.whatsapp.reporting.streams;

import java.time.Instant;

/**
 * What the queue-time step needs, keyed by the customer's phone: a handoff request, or an agent's reply to that
 * customer. The time travels in the value: it crosses a repartition topic.
 */
public record QueueSignal(Type type, Instant at, Long agentId) {

    public enum Type {
        HANDOFF,
        AGENT_REPLY
    }

    public static QueueSignal handoff(Instant at) {
        return new QueueSignal(Type.HANDOFF, at, null);
    }

    public static QueueSignal reply(Instant at, Long agentId) {
        return new QueueSignal(Type.AGENT_REPLY, at, agentId);
    }
}
