package com.yeswechange.whatsapp.chatwoot;

import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import org.eclipse.microprofile.rest.client.ext.ResponseExceptionMapper;

/** Turns every Chatwoot error answer (4xx, 5xx) into a typed {@link ChatwootException} with status and body. */
public class ChatwootExceptionMapper implements ResponseExceptionMapper<ChatwootException> {

    /** Enough of an error body to diagnose; Chatwoot's error bodies are short JSON. */
    static final int MAX_BODY_CHARS = 2000;
    static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(1);

    @Override
    public boolean handles(int status, MultivaluedMap<String, Object> headers) {
        return status >= 400;
    }

    @Override
    public ChatwootException toThrowable(Response response) {
        return toException(response.getStatus(), readBody(response), response.getHeaderString("Retry-After"));
    }

    static ChatwootException toException(int status, String body, String retryAfter) {
        return switch (status) {
            case 400, 422 -> new ChatwootRejectedException(status, body);
            case 401 -> new ChatwootUnauthorizedException(body);
            case 403 -> new ChatwootForbiddenException(body);
            case 404 -> new ChatwootNotFoundException(body);
            case 429 -> new ChatwootRateLimitedException(body, parseRetryAfter(retryAfter, Instant.now()));
            default -> status >= 500 ? new ChatwootUnavailableException(status, body) : new ChatwootException(status, body);
        };
    }

    /** Retry-After is either delta-seconds or an HTTP date (RFC 9110 §10.2.3). */
    static Duration parseRetryAfter(String header, Instant now) {
        if (header == null || header.isBlank()) {
            return DEFAULT_RETRY_AFTER;
        }
        String value = header.trim();
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(value)));
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                Duration wait = Duration.between(now, at);
                return wait.isNegative() ? Duration.ZERO : wait;
            } catch (DateTimeParseException notDate) {
                return DEFAULT_RETRY_AFTER;
            }
        }
    }

    private static String readBody(Response response) {
        if (!response.hasEntity()) {
            return "";
        }
        try {
            String body = response.readEntity(String.class);
            if (body == null) {
                return "";
            }
            return body.length() > MAX_BODY_CHARS ? body.substring(0, MAX_BODY_CHARS) + "…" : body;
        } catch (RuntimeException unreadable) {
            return "";
        }
    }

}
