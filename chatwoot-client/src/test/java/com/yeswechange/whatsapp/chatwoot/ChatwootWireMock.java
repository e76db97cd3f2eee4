package com.yeswechange.whatsapp.chatwoot;

import com.yeswechange.whatsapp.testsupport.WireMockResource;
import java.util.Map;

/** A WireMock stand-in for Chatwoot on a free port; the client's base URL points at it. */
public class ChatwootWireMock extends WireMockResource {

    @Override
    protected Map<String, String> properties(String baseUrl) {
        return Map.of("chatwoot.base-url", baseUrl);
    }
}
