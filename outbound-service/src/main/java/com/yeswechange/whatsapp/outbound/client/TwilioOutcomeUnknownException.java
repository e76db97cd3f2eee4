package com.yeswechange.whatsapp.outbound.client;

import com.twilio.exception.ApiConnectionException;

/**
 * The request may have reached Twilio but no answer came back (timeout, dropped connection): whether a message was
 * created is unknown until reconciled with Twilio's message list.
 */
public class TwilioOutcomeUnknownException extends ApiConnectionException {

    public TwilioOutcomeUnknownException(String message, Throwable cause) {
        super(message, cause);
    }
}
