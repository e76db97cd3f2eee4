package com.yeswechange.whatsapp.gateway.security;

import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * The CSRF token of the current browser request, for pages: put {@code {inject:csrf.token}} in the
 * {@value CsrfProtection#HEADER} header of every change (e.g. {@code hx-headers} on the body).
 */
@Named("csrf")
@RequestScoped
public class CsrfToken {

    static final String PROPERTY = CsrfToken.class.getName();

    @Inject
    RoutingContext routing;

    public String token() {
        Object token = routing.get(PROPERTY);
        return token == null ? "" : token.toString();
    }

    public String headerName() {
        return CsrfProtection.HEADER;
    }
}
