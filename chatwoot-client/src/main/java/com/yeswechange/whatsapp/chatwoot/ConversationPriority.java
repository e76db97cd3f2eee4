package com.yeswechange.whatsapp.chatwoot;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** A conversation's priority; no priority is {@code null} (toggle_priority with null clears it). */
public enum ConversationPriority {
    LOW, MEDIUM, HIGH, URGENT;

    @JsonValue
    public String apiValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static ConversationPriority fromApi(String value) {
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
