package com.yeswechange.whatsapp.sandbox.rest;

import java.util.List;
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

import com.yeswechange.whatsapp.sandbox.config.SandboxConfig;
import com.yeswechange.whatsapp.sandbox.model.Attachment;
import com.yeswechange.whatsapp.sandbox.service.TwilioService;
import com.yeswechange.whatsapp.sandbox.service.TwilioService.SendRequest;

/** Twilio's Messages resource (2010-04-01) and inbound media. */
@Path("/2010-04-01/Accounts/{accountSid}")
@Produces(MediaType.APPLICATION_JSON)
public class TwilioResource {

    @Inject
    TwilioService twilio;

    @Inject
    SandboxConfig config;

    @POST
    @Path("/Messages.json")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response send(@PathParam("accountSid") String accountSid, MultivaluedMap<String, String> form) {
        checkAccount(accountSid);
        SendRequest request = new SendRequest(form.getFirst("To"), form.getFirst("From"),
                form.getFirst("MessagingServiceSid"), form.getFirst("Body"),
                form.get("MediaUrl") == null ? List.of() : form.get("MediaUrl"), form.getFirst("ContentSid"),
                form.getFirst("ContentVariables"), form.getFirst("StatusCallback"));
        return Response.status(201).entity(twilio.send(accountSid, request)).build();
    }

    @GET
    @Path("/Messages.json")
    public Map<String, Object> list(@PathParam("accountSid") String accountSid, @RestQuery("To") String to,
            @RestQuery("From") String from, @RestQuery("DateSent") String dateSent,
            @RestQuery("DateSent<") String dateSentBefore, @RestQuery("DateSent>") String dateSentAfter,
            @RestQuery("PageSize") Integer pageSize) {
        checkAccount(accountSid);
        return twilio.listMessages(accountSid, to, from, dateSent, dateSentBefore, dateSentAfter, pageSize);
    }

    @GET
    @Path("/Messages/{sid}.json")
    public Map<String, Object> get(@PathParam("accountSid") String accountSid, @PathParam("sid") String sid) {
        checkAccount(accountSid);
        return twilio.getMessage(sid);
    }

    @GET
    @Path("/Messages/{sid}/Media/{mediaSid}")
    @Produces(MediaType.WILDCARD)
    public Response media(@PathParam("accountSid") String accountSid, @PathParam("sid") String sid,
            @PathParam("mediaSid") String mediaSid) {
        checkAccount(accountSid);
        Attachment media = twilio.media(sid, mediaSid);
        return Response.ok(media.data, media.contentType).build();
    }

    private void checkAccount(String accountSid) {
        if (!config.twilio().accountSid().equals(accountSid)) {
            throw TwilioService.twilioError(404, 20404, "The requested resource /2010-04-01/Accounts/" + accountSid
                    + " was not found");
        }
    }
}
