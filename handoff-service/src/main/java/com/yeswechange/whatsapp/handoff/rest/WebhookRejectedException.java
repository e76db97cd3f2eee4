package com.yeswechange.whatsapp.handoff.rest;

/** A webhook refused before anything was written: answered with {@link #status()} and a JSON error body. */
public class WebhookRejectedException extends RuntimeException {

    private final String endpoint;
    private final int status;
    private final String reason;

    public WebhookRejectedException(String endpoint, int status, String reason, String message) {
        super(message);
        this.endpoint = endpoint;
        this.status = status;
        this.reason = reason;
    }

    public String endpoint() {
        return endpoint;
    }

    public int status() {
        return status;
    }

    /** A short, stable word for metrics and clients: missing_signature, forged_signature, malformed, ... */
    public String reason() {
        return reason;
    }
}
