package com.yeswechange.whatsapp.reporting.rest;

import com.yeswechange.whatsapp.reporting.model.AgentRow;
import com.yeswechange.whatsapp.reporting.model.AgentsReport;
import com.yeswechange.whatsapp.reporting.model.BucketNumbers;
import com.yeswechange.whatsapp.reporting.model.Dashboard;
import com.yeswechange.whatsapp.reporting.service.InvalidRequestException;
import com.yeswechange.whatsapp.reporting.service.ReportPeriod;
import com.yeswechange.whatsapp.reporting.service.ReportService;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.RestResponse.ResponseBuilder;

/** The supervisors' numbers as JSON. Days, weeks and months are those of REPORTING_TIME_ZONE. */
@Path("/api/reports")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "reports", description = "Supervisors' numbers from the event stream and Chatwoot's v2 reports")
public class ReportsResource {

    /** Set on the agents table when Chatwoot's part is missing: the reason. */
    public static final String DEGRADED_HEADER = "X-Reports-Degraded";

    private final ReportService reports;

    public ReportsResource(ReportService reports) {
        this.reports = reports;
    }

    @GET
    @Path("/dashboard")
    @Operation(summary = "The dashboard for a period",
            description = "Stream numbers (handoffs, conversations, queue time, first response, resolution, sends and "
                    + "delivery failures by reason), Chatwoot's v2 summary with the live open/pending/unassigned "
                    + "counts, and the per-agent table. If Chatwoot or the stream is unavailable the answer is still "
                    + "200, with degraded=true and the reason.")
    @APIResponse(responseCode = "200", description = "the dashboard",
            content = @Content(schema = @Schema(implementation = Dashboard.class)))
    @APIResponse(responseCode = "400", description = "unknown period",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    public Dashboard dashboard(@Parameter(description = "today, week (from Monday) or month; default today")
            @QueryParam("period") String period) {
        return reports.dashboard(ReportPeriod.parse(period));
    }

    @GET
    @Path("/agents")
    @Operation(summary = "The per-agent table for a period",
            description = "A JSON array, one row per agent: replies, resolutions, first response, queue time and "
                    + "resolution time from the stream, and Chatwoot's summary_reports/agent row. Without Chatwoot the "
                    + "rows have no names nor Chatwoot numbers, and the " + DEGRADED_HEADER + " header says why.")
    @APIResponse(responseCode = "200", description = "the table: one row per agent, busiest first; header "
            + DEGRADED_HEADER + " says why Chatwoot's part is missing, if it is",
            headers = @Header(name = DEGRADED_HEADER, description = "present when Chatwoot's numbers are missing"),
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = AgentRow.class)))
    @APIResponse(responseCode = "400", description = "unknown period",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @APIResponse(responseCode = "503", description = "the stream aggregates are not queryable yet",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    public RestResponse<List<AgentRow>> agents(@Parameter(description = "today, week or month; default today")
            @QueryParam("period") String period) {
        AgentsReport report = reports.agents(ReportPeriod.parse(period));
        ResponseBuilder<List<AgentRow>> answer = ResponseBuilder.ok(report.agents(), MediaType.APPLICATION_JSON);
        if (report.degraded()) {
            answer.header(DEGRADED_HEADER, report.chatwootError());
        }
        return answer.build();
    }

    @GET
    @Path("/daily")
    @Operation(summary = "Stream numbers day by day",
            description = "One entry per day from 'from' to 'to' inclusive (at most 92 days); default: today.")
    @APIResponse(responseCode = "200", description = "one entry per day",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = BucketNumbers.class)))
    @APIResponse(responseCode = "400", description = "bad dates",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @APIResponse(responseCode = "503", description = "the stream aggregates are not queryable yet",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    public List<BucketNumbers> daily(
            @Parameter(description = "first day, ISO (2026-12-01)") @QueryParam("from") String from,
            @Parameter(description = "last day, ISO (2026-12-05)") @QueryParam("to") String to) {
        LocalDate today = reports.today();
        LocalDate last = date("to", to, today);
        return reports.daily(date("from", from, last), last);
    }

    @GET
    @Path("/hourly")
    @Operation(summary = "Stream numbers hour by hour for one day", description = "24 entries, 00 to 23.")
    @APIResponse(responseCode = "200", description = "one entry per hour",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = BucketNumbers.class)))
    @APIResponse(responseCode = "400", description = "bad date",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    public List<BucketNumbers> hourly(@Parameter(description = "the day, ISO; default today") @QueryParam("date")
            String date) {
        return reports.hourly(date("date", date, reports.today()));
    }

    private static LocalDate date(String name, String value, LocalDate fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException("'" + name + "' must be a date like 2026-12-05, not '" + value + "'");
        }
    }
}
