package com.yeswechange.whatsapp.sandbox.model;

import java.time.Instant;
import java.util.Map;

/**
 * One HTTP request the sandbox made (a Chatwoot webhook, a Twilio status callback, an inbound message, a Studio
 * handoff) and the answer it got, for end-to-end assertions.
 */
public record OutgoingCall(long seq, String kind, String event, String url, Map<String, String> headers, String body,
        Integer responseStatus, String error, Instant at) {
}
