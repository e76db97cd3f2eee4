package com.yeswechange.whatsapp.events;

import java.util.Locale;

/**
 * Twilio's message statuses, ranked so that a delivery tick never goes backwards: a late "delivered" after "read"
 * changes nothing. Failures rank above everything but "read": a message can fail after "sent".
 */
public enum DeliveryStatus {
    ACCEPTED(0), SCHEDULED(0), QUEUED(1), SENDING(2), SENT(3), DELIVERED(4), UNDELIVERED(5), FAILED(5), READ(6),
    RECEIVED(0), RECEIVING(0), CANCELED(5), PARTIALLY_DELIVERED(4), UNKNOWN(-1);

    private final int rank;

    DeliveryStatus(int rank) {
        this.rank = rank;
    }

    /** Reads Twilio's lower-case status ({@code MessageStatus}); anything unknown is {@link #UNKNOWN}. */
    public static DeliveryStatus fromTwilio(String value) {
        if (value == null || value.isBlank()) {
            return UNKNOWN;
        }
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            return UNKNOWN;
        }
    }

    /** Twilio's spelling of this status. */
    public String twilioValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean isFailure() {
        return this == FAILED || this == UNDELIVERED || this == CANCELED;
    }

    /** True when moving from {@code current} to this status is progress (never a step back). */
    public boolean advancesFrom(DeliveryStatus current) {
        return current == null || rank > current.rank;
    }
}
