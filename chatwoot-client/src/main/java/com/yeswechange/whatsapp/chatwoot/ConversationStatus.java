package com.yeswechange.whatsapp.chatwoot;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** A conversation's status; {@link #ALL} is only a list filter, never a conversation's own status. */
public enum ConversationStatus {
    OPEN, PENDING, RESOLVED, SNOOZED, ALL;

    /** The value Chatwoot uses on the wire. */
    @JsonValue
    public String apiValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static ConversationStatus fromApi(String value) {
        if (value == null) {
            return null;
        }
        return valueOf(value.trim().toUpperCase(Locale.ROOT));
    }

    @Override
    public String toString() {
        return apiValue();
    }
}
