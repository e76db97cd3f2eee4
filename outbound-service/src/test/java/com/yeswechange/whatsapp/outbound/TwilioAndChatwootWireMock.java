package com.yeswechange.whatsapp.outbound;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Map;

/**
 * One WireMock server on a free port playing Twilio (REST and Studio) and Chatwoot for the service under test, with
 * short backoffs so retries happen quickly.
 */
public class TwilioAndChatwootWireMock implements QuarkusTestResourceLifecycleManager {

    public static final String TEMPLATE_SID = "HXb5b62575e6e4ff6129ad7c8efe1f983e";
    public static final String CALLBACK_BASE = "https://handoff.example.test";

    /** Marks the test field that receives the running server. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.FIELD)
    public @interface Server {
    }

    private WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        server.start();
        return Map.ofEntries(
                Map.entry("chatwoot.base-url", server.baseUrl()),
                Map.entry("twilio.api-base-url", server.baseUrl()),
                Map.entry("twilio.studio-api-base-url", server.baseUrl() + "/studio"),
                Map.entry("twilio.template-content-sid", TEMPLATE_SID),
                Map.entry("twilio.template-content-variables", "{\"1\":\"{{contact_name}}\"}"),
                Map.entry("twilio.request-timeout", "15s"),
                Map.entry("outbound.status-callback-base-url", CALLBACK_BASE),
                Map.entry("outbound.send.max-attempts", "3"),
                Map.entry("outbound.send.initial-backoff", "20ms"),
                Map.entry("outbound.send.max-backoff", "100ms"),
                Map.entry("com.yeswechange.whatsapp.chatwoot.ChatwootClient/Retry/delay", "20"));
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(server,
                new TestInjector.AnnotatedAndMatchesType(Server.class, WireMockServer.class));
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
