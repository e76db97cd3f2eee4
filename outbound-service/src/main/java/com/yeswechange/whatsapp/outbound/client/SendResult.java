package com.yeswechange.whatsapp.outbound.client;

/** What one Twilio Messages.create call proved. */
public sealed interface SendResult {

    /** Twilio created the message. */
    record Accepted(String messageSid, String status) implements SendResult {
    }

    /** Twilio refused it (4xx): nothing was sent. {@code errorCode} is Twilio's code (e.g. 63016, 20429). */
    record Rejected(int errorCode, int httpStatus, String message) implements SendResult {
    }

    /** The request never left: nothing was sent. */
    record Unreachable(String detail) implements SendResult {
    }

    /** The request may have reached Twilio (5xx, timeout): the outcome must be reconciled before any re-send. */
    record Unknown(String detail) implements SendResult {
    }
}
