package com.yeswechange.whatsapp.gateway.rest;

import com.yeswechange.whatsapp.gateway.security.Roles;
import com.yeswechange.whatsapp.gateway.service.AgentService;
import com.yeswechange.whatsapp.gateway.service.ConversationService;
import com.yeswechange.whatsapp.gateway.view.AgentView;
import com.yeswechange.whatsapp.gateway.view.CannedResponseView;
import com.yeswechange.whatsapp.gateway.view.LabelView;
import com.yeswechange.whatsapp.gateway.view.TeamView;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The account's agents, teams, labels and canned responses. */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
@Tag(name = "directory")
public class DirectoryResource {

    @Inject
    ConversationService conversations;

    @Inject
    AgentService agents;

    @GET
    @Path("/agents")
    @RolesAllowed({Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(summary = "Every agent with availability (online, busy, offline) and open conversations "
            + "(supervisors and admins)")
    public List<AgentView> agents() {
        return agents.list();
    }

    @GET
    @Path("/assignable-agents")
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(summary = "Agents a conversation can be assigned to")
    public List<AgentView> assignable() {
        return conversations.assignableAgents();
    }

    @GET
    @Path("/teams")
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(summary = "The account's teams")
    public List<TeamView> teams() {
        return conversations.teams();
    }

    @GET
    @Path("/labels")
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(summary = "The account's labels")
    public List<LabelView> labels() {
        return conversations.labels();
    }

    @GET
    @Path("/canned-responses")
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(summary = "Canned responses whose short code or content contains `search` (all without it)")
    public List<CannedResponseView> cannedResponses(@QueryParam("search") String search) {
        return conversations.cannedResponses(search);
    }
}
