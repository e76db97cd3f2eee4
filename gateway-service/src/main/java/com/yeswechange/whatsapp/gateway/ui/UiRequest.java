package com.yeswechange.whatsapp.gateway.ui;

import com.yeswechange.whatsapp.gateway.config.GatewayConfig;
import com.yeswechange.whatsapp.gateway.service.CurrentAgent;
import com.yeswechange.whatsapp.gateway.view.MeView;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Clock;
import java.util.Locale;

/** What every page render needs: the agent's language and formats, who they are, and the page they are on. */
@RequestScoped
public class UiRequest {

    @Inject
    HttpServerRequest request;

    @Inject
    CurrentAgent agent;

    @Inject
    GatewayConfig gateway;

    @Inject
    UiConfig config;

    Clock clock = Clock.systemUTC();

    private UiFormat format;

    public Locale locale() {
        Cookie cookie = request.getCookie(UiLanguage.COOKIE);
        return UiLanguage.fromCookie(cookie == null ? null : cookie.getValue());
    }

    public UiFormat format() {
        if (format == null) {
            format = new UiFormat(locale(), config.timeZone(), clock.instant());
        }
        return format;
    }

    /** Whether htmx asked (then we answer with a fragment, not a whole page). */
    public boolean htmx() {
        return request.getHeader("HX-Request") != null;
    }

    /** After a change: htmx follows {@code HX-Redirect}; a plain form post gets a 303. */
    public Response redirect(String path) {
        return htmx() ? Response.ok().header("HX-Redirect", path).build()
                : Response.seeOther(URI.create(path)).build();
    }

    public MeView me() {
        return new MeView(agent.username(), agent.displayName(), agent.email(), agent.roles(), agent.isSupervisor(),
                agent.chatwootAgent().orElse(null), agent.actingAs(), gateway.pollingIntervalSeconds());
    }

    /** A template with the data every page and fragment may use, in the agent's language. */
    public TemplateInstance render(Template template, String section) {
        return template.instance()
                .setLocale(locale())
                .data("fmt", format())
                .data("me", me())
                .data("section", section)
                .data("currentPath", currentPath());
    }

    /** The path and query of this request, for "back" links after a language change. */
    public String currentPath() {
        String uri = request.uri();
        return uri == null || !uri.startsWith("/ui") ? "/ui/conversations" : uri;
    }
}
