package com.yeswechange.whatsapp.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;

/**
 * A Twilio status callback, on {@link Topics#WHATSAPP_STATUS}, keyed by {@link #messageSid()}. The Chatwoot ids come
 * from the StatusCallback URL's query, which outbound-service sets and Twilio signs.
 *
 * @param status       Twilio's {@code MessageStatus} as sent (sent, delivered, read, failed, undelivered, ...)
 * @param errorCode    Twilio's {@code ErrorCode} for failures (e.g. 63016), else null
 * @param errorMessage Twilio's {@code ErrorMessage}, if any
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record StatusEvent(
        int schemaVersion,
        String messageSid,
        String status,
        String errorCode,
        String errorMessage,
        String to,
        Long chatwootConversationId,
        Long chatwootMessageId,
        Instant receivedAt) {

    public static final int CURRENT_VERSION = 1;

    /** The StatusCallback URL's query parameter carrying the Chatwoot conversation id (set by outbound). */
    public static final String CALLBACK_CONVERSATION_PARAM = "chatwoot_conversation_id";
    /** The StatusCallback URL's query parameter carrying the Chatwoot message id (set by outbound). */
    public static final String CALLBACK_MESSAGE_PARAM = "chatwoot_message_id";

    public StatusEvent {
        schemaVersion = schemaVersion <= 0 ? 1 : schemaVersion;
    }

    public DeliveryStatus deliveryStatus() {
        return DeliveryStatus.fromTwilio(status);
    }
}
