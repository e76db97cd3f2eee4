package com.yeswechange.whatsapp.chatwoot;

import java.time.Duration;

/** 429: Chatwoot's rate limiter refused the call before doing anything; try again after {@link #retryAfter()}. */
public class ChatwootRateLimitedException extends ChatwootException {

    private final Duration retryAfter;

    public ChatwootRateLimitedException(String body, Duration retryAfter) {
        super(429, body, "Chatwoot rate limit hit, retry after " + retryAfter.toSeconds() + " s" + describe(body), null);
        this.retryAfter = retryAfter;
    }

    /** From the Retry-After header; one second when Chatwoot gave none. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
