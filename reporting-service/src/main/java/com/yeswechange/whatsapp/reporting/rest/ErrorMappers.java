package com.yeswechange.whatsapp.reporting.rest;

import com.yeswechange.whatsapp.reporting.service.InvalidRequestException;
import com.yeswechange.whatsapp.reporting.service.StatsUnavailableException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** JSON error bodies: 400 for a bad request, 503 (with Retry-After) while the aggregates are not queryable. */
public class ErrorMappers {

    @ServerExceptionMapper
    public Response invalid(InvalidRequestException e) {
        return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON)
                .entity(new ErrorBody("invalid_request", e.getMessage())).build();
    }

    @ServerExceptionMapper
    public Response unavailable(StatsUnavailableException e) {
        return Response.status(Response.Status.SERVICE_UNAVAILABLE).type(MediaType.APPLICATION_JSON)
                .header("Retry-After", "5")
                .entity(new ErrorBody("stats_unavailable", e.getMessage())).build();
    }
}
