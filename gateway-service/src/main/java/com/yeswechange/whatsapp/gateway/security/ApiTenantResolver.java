package com.yeswechange.whatsapp.gateway.security;

import io.quarkus.oidc.TenantResolver;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Chooses how a request is authenticated. API clients (a bearer token, or any /api/ call without the browser's session
 * cookie) go to the {@code bearer-only} tenant, which only reads bearer tokens and answers 401 when there is none. Everything
 * else goes to the default tenant: the browser's code flow with its session cookie (a page without a session is
 * redirected to the login), which also lets the UI's own fetch and EventSource calls to /api/ use the cookie.
 */
@ApplicationScoped
public class ApiTenantResolver implements TenantResolver {

    /** Named so that no path segment matches it (Quarkus also picks a tenant whose id is a segment of the path). */
    public static final String API_TENANT = "bearer-only";
    /** The default tenant's session cookie (split into q_session_chunk_N when large). */
    static final String SESSION_COOKIE_PREFIX = "q_session";

    @Override
    public String resolve(RoutingContext context) {
        String authorization = context.request().getHeader("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return API_TENANT;
        }
        if (context.normalizedPath().startsWith("/api/") && !hasSessionCookie(context)) {
            return API_TENANT;
        }
        return null;
    }

    /** Reads the raw Cookie header: the parsed cookie set is not filled in yet when tenants are resolved. */
    static boolean hasSessionCookie(RoutingContext context) {
        String header = context.request().getHeader("Cookie");
        if (header == null) {
            return false;
        }
        for (String cookie : header.split(";")) {
            if (cookie.strip().startsWith(SESSION_COOKIE_PREFIX)) {
                return true;
            }
        }
        return false;
    }
}
