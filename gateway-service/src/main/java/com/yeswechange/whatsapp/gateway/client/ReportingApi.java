package com.yeswechange.whatsapp.gateway.client;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** reporting-service's REST API (REPORTING_BASE_URL). Bodies are passed through as maps: reporting owns their shape. */
@RegisterRestClient(configKey = "reporting")
@Produces(MediaType.APPLICATION_JSON)
@Path("/api/reports")
public interface ReportingApi {

    /** Numbers for the dashboard; period today, week or month. */
    @GET
    @Path("/dashboard")
    Map<String, Object> dashboard(@QueryParam("period") String period);

    /** The per-agent table for a period. */
    @GET
    @Path("/agents")
    List<Map<String, Object>> agents(@QueryParam("period") String period);
}
