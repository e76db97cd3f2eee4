package com.yeswechange.whatsapp.handoff.service;

/** A failure that retrying will not fix (a 4xx from Twilio or Studio, a record without what routing needs). */
public class PermanentRouteException extends RuntimeException {

    public PermanentRouteException(String message) {
        super(message);
    }
}
