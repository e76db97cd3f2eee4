package com.yeswechange.whatsapp.gateway.security;

import com.yeswechange.whatsapp.gateway.config.GatewayConfig;
import com.yeswechange.whatsapp.gateway.rest.ErrorBody;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.util.Set;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * A rate limit per logged-in user on the JSON API, separately for reads and changes, so one runaway script or
 * browser tab cannot eat the Chatwoot budget of everyone. Over the limit: 429 with Retry-After.
 */
public class RateLimitFilter {

    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");

    private final RateLimiter reads;
    private final RateLimiter writes;

    @Inject
    SecurityIdentity identity;

    @Inject
    public RateLimitFilter(GatewayConfig config) {
        this.reads = new RateLimiter(config.rateLimit().readsPerMinute(), Clock.systemUTC());
        this.writes = new RateLimiter(config.rateLimit().writesPerMinute(), Clock.systemUTC());
    }

    @ServerRequestFilter
    public Response limit(ContainerRequestContext request) {
        if (identity.isAnonymous() || !request.getUriInfo().getPath().startsWith("/api/")) {
            return null;
        }
        boolean read = READS.contains(request.getMethod());
        String user = identity.getPrincipal().getName();
        long retryAfter = (read ? reads : writes).acquire(user);
        if (retryAfter == 0) {
            return null;
        }
        return Response.status(429).header("Retry-After", retryAfter)
                .entity(ErrorBody.of("rate_limited", "too many " + (read ? "requests" : "changes")
                        + " in a minute; try again in " + retryAfter + " s"))
                .type(MediaType.APPLICATION_JSON).build();
    }
}
