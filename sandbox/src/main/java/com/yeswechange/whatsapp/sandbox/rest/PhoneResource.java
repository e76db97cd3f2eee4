package com.yeswechange.whatsapp.sandbox.rest;

import static com.yeswechange.whatsapp.sandbox.service.Json.obj;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
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
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import com.yeswechange.whatsapp.sandbox.model.Attachment;
import com.yeswechange.whatsapp.sandbox.model.StudioExecution;
import com.yeswechange.whatsapp.sandbox.model.TwilioMessage;
import com.yeswechange.whatsapp.sandbox.service.SandboxStore;
import com.yeswechange.whatsapp.sandbox.service.TwilioService;

/** The JSON behind the customer phone page (/phone): the chat with the business, sending, the handoff button. */
@Path("/phone/api")
@Produces(MediaType.APPLICATION_JSON)
public class PhoneResource {

    @Inject
    SandboxStore store;

    @Inject
    TwilioService twilio;

    /** The demo customers, to pick one. */
    @GET
    @Path("/customers")
    public List<Map<String, Object>> customers() {
        synchronized (store) {
            return store.contacts.values().stream().filter(c -> c.phoneNumber != null)
                    .map(c -> obj("name", c.name, "phone", c.phoneNumber)).toList();
        }
    }

    /** The chat of one number: its messages to the business and the business's messages to it, oldest first. */
    @GET
    @Path("/chat")
    public Map<String, Object> chat(@RestQuery String phone) {
        if (phone == null || phone.isBlank()) {
            throw new IllegalArgumentException("phone is required");
        }
        String address = "whatsapp:" + phone.trim().replaceFirst("^whatsapp:", "");
        synchronized (store) {
            List<Map<String, Object>> bubbles = store.twilioMessages.values().stream()
                    .filter(m -> address.equals(m.from) || address.equals(m.to)).map(this::bubble).toList();
            StudioExecution execution = twilio.activeExecution(address, false);
            return obj("phone", address, "with_agent", execution != null, "messages", bubbles);
        }
    }

    private Map<String, Object> bubble(TwilioMessage m) {
        boolean mine = "inbound".equals(m.direction);
        List<String> media = mine
                ? java.util.stream.IntStream.range(0, m.media.size()).mapToObj(i -> "/phone/api/media/" + m.sid + "/" + i)
                        .toList()
                : List.copyOf(m.mediaUrls);
        String text = m.body;
        if ((text == null || text.isEmpty()) && m.contentSid != null) {
            text = "[Modèle " + m.contentSid + "] " + (m.contentVariables == null ? "" : m.contentVariables);
        }
        return obj("sid", m.sid, "from_me", mine, "body", text, "media", media, "status", m.status, "error_code",
                m.errorCode, "at", m.dateCreated.toString());
    }

    /** The customer sends a message (multipart: phone, name, body, optional file). */
    @POST
    @Path("/messages")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Map<String, Object> send(@RestForm String phone, @RestForm String name, @RestForm String body,
            @RestForm FileUpload file) {
        byte[] data = null;
        if (file != null && file.uploadedFile() != null && file.size() > 0) {
            try {
                data = Files.readAllBytes(file.uploadedFile());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        TwilioMessage m = twilio.receiveFromCustomer(required(phone, "phone"), name, body,
                file == null ? null : file.fileName(), file == null ? null : file.contentType(), data);
        return obj("sid", m.sid);
    }

    /** "Parler à un conseiller": the bot hands the customer to an agent through the Studio HTTP widget. */
    @POST
    @Path("/handoff")
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, Object> handoff(Map<String, Object> body) {
        Map<String, Object> b = Body.orEmpty(body);
        StudioExecution e = twilio.handoff(required(Body.string(b, "phone"), "phone"), Body.string(b, "name"),
                Body.string(b, "body"), Body.string(b, "motif"));
        return obj("execution_sid", e.sid);
    }

    /** The customer's own uploaded files (Twilio serves them only with Basic auth; this is the phone's copy). */
    @GET
    @Path("/media/{sid}/{index}")
    @Produces(MediaType.WILDCARD)
    public Response media(@PathParam("sid") String sid, @PathParam("index") int index) {
        synchronized (store) {
            TwilioMessage m = store.twilioMessages.get(sid);
            if (m == null || index < 0 || index >= m.media.size()) {
                return Response.status(404).type(MediaType.APPLICATION_JSON).entity(obj("error", "not found")).build();
            }
            Attachment a = m.media.get(index);
            return Response.ok(a.data, a.contentType).build();
        }
    }

    private static String required(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
        return value;
    }
}
