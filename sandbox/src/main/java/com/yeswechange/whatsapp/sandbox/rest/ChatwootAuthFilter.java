package com.yeswechange.whatsapp.sandbox.rest;

import java.util.Map;

import jakarta.inject.Inject;
import jakarta.inject.Provider;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import com.yeswechange.whatsapp.sandbox.config.SandboxConfig;
import com.yeswechange.whatsapp.sandbox.model.User;
import com.yeswechange.whatsapp.sandbox.service.Faults;
import com.yeswechange.whatsapp.sandbox.service.SandboxStore;

/**
 * Chatwoot's access-token authentication (header {@code api_access_token}) for /api/v1, /api/v2 and the platform API,
 * plus the Chatwoot fault switches (down, 429, slow).
 */
// filters are built at static init, before config mappings exist: hence the Providers
public class ChatwootAuthFilter {

    static final String TOKEN_HEADER = "api_access_token";

    @Inject
    Provider<SandboxStore> store;

    @Inject
    Provider<SandboxConfig> config;

    @Inject
    CurrentUser currentUser;

    @Inject
    Faults faults;

    @ServerRequestFilter
    public Response authenticate(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        boolean application = path.startsWith("/api/v1/") || path.startsWith("/api/v2/");
        boolean platform = path.startsWith("/platform/api/v1/");
        if (!application && !platform) {
            return null;
        }
        if (faults.chatwootDelayMillis > 0) {
            sleep(faults.chatwootDelayMillis);
        }
        if (faults.chatwootDown) {
            return json(503, Map.of("error", "Service Unavailable"));
        }
        if (faults.chatwootRateLimited) {
            return Response.status(429).header("Retry-After", "60").type(MediaType.TEXT_PLAIN)
                    .entity("Retry later\n").build();
        }
        String token = request.getHeaderString(TOKEN_HEADER);
        if (platform) {
            return config.get().chatwoot().platformToken().equals(token) ? null
                    : json(401, Map.of("error", "Invalid access_token"));
        }
        User user;
        SandboxStore state = store.get();
        synchronized (state) {
            user = token == null ? null : state.userByToken(token).orElse(null);
        }
        if (user == null) {
            return json(401, Map.of("error", "You need to sign in or sign up before continuing."));
        }
        currentUser.set(user, token);
        return null;
    }

    private static Response json(int status, Object body) {
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(body).build();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
