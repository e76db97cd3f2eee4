package com.yeswechange.whatsapp.chatwoot;

/**
 * Chatwoot could not answer: a 5xx (status kept), or no answer at all (status 0: connection failure, timeout, or the
 * circuit breaker is open). Whether a write took effect is unknown.
 */
public class ChatwootUnavailableException extends ChatwootException {

    public ChatwootUnavailableException(int status, String body) {
        super(status, body);
    }

    public ChatwootUnavailableException(String message, Throwable cause) {
        super(0, "", message, cause);
    }
}
