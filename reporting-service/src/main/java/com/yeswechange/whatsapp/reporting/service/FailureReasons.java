package com.yeswechange.whatsapp.reporting.service;

import java.util.Map;

/** Plain words for the Twilio error codes a WhatsApp sender meets most. */
final class FailureReasons {

    private static final Map<String, String> DESCRIPTIONS = Map.ofEntries(
            Map.entry("63016", "outside the 24-hour window: a template is needed"),
            Map.entry("63018", "rate limit of the WhatsApp sender exceeded"),
            Map.entry("20429", "too many requests to Twilio"),
            Map.entry("63003", "the recipient cannot be reached on WhatsApp"),
            Map.entry("63024", "invalid message recipient"),
            Map.entry("63032", "the user has not opted in or blocked the business"),
            Map.entry("63049", "Meta chose not to deliver this marketing message"),
            Map.entry("30003", "unreachable destination handset"),
            Map.entry("30005", "unknown destination handset"),
            Map.entry("30006", "landline or unreachable carrier"),
            Map.entry("30007", "filtered by the carrier"),
            Map.entry("30008", "unknown error"),
            Map.entry("21211", "invalid 'To' phone number"),
            Map.entry("21610", "the recipient unsubscribed"));

    private FailureReasons() {
    }

    static String describe(String reason) {
        return DESCRIPTIONS.getOrDefault(reason, "unknown".equals(reason) ? "no error code given" : "Twilio error " + reason);
    }
}
