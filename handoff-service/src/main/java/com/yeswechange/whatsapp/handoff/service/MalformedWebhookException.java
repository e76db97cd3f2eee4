package com.yeswechange.whatsapp.handoff.service;

/** A webhook body that cannot be read or lacks what its kind requires (answered 400). */
public class MalformedWebhookException extends RuntimeException {

    public MalformedWebhookException(String message) {
        super(message);
    }
}
