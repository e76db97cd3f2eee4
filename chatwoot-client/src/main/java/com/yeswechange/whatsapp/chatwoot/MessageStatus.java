package com.yeswechange.whatsapp.chatwoot;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** A message's delivery status, the ticks agents see. Chatwoot refuses read → delivered. */
public enum MessageStatus {
    SENT, DELIVERED, READ, FAILED;

    @JsonValue
    public String apiValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static MessageStatus fromApi(String value) {
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
