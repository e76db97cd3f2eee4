package com.yeswechange.whatsapp.chatwoot;

import java.util.Objects;

/**
 * An agent's own Chatwoot api_access_token, passed to a {@link ChatwootClient} call to act as that agent (so messages
 * show the right sender and permissions are the agent's). toString hides the value.
 */
public record UserToken(String value) {

    public UserToken {
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("blank Chatwoot user token");
        }
    }

    public static UserToken of(String value) {
        return new UserToken(value);
    }

    @Override
    public String toString() {
        return "UserToken[***]";
    }
}
