package com.yeswechange.whatsapp.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Points a {@code @QuarkusTest}'s OIDC at the shared real Keycloak ({@link KeycloakServer}): the realm URL for the
 * default tenant and the {@code gateway} client's secret.
 */
public class KeycloakResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        KeycloakServer keycloak = KeycloakServer.get();
        return Map.of(
                "quarkus.oidc.auth-server-url", keycloak.realmUrl(),
                "quarkus.oidc.client-id", KeycloakServer.GATEWAY_CLIENT,
                "quarkus.oidc.credentials.secret", keycloak.gatewayClientSecret());
    }

    @Override
    public void stop() {
        // the server is shared by every test class of the JVM and stops with it
    }
}
