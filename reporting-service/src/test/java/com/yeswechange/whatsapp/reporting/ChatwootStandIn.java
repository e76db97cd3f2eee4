package com.yeswechange.whatsapp.reporting;

import com.yeswechange.whatsapp.testsupport.WireMockResource;
import java.util.Map;

/** A WireMock stand-in for Chatwoot on a free port; chatwoot.base-url points at it. */
public class ChatwootStandIn extends WireMockResource {

    @Override
    protected Map<String, String> properties(String baseUrl) {
        return Map.of("chatwoot.base-url", baseUrl, "chatwoot.account-id", "1",
                "chatwoot.whatsapp-inbox-id", Long.toString(TestEvents.WHATSAPP_INBOX));
    }
}
