package com.yeswechange.whatsapp.gateway.rest;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Every error the API answers: a stable code, a sentence for people, and the request field at fault when there is one.
 * Never a stack trace, never a token.
 *
 * @param error   not_found, invalid, forbidden, rate_limited, chatwoot_rate_limited, chatwoot_unavailable,
 *                chatwoot_error, csrf, internal
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ErrorBody(String error, String message, String field) {

    public static ErrorBody of(String error, String message) {
        return new ErrorBody(error, message, null);
    }
}
