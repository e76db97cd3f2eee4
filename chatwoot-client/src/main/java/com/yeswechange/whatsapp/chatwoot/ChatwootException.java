package com.yeswechange.whatsapp.chatwoot;

/**
 * Chatwoot refused or failed a call. {@link #status()} is the HTTP status (0 when no usable answer came: connection refused,
 * timeout, circuit open, or an answer that could not be read), {@link #body()} Chatwoot's answer as text (possibly empty, capped in length).
 */
public class ChatwootException extends RuntimeException {

    private final int status;
    private final String body;

    public ChatwootException(int status, String body, String message, Throwable cause) {
        super(message, cause);
        this.status = status;
        this.body = body == null ? "" : body;
    }

    public ChatwootException(int status, String body) {
        this(status, body, "Chatwoot answered HTTP " + status + describe(body), null);
    }

    public int status() {
        return status;
    }

    public String body() {
        return body;
    }

    static String describe(String body) {
        return body == null || body.isBlank() ? "" : ": " + body;
    }
}
