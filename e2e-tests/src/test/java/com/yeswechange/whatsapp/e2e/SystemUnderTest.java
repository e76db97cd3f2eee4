package com.yeswechange.whatsapp.e2e;

import com.yeswechange.whatsapp.testsupport.KafkaBroker;
import com.yeswechange.whatsapp.testsupport.KeycloakServer;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The whole system for end-to-end tests, started once per test JVM and shared by every test class: one in-JVM Kafka
 * broker, a real Keycloak with the project's realm, the sandbox (Chatwoot and Twilio stand-ins) and the four services
 * as real processes, wired the way run.sh wires them. Call {@link #get()} from a test; the first call starts everything
 * (~60 s on 2 cores).
 */
final class SystemUnderTest {

    /** Demo credentials shared by the sandbox and the services (the sandbox reads the same variables). */
    static final String CHATWOOT_API_TOKEN = "e2e-admin-token";
    static final String CHATWOOT_PLATFORM_TOKEN = "e2e-platform-token";
    static final String CHATWOOT_WEBHOOK_SECRET = "e2e-webhook-secret";
    static final String TWILIO_ACCOUNT_SID = "AC0000000000000000000000000000e2e0";
    static final String TWILIO_AUTH_TOKEN = "e2e-twilio-auth-token";
    static final String TWILIO_WHATSAPP_FROM = "whatsapp:+2252722405060";
    static final String WHATSAPP_INBOX_ID = "3";

    private static SystemUnderTest instance;

    final AppProcess sandbox = AppProcess.reserve("sandbox");
    final AppProcess handoff = AppProcess.reserve("handoff-service");
    final AppProcess outbound = AppProcess.reserve("outbound-service");
    final AppProcess reporting = AppProcess.reserve("reporting-service");
    final AppProcess gateway = AppProcess.reserve("gateway-service");
    final String kafka;
    final KeycloakServer keycloak;

    private SystemUnderTest() {
        kafka = KafkaBroker.bootstrapServers();
        KafkaBroker.createContractTopics();
        keycloak = KeycloakServer.get();

        Map<String, String> common = new HashMap<>();
        common.put("KAFKA_BOOTSTRAP_SERVERS", kafka);
        common.put("CHATWOOT_BASE_URL", sandbox.url());
        common.put("CHATWOOT_ACCOUNT_ID", "1");
        common.put("CHATWOOT_API_TOKEN", CHATWOOT_API_TOKEN);
        common.put("CHATWOOT_PLATFORM_TOKEN", CHATWOOT_PLATFORM_TOKEN);
        common.put("CHATWOOT_WHATSAPP_INBOX_ID", WHATSAPP_INBOX_ID);
        common.put("CHATWOOT_WEBHOOK_SECRET", CHATWOOT_WEBHOOK_SECRET);
        common.put("TWILIO_ACCOUNT_SID", TWILIO_ACCOUNT_SID);
        common.put("TWILIO_AUTH_TOKEN", TWILIO_AUTH_TOKEN);
        common.put("TWILIO_WHATSAPP_FROM", TWILIO_WHATSAPP_FROM);
        common.put("TWILIO_API_BASE_URL", sandbox.url());
        common.put("TWILIO_STUDIO_API_BASE_URL", sandbox.url());
        common.put("HANDOFF_PUBLIC_BASE_URL", handoff.url());
        common.put("REPORTING_BASE_URL", reporting.url());
        common.put("GATEWAY_OIDC_AUTH_SERVER_URL", keycloak.realmUrl());
        common.put("GATEWAY_OIDC_CLIENT_SECRET", keycloak.gatewayClientSecret());

        Map<String, String> sandboxEnv = new HashMap<>(common);
        sandboxEnv.put("SANDBOX_CHATWOOT_WEBHOOK_URLS", handoff.url() + "/api/webhooks/chatwoot");
        sandboxEnv.put("SANDBOX_TWILIO_MESSAGES_WEBHOOK_URL", handoff.url() + "/api/webhooks/twilio/messages");
        sandboxEnv.put("SANDBOX_STUDIO_HANDOFF_URL", handoff.url() + "/api/webhooks/twilio/handoff");
        sandboxEnv.put("SANDBOX_TWILIO_STATUS_CALLBACK_URL", handoff.url() + "/api/webhooks/twilio/status");

        sandbox.start(sandboxEnv);
        for (AppProcess service : services()) {
            service.start(common);
        }
        sandbox.awaitReady(Duration.ofSeconds(120));
        for (AppProcess service : services()) {
            service.awaitReady(Duration.ofSeconds(180));
        }
    }

    static synchronized SystemUnderTest get() {
        if (instance == null) {
            instance = new SystemUnderTest();
        }
        return instance;
    }

    /** A Keycloak access token for a demo user of the realm (agent1/agent1, supervisor1/supervisor1). */
    String tokenFor(String user) {
        return keycloak.accessToken(user, user);
    }

    List<AppProcess> services() {
        return List.of(handoff, outbound, reporting, gateway);
    }
}
