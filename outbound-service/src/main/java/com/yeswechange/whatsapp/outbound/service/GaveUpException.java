package com.yeswechange.whatsapp.outbound.service;

/** Every attempt of a send was refused for a transient reason: the event goes to the dead-letter topic. */
public class GaveUpException extends RuntimeException {

    public GaveUpException(String message) {
        super(message);
    }
}
