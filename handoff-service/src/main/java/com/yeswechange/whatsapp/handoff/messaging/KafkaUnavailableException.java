package com.yeswechange.whatsapp.handoff.messaging;

/** A record was not acknowledged by Kafka in time: the webhook is answered 503 so its sender tries again. */
public class KafkaUnavailableException extends RuntimeException {

    public KafkaUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
