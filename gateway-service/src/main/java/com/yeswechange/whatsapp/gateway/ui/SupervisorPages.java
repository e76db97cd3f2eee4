package com.yeswechange.whatsapp.gateway.ui;

import com.yeswechange.whatsapp.gateway.security.Roles;
import com.yeswechange.whatsapp.gateway.service.AgentService;
import com.yeswechange.whatsapp.gateway.service.DashboardService;
import com.yeswechange.whatsapp.gateway.view.AgentView;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** The agents page and the dashboard: supervisors and admins only. */
@Path("/ui")
@RolesAllowed({ Roles.SUPERVISOR, Roles.ADMIN })
@Produces(MediaType.TEXT_HTML)
public class SupervisorPages {

    @Inject
    UiRequest ui;

    @Inject
    AgentService agents;

    @Inject
    DashboardService dashboards;

    @Location("ui/agents.html")
    Template agentsPage;

    @Location("ui/dashboard.html")
    Template dashboardPage;

    @GET
    @Path("agents")
    public TemplateInstance agents() {
        return ui.render(agentsPage, "agents").data("agents", agents.list());
    }

    @GET
    @Path("dashboard")
    public TemplateInstance dashboard(@QueryParam("period") String period) {
        String wanted = period == null || !DashboardService.PERIODS.contains(period) ? "today" : period;
        List<AgentView> known = agents.list();
        return ui.render(dashboardPage, "dashboard")
                .data("view", DashboardView.of(dashboards.dashboard(wanted), known));
    }
}
