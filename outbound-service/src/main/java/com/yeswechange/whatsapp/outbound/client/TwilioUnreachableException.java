package com.yeswechange.whatsapp.outbound.client;

import com.twilio.exception.ApiConnectionException;

/** Twilio could not be connected to: the request never left, so nothing was sent and a retry is safe. */
public class TwilioUnreachableException extends ApiConnectionException {

    public TwilioUnreachableException(String message, Throwable cause) {
        super(message, cause);
    }
}
