package com.yeswechange.whatsapp.handoff.service;

import com.yeswechange.whatsapp.events.InboundEvent;
import com.yeswechange.whatsapp.events.StatusEvent;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/** Turns Twilio's webhook parameters into the {@code events} records. Pure functions. */
public final class TwilioEvents {

    /** Studio handoff fields that are not the bot's context. */
    private static final Set<String> HANDOFF_FIELDS = Set.of("from", "From", "body", "Body", "name", "ProfileName",
            "to", "To", "flow_sid", "execution_sid");
    private static final Pattern E164 = Pattern.compile("\\+[1-9]\\d{5,14}");
    private static final String WHATSAPP_PREFIX = "whatsapp:";

    private TwilioEvents() {
    }

    /**
     * A Studio "Make HTTP Request" handoff (the seed's {@code from}, {@code body}, {@code name}; every other field is
     * the bot's context). Its id is stable across Studio retries: the execution SID, else Twilio's idempotency token,
     * else a digest of the body.
     */
    public static InboundEvent handoff(Map<String, String> fields, String idempotencyToken, byte[] rawBody,
            Instant receivedAt) {
        String from = first(fields, "from", "From");
        if (from == null) {
            throw new MalformedWebhookException("a handoff needs 'from' (the customer's WhatsApp address)");
        }
        String executionSid = blankToNull(fields.get("execution_sid"));
        String stableId = executionSid != null ? executionSid
                : idempotencyToken != null && !idempotencyToken.isBlank() ? idempotencyToken.trim()
                : sha256(rawBody).substring(0, 32);
        Map<String, String> context = new TreeMap<>();
        fields.forEach((name, value) -> {
            if (!HANDOFF_FIELDS.contains(name) && value != null && !value.isBlank()) {
                context.put(name, value);
            }
        });
        String body = first(fields, "body", "Body");
        return new InboundEvent(InboundEvent.CURRENT_VERSION, InboundEvent.Kind.HANDOFF, "studio:" + stableId,
                customerPhone(from, null), withPrefix(from), blankToNull(first(fields, "to", "To")),
                first(fields, "name", "ProfileName"), body == null ? "" : body, "text", List.of(), null, context,
                blankToNull(fields.get("flow_sid")), executionSid, receivedAt);
    }

    /** The WhatsApp sender's inbound message webhook (MessageSid, From, Body, media, location, ...). */
    public static InboundEvent message(Map<String, String> params, Instant receivedAt) {
        String sid = first(params, "MessageSid", "SmsMessageSid", "SmsSid");
        String from = first(params, "From");
        if (sid == null || from == null) {
            throw new MalformedWebhookException("an inbound message needs MessageSid and From");
        }
        List<InboundEvent.Media> media = new ArrayList<>();
        int count = parseCount(params.get("NumMedia"));
        for (int i = 0; i < count; i++) {
            String url = blankToNull(params.get("MediaUrl" + i));
            if (url != null) {
                media.add(new InboundEvent.Media(url, blankToNull(params.get("MediaContentType" + i))));
            }
        }
        InboundEvent.Location location = null;
        Double latitude = parseDouble(params.get("Latitude"));
        Double longitude = parseDouble(params.get("Longitude"));
        if (latitude != null && longitude != null) {
            location = new InboundEvent.Location(latitude, longitude, blankToNull(params.get("Address")),
                    blankToNull(params.get("Label")));
        }
        String body = params.get("Body");
        return new InboundEvent(InboundEvent.CURRENT_VERSION, InboundEvent.Kind.MESSAGE, sid,
                customerPhone(from, params.get("WaId")), from, blankToNull(params.get("To")),
                blankToNull(params.get("ProfileName")), body == null ? "" : body,
                blankToNull(params.get("MessageType")), media, location, Map.of(), null, null, receivedAt);
    }

    /**
     * A message status callback. Only the MessageSid is required; Chatwoot's ids come from the callback URL's query
     * ({@code conversation_id}, {@code message_id}), which outbound-service sets and Twilio signs.
     */
    public static StatusEvent status(Map<String, String> params, Map<String, String> query, Instant receivedAt) {
        String sid = first(params, "MessageSid", "SmsSid");
        if (sid == null) {
            throw new MalformedWebhookException("a status callback needs MessageSid");
        }
        return new StatusEvent(StatusEvent.CURRENT_VERSION, sid, first(params, "MessageStatus", "SmsStatus"),
                blankToNull(params.get("ErrorCode")), blankToNull(params.get("ErrorMessage")),
                blankToNull(params.get("To")), parseId(first(query, "conversation_id", "conversationId")),
                parseId(first(query, "message_id", "messageId")), receivedAt);
    }

    /**
     * The customer's E.164 number: {@code whatsapp:+2250701020304} gives {@code +2250701020304}. When From is not a
     * phone number (WhatsApp business-scoped user ids), WaId is used if it is one, else the id itself.
     */
    public static String customerPhone(String from, String waId) {
        String bare = from.startsWith(WHATSAPP_PREFIX) ? from.substring(WHATSAPP_PREFIX.length()) : from;
        bare = bare.trim();
        if (E164.matcher(bare).matches()) {
            return bare;
        }
        if (waId != null && waId.matches("[1-9]\\d{5,14}")) {
            return "+" + waId;
        }
        return bare;
    }

    private static String withPrefix(String from) {
        return from.startsWith(WHATSAPP_PREFIX) ? from : WHATSAPP_PREFIX + from.trim();
    }

    private static String first(Map<String, String> params, String... names) {
        for (String name : names) {
            String value = blankToNull(params.get(name));
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static int parseCount(String value) {
        try {
            return value == null ? 0 : Math.min(Math.max(Integer.parseInt(value.trim()), 0), 10);
        } catch (NumberFormatException e) {
            throw new MalformedWebhookException("NumMedia is not a number");
        }
    }

    private static Double parseDouble(String value) {
        try {
            return value == null || value.isBlank() ? null : Double.valueOf(value.trim());
        } catch (NumberFormatException e) {
            throw new MalformedWebhookException("Latitude/Longitude is not a number");
        }
    }

    private static Long parseId(String value) {
        try {
            return value == null ? null : Long.valueOf(value.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
