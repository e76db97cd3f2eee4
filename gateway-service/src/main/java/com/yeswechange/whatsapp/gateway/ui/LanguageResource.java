package com.yeswechange.whatsapp.gateway.ui;

import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Duration;
import org.jboss.resteasy.reactive.RestForm;

/** Switches the UI language for this browser (a cookie, a year long) and goes back to the page the agent was on. */
@Path("/ui/lang")
@Authenticated
public class LanguageResource {

    @Inject
    UiRequest ui;

    @POST
    public Response switchTo(@RestForm String lang, @RestForm String back) {
        String target = back != null && back.startsWith("/ui/") && !back.startsWith("//") ? back : "/ui/conversations";
        try {
            URI.create(target);
        } catch (IllegalArgumentException malformed) {
            target = "/ui/conversations";
        }
        Response.ResponseBuilder redirect = Response.fromResponse(ui.redirect(target));
        if (!UiLanguage.supported(lang)) {
            return redirect.build();
        }
        NewCookie cookie = new NewCookie.Builder(UiLanguage.COOKIE).value(lang).path("/")
                .maxAge((int) Duration.ofDays(365).toSeconds()).httpOnly(true)
                .sameSite(NewCookie.SameSite.LAX).build();
        return redirect.cookie(cookie).build();
    }
}
