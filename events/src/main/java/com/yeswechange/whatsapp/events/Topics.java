package com.yeswechange.whatsapp.events;

/**
 * The Kafka topics the services exchange, and the one naming rule for dead-letter topics.
 * Keys give order: per customer on {@link #WHATSAPP_INBOUND}, per conversation on {@link #CHATWOOT_EVENTS}.
 */
public final class Topics {

    /** Handoffs and customer messages from Twilio. Key: the customer's phone in E.164 ({@link InboundEvent#customerPhone()}). */
    public static final String WHATSAPP_INBOUND = "whatsapp.inbound";
    /** Twilio delivery status callbacks. Key: the Twilio MessageSid. */
    public static final String WHATSAPP_STATUS = "whatsapp.status";
    /** Normalized Chatwoot webhook events. Key: the Chatwoot conversation id. */
    public static final String CHATWOOT_EVENTS = "chatwoot.events";
    /** What outbound-service sent, or why not: the send ledger. Compacted. Key: the Chatwoot message id. */
    public static final String WHATSAPP_DISPATCH = "whatsapp.dispatch";

    /** Every topic above, in the order a local setup creates them. */
    public static final java.util.List<String> ALL =
            java.util.List.of(WHATSAPP_INBOUND, WHATSAPP_STATUS, CHATWOOT_EVENTS, WHATSAPP_DISPATCH);

    /** Suffix of a dead-letter topic: a record that can never be processed goes to {@code <source topic>.dlq}. */
    public static final String DLQ_SUFFIX = ".dlq";

    private Topics() {
    }

    /** The dead-letter topic of {@code topic}, e.g. {@code whatsapp.inbound.dlq}. */
    public static String dlq(String topic) {
        if (topic == null || topic.isBlank() || topic.endsWith(DLQ_SUFFIX)) {
            throw new IllegalArgumentException("not a source topic: " + topic);
        }
        return topic + DLQ_SUFFIX;
    }
}
