package com.yeswechange.whatsapp.gateway;

import com.yeswechange.whatsapp.testsupport.KeycloakServer;

/**
 * Real access tokens from the test Keycloak (the project's realm). The realm's demo users plus two made here:
 * agent2 (role agent, a Chatwoot agent) and visitor (no role at all).
 */
final class TestUsers {

    private static boolean created;

    private TestUsers() {
    }

    static synchronized void ensureCreated() {
        if (!created) {
            KeycloakServer keycloak = KeycloakServer.get();
            keycloak.createUser("agent2", "agent2", "agent2@yeswechange.ci", "agent");
            keycloak.createUser("visitor", "visitor", "visitor@yeswechange.ci");
            created = true;
        }
    }

    static String agent1() {
        return token("agent1");
    }

    static String agent2() {
        return token("agent2");
    }

    static String supervisor1() {
        return token("supervisor1");
    }

    static String admin() {
        return token("admin");
    }

    static String visitor() {
        return token("visitor");
    }

    /** The demo users' password is their username. */
    static String token(String username) {
        ensureCreated();
        return KeycloakServer.get().accessToken(username, username);
    }
}
