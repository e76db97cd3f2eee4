package com.yeswechange.whatsapp.reporting.streams;

/**
 * What the topology measures. A COUNT fact adds 1; a DURATION fact adds one sample in seconds (count, sum, max and a
 * histogram are kept for it).
 */
public enum Measure {
    /** Customers who asked the bot for a human (whatsapp.inbound, kind HANDOFF). */
    HANDOFFS(Kind.COUNT),
    /** Customer WhatsApp messages (whatsapp.inbound, kind MESSAGE). */
    MESSAGES_IN(Kind.COUNT),
    /** Agent replies to customers (chatwoot.events: outgoing, not private, written by a user). */
    MESSAGES_OUT(Kind.COUNT),
    /** Conversations created or reopened. */
    CONVERSATIONS_OPENED(Kind.COUNT),
    /** Conversations moved to resolved (per agent: the assignee at that moment). */
    CONVERSATIONS_RESOLVED(Kind.COUNT),
    /** Handoff request to the first agent reply to that customer. */
    QUEUE_TIME(Kind.DURATION),
    /** Conversation opened to its first agent reply. */
    FIRST_RESPONSE(Kind.DURATION),
    /** Conversation opened to resolved. */
    RESOLUTION_TIME(Kind.DURATION),
    /** Final send outcomes from whatsapp.dispatch, dimension {@code outcome=SENT|FAILED|SKIPPED}. */
    SENDS(Kind.COUNT),
    /** Twilio delivery statuses, dimension {@code status=delivered|read|...}. */
    DELIVERY_STATUSES(Kind.COUNT),
    /** Failed sends and failed/undelivered statuses, dimension {@code reason=<Twilio error code>|unknown}. */
    DELIVERY_FAILURES(Kind.COUNT),
    /** Sends refused because the customer's 24-hour window was closed (Twilio 63016). */
    WINDOW_BLOCKED(Kind.COUNT);

    public enum Kind {
        COUNT,
        DURATION
    }

    private final Kind kind;

    Measure(Kind kind) {
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
