package com.yeswechange.whatsapp.chatwoot;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** The conversation list's assignee filter (Mine / Unassigned / All tabs, plus assigned to anyone). */
public enum AssigneeType {
    ME, UNASSIGNED, ALL, ASSIGNED;

    @JsonValue
    public String apiValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static AssigneeType fromApi(String value) {
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
