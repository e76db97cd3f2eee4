package com.yeswechange.whatsapp.handoff.service;

/** A failure that may pass (Twilio or Studio unreachable, 5xx): the record is retried, never dead-lettered. */
public class TransientRouteException extends RuntimeException {

    public TransientRouteException(String message, Throwable cause) {
        super(message, cause);
    }
}
