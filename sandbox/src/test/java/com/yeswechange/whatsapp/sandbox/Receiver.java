package com.yeswechange.whatsapp.sandbox;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A local HTTP receiver (WireMock on a free port) standing for the services: it gets the sandbox's Chatwoot webhooks,
 * Twilio callbacks, inbound messages and Studio handoffs. Shared by every @QuarkusTest of the module.
 */
public class Receiver implements QuarkusTestResourceLifecycleManager {

    public static final String CHATWOOT_WEBHOOK = "/api/webhooks/chatwoot";
    public static final String INBOX_CALLBACK = "/chatwoot/inbox-callback";
    public static final String TWILIO_MESSAGES = "/api/webhooks/twilio/messages";
    public static final String TWILIO_STATUS = "/api/webhooks/twilio/status";
    public static final String STUDIO_HANDOFF = "/api/webhooks/twilio/handoff";

    private static WireMockServer server;

    public static WireMockServer server() {
        return server;
    }

    public static String url(String path) {
        return "http://localhost:" + server.port() + path;
    }

    /** Every request answered 200; Twilio paths with empty TwiML as the services do. */
    public static void answerOk() {
        server.resetAll();
        server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)));
        server.stubFor(post(urlPathMatching("/api/webhooks/twilio/.*")).willReturn(
                aResponse().withStatus(200).withHeader("Content-Type", "text/xml").withBody("<Response/>")));
    }

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(options().dynamicPort());
        server.start();
        answerOk();
        return Map.of("sandbox.chatwoot.webhook-urls", url(CHATWOOT_WEBHOOK),
                "sandbox.chatwoot.inbox-callback-url", url(INBOX_CALLBACK),
                "sandbox.twilio.messages-webhook-url", url(TWILIO_MESSAGES),
                "sandbox.twilio.status-callback-url", url(TWILIO_STATUS),
                "sandbox.twilio.studio-handoff-url", url(STUDIO_HANDOFF));
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
