package com.yeswechange.whatsapp.gateway.rest;

import com.yeswechange.whatsapp.gateway.security.Roles;
import com.yeswechange.whatsapp.gateway.service.CurrentAgent;
import com.yeswechange.whatsapp.gateway.view.MeView;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/me")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN})
@Blocking
@Tag(name = "me")
public class MeResource {

    @Inject
    CurrentAgent agent;

    @GET
    @Operation(summary = "Who is logged in, their roles, their Chatwoot agent, and whether the gateway acts as them "
            + "(actingAs agent_token) or with the account token (account_token)")
    public MeView me() {
        return agent.me();
    }
}
