package com.yeswechange.whatsapp.chatwoot;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * A message's type. The REST API renders it as an integer (0 incoming, 1 outgoing, 2 activity, 3 template), webhooks
 * as a string; both read into this enum. It is written as the string, which is what message creation accepts.
 */
public enum MessageType {
    INCOMING(0), OUTGOING(1), ACTIVITY(2), TEMPLATE(3);

    private final int code;

    MessageType(int code) {
        this.code = code;
    }

    /** Chatwoot's integer for this type, as the REST API renders it. */
    public int code() {
        return code;
    }

    @JsonValue
    public String apiValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static MessageType fromCode(int code) {
        for (MessageType type : values()) {
            if (type.code == code) {
                return type;
            }
        }
        throw new IllegalArgumentException("unknown Chatwoot message_type " + code);
    }

    /** Reads 1, "1" or "outgoing" alike. */
    @JsonCreator
    public static MessageType fromJson(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Number number) {
            return fromCode(number.intValue());
        }
        String text = value.toString().trim();
        if (!text.isEmpty() && text.chars().allMatch(Character::isDigit)) {
            return fromCode(Integer.parseInt(text));
        }
        return valueOf(text.toUpperCase(Locale.ROOT));
    }

    @Override
    public String toString() {
        return apiValue();
    }
}
