package com.yeswechange.whatsapp.gateway.security;

import java.util.Set;

/** The realm roles of the {@code agents} Keycloak realm. Supervisors and admins see every agent's conversations. */
public final class Roles {

    public static final String AGENT = "agent";
    public static final String SUPERVISOR = "supervisor";
    public static final String ADMIN = "admin";

    public static final Set<String> ALL = Set.of(AGENT, SUPERVISOR, ADMIN);

    private Roles() {
    }
}
