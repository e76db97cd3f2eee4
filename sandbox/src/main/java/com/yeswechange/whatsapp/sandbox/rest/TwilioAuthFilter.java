package com.yeswechange.whatsapp.sandbox.rest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;

import jakarta.inject.Inject;
import jakarta.inject.Provider;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import com.yeswechange.whatsapp.sandbox.config.SandboxConfig;
import com.yeswechange.whatsapp.sandbox.service.Faults;
import com.yeswechange.whatsapp.sandbox.service.Json;

/** HTTP Basic auth (AccountSid:AuthToken) for the Twilio and Studio stand-ins, plus their "slow" fault switch. */
// filters are built at static init, before config mappings exist: hence the Providers
public class TwilioAuthFilter {

    @Inject
    Provider<SandboxConfig> config;

    @Inject
    Faults faults;

    @ServerRequestFilter
    public Response authenticate(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (!path.startsWith("/2010-04-01/") && !path.startsWith("/v2/Flows")) {
            return null;
        }
        if (faults.twilioDelayMillis > 0) {
            try {
                Thread.sleep(faults.twilioDelayMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        String expected = "Basic " + Base64.getEncoder().encodeToString(
                (config.get().twilio().accountSid() + ":" + config.get().twilio().authToken()).getBytes(StandardCharsets.UTF_8));
        String given = request.getHeaderString("Authorization");
        boolean ok = given != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                given.getBytes(StandardCharsets.UTF_8));
        if (ok) {
            return null;
        }
        return Response.status(401).type(MediaType.APPLICATION_JSON).header("WWW-Authenticate",
                "Basic realm=\"Twilio API\"").entity(Json.obj("code", 20003, "detail",
                        "Your AccountSid or AuthToken was incorrect.", "message", "Authenticate", "more_info",
                        "https://www.twilio.com/docs/errors/20003", "status", 401))
                .build();
    }
}
