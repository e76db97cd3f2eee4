package com.yeswechange.whatsapp.sandbox.rest;

import java.util.Map;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.yeswechange.whatsapp.sandbox.service.ApiException;

/** Every error answers JSON: the imitated system's body for known errors, {"error": …} for malformed requests. */
public class ApiExceptionMappers {

    @ServerExceptionMapper
    public Response apiError(ApiException e) {
        return Response.status(e.status()).type(MediaType.APPLICATION_JSON).entity(e.body()).build();
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonProcessingException e) {
        return Response.status(400).type(MediaType.APPLICATION_JSON)
                .entity(Map.of("error", "Malformed JSON body: " + e.getOriginalMessage())).build();
    }

    @ServerExceptionMapper
    public Response badInput(IllegalArgumentException e) {
        return Response.status(400).type(MediaType.APPLICATION_JSON).entity(Map.of("error", String.valueOf(e.getMessage())))
                .build();
    }

    @ServerExceptionMapper
    public Response webError(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        return Response.status(status).type(MediaType.APPLICATION_JSON)
                .entity(Map.of("error", e.getResponse().getStatusInfo().getReasonPhrase())).build();
    }
}
