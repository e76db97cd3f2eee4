package com.yeswechange.whatsapp.reporting.service;

/** The stream aggregates cannot be read right now (the topology is starting, restoring or rebalancing). */
public class StatsUnavailableException extends RuntimeException {

    public StatsUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
