package com.yeswechange.whatsapp.sandbox.rest;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.RestQuery;

import com.yeswechange.whatsapp.sandbox.service.ReportsService;
import com.yeswechange.whatsapp.sandbox.service.ReportsService.Scope;

/** Chatwoot's v2 reports, administrators only. */
@Path("/api/v2/accounts/{accountId}")
@Produces(MediaType.APPLICATION_JSON)
public class ReportsResource {

    @Inject
    ReportsService reports;

    @Inject
    AccountGuard account;

    @GET
    @Path("/reports")
    public List<Map<String, Object>> timeseries(@PathParam("accountId") long accountId, @RestQuery String metric,
            @RestQuery String type, @RestQuery Long id, @RestQuery String since, @RestQuery String until,
            @RestQuery("group_by") String groupBy) {
        account.checkAdministrator(accountId);
        return reports.timeseries(metric, Scope.of(since, until, type, id), groupBy);
    }

    @GET
    @Path("/reports/summary")
    public Map<String, Object> summary(@PathParam("accountId") long accountId, @RestQuery String type,
            @RestQuery Long id, @RestQuery String since, @RestQuery String until) {
        account.checkAdministrator(accountId);
        return reports.summary(Scope.of(since, until, type, id));
    }

    @GET
    @Path("/reports/conversations")
    public Object conversations(@PathParam("accountId") long accountId, @RestQuery String type) {
        account.checkAdministrator(accountId);
        return reports.conversationCounts(type);
    }

    @GET
    @Path("/summary_reports/agent")
    public List<Map<String, Object>> agentSummary(@PathParam("accountId") long accountId, @RestQuery String since,
            @RestQuery String until) {
        account.checkAdministrator(accountId);
        return reports.agentSummary(Scope.of(since, until, "agent", null));
    }
}
