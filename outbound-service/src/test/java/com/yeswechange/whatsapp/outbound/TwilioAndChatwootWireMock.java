package com.yeswechange.whatsapp.outbound;

import com.yeswechange.whatsapp.testsupport.WireMockResource;
import java.util.Map;

/**
 * One WireMock server on a free port playing Twilio (REST and Studio) and Chatwoot for the service under test, with
 * short backoffs so retries happen quickly.
 */
public class TwilioAndChatwootWireMock extends WireMockResource {

    public static final String TEMPLATE_SID = "HXb5b62575e6e4ff6129ad7c8efe1f983e";
    public static final String CALLBACK_BASE = "https://handoff.example.test";

    @Override
    protected Map<String, String> properties(String baseUrl) {
        return Map.ofEntries(
                Map.entry("chatwoot.base-url", baseUrl),
                Map.entry("twilio.api-base-url", baseUrl),
                Map.entry("twilio.studio-api-base-url", baseUrl + "/studio"),
                Map.entry("twilio.template-content-sid", TEMPLATE_SID),
                Map.entry("twilio.template-content-variables", "{\"1\":\"{{contact_name}}\"}"),
                Map.entry("twilio.request-timeout", "15s"),
                Map.entry("outbound.status-callback-base-url", CALLBACK_BASE),
                Map.entry("outbound.send.max-attempts", "3"),
                Map.entry("outbound.send.initial-backoff", "20ms"),
                Map.entry("outbound.send.max-backoff", "100ms"),
                Map.entry("chatwoot.retry.delay", "20ms"));
    }
}
