package com.yeswechange.whatsapp.reporting.service;

/** A request the API cannot answer as asked (bad period, bad date range): a 400 with the message. */
public class InvalidRequestException extends RuntimeException {

    public InvalidRequestException(String message) {
        super(message);
    }
}
