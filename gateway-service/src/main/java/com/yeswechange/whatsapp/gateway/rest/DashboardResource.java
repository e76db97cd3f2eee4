package com.yeswechange.whatsapp.gateway.rest;

import com.yeswechange.whatsapp.gateway.security.Roles;
import com.yeswechange.whatsapp.gateway.service.DashboardService;
import com.yeswechange.whatsapp.gateway.view.Dashboard;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/dashboard")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.SUPERVISOR, Roles.ADMIN})
@Blocking
@Tag(name = "dashboard")
public class DashboardResource {

    @Inject
    DashboardService dashboard;

    @GET
    @Operation(summary = "Numbers for today, week or month (from reporting-service, else Chatwoot's reports; "
            + "`source` says which) and the open conversation counts")
    public Dashboard get(@QueryParam("period") String period) {
        return dashboard.dashboard(period);
    }
}
