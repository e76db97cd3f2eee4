package com.yeswechange.whatsapp.gateway.service;

/** The logged-in agent may not see or change this (for example another agent's conversation): HTTP 403. */
public class NotAllowedException extends RuntimeException {
    public NotAllowedException(String message) {
        super(message);
    }
}
