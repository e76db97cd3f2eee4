package com.yeswechange.whatsapp.sandbox.rest;

import java.util.Map;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestQuery;

import com.yeswechange.whatsapp.sandbox.service.TwilioService;

/** Twilio Studio v2 Executions (create, list, fetch, end with Status=ended). */
@Path("/v2/Flows/{flowSid}/Executions")
@Produces(MediaType.APPLICATION_JSON)
public class StudioResource {

    @Inject
    TwilioService twilio;

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(@PathParam("flowSid") String flowSid, MultivaluedMap<String, String> form) {
        Map<String, Object> parameters = Body.parseObject(form.getFirst("Parameters"), "Parameters");
        return Response.status(201).entity(twilio.createExecution(flowSid, form.getFirst("To"),
                parameters == null ? Map.of() : parameters)).build();
    }

    @GET
    public Map<String, Object> list(@PathParam("flowSid") String flowSid, @RestQuery("Status") String status) {
        return twilio.listExecutions(flowSid, status);
    }

    @GET
    @Path("/{sid}")
    public Map<String, Object> get(@PathParam("flowSid") String flowSid, @PathParam("sid") String sid) {
        return twilio.getExecution(flowSid, sid);
    }

    @POST
    @Path("/{sid}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Map<String, Object> update(@PathParam("flowSid") String flowSid, @PathParam("sid") String sid,
            MultivaluedMap<String, String> form) {
        return twilio.updateExecution(flowSid, sid, form.getFirst("Status"));
    }
}
