package com.yeswechange.whatsapp.gateway.service;

/** A request field is missing or wrong: HTTP 422 naming the field. */
public class InvalidInputException extends RuntimeException {

    private final String field;

    public InvalidInputException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
