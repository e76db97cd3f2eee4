package com.yeswechange.whatsapp.gateway.security;

import com.yeswechange.whatsapp.gateway.rest.ErrorBody;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Set;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * CSRF protection for changes made with the browser's session cookie (double-submit cookie): the gateway gives each
 * browser a random token in the {@value #COOKIE} cookie, and every POST, PUT, PATCH or DELETE that rides on the
 * session cookie must echo it in the {@value #HEADER} header (htmx: {@code hx-headers}). A cross-site page can neither
 * read the cookie nor set the header. Calls with a bearer token carry no ambient credential and are not checked.
 * The token of the current request is available to templates as {@link CsrfToken} ({@code {inject:csrf.token}}).
 */
public class CsrfProtection {

    public static final String COOKIE = "gateway-csrf";
    public static final String HEADER = "X-CSRF-Token";
    static final String NEW_TOKEN = CsrfProtection.class.getName() + ".new";
    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    CurrentVertxRequest current;

    @ServerRequestFilter
    public Response check(ContainerRequestContext request) {
        var cookie = request.getCookies().get(COOKIE);
        String token = cookie == null ? null : cookie.getValue();
        if (token == null || token.isBlank()) {
            token = newToken();
            request.setProperty(NEW_TOKEN, token);
        }
        current.getCurrent().put(CsrfToken.PROPERTY, token);
        if (SAFE.contains(request.getMethod()) || !ridesOnSessionCookie(request)) {
            return null;
        }
        String sent = request.getHeaderString(HEADER);
        if (cookie == null || sent == null || !MessageDigest.isEqual(sent.getBytes(StandardCharsets.UTF_8),
                cookie.getValue().getBytes(StandardCharsets.UTF_8))) {
            return Response.status(403)
                    .entity(ErrorBody.of("csrf", "missing or wrong " + HEADER + " header; reload the page"))
                    .type(MediaType.APPLICATION_JSON).build();
        }
        return null;
    }

    @ServerResponseFilter
    public void issue(ContainerRequestContext request, ContainerResponseContext response) {
        Object fresh = request.getProperty(NEW_TOKEN);
        if (fresh != null && ridesOnSessionCookie(request)) {
            response.getHeaders().add("Set-Cookie", new NewCookie.Builder(COOKIE).value(fresh.toString()).path("/")
                    .sameSite(NewCookie.SameSite.STRICT).build());
        }
    }

    /** A browser request: no bearer token, and the OIDC session cookie is there. */
    static boolean ridesOnSessionCookie(ContainerRequestContext request) {
        String authorization = request.getHeaderString("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return false;
        }
        return request.getCookies().keySet().stream()
                .anyMatch(name -> name.startsWith(ApiTenantResolver.SESSION_COOKIE_PREFIX));
    }

    static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
