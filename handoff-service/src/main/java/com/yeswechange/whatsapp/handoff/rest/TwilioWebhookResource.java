package com.yeswechange.whatsapp.handoff.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.yeswechange.whatsapp.events.EventJson;
import com.yeswechange.whatsapp.events.InboundEvent;
import com.yeswechange.whatsapp.events.StatusEvent;
import com.yeswechange.whatsapp.events.Topics;
import com.yeswechange.whatsapp.handoff.service.FormBody;
import com.yeswechange.whatsapp.handoff.service.MalformedWebhookException;
import com.yeswechange.whatsapp.handoff.service.TwilioEvents;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Twilio's webhooks: the Studio handoff ("Make HTTP Request", form or JSON), the WhatsApp sender's inbound messages
 * and message status callbacks. Each is verified (X-Twilio-Signature against the public URL), written to Kafka and
 * answered only once Kafka acknowledged it.
 */
@Path("/api/webhooks/twilio")
public class TwilioWebhookResource {

    static final String EMPTY_TWIML = "<Response/>";
    private static final String FORM = MediaType.APPLICATION_FORM_URLENCODED;
    private static final String JSON = MediaType.APPLICATION_JSON;

    private final WebhookVerifier verifier;
    private final WebhookAcceptor acceptor;
    private final Clock clock;

    public TwilioWebhookResource(WebhookVerifier verifier, WebhookAcceptor acceptor, Clock clock) {
        this.verifier = verifier;
        this.acceptor = acceptor;
        this.clock = clock;
    }

    /** Studio's handoff: answers JSON ({"status":"queued",...}) well inside Studio's 10 s budget. */
    @POST
    @Path("/handoff")
    public Uni<Response> handoff(byte[] body, @HeaderParam("Content-Type") String contentType,
            @HeaderParam("X-Twilio-Signature") String signature,
            @HeaderParam("I-Twilio-Idempotency-Token") String idempotencyToken, @Context UriInfo uri) {
        String endpoint = "twilio.handoff";
        byte[] raw = body == null ? new byte[0] : body;
        verifier.requireContentType(endpoint, contentType, FORM, JSON);
        verifier.requireSize(endpoint, raw);
        verifier.requireTwilioSignaturePresent(endpoint, signature);
        String url = verifier.publicUrl(uri);
        Map<String, String> fields;
        if (isJson(contentType)) {
            verifier.checkTwilioJson(endpoint, url, new String(raw, StandardCharsets.UTF_8), signature);
            fields = parseJsonObject(endpoint, raw);
        } else {
            fields = parseForm(endpoint, raw);
            verifier.checkTwilioForm(endpoint, url, fields, signature);
        }
        InboundEvent event = normalize(endpoint,
                () -> TwilioEvents.handoff(fields, idempotencyToken, raw, clock.instant()));
        return acceptor.write(endpoint, Topics.WHATSAPP_INBOUND, event.customerPhone(), event,
                () -> Response.ok(Map.of("status", "queued", "id", event.messageSid()), JSON).build());
    }

    /** The WhatsApp sender's inbound message webhook: answers empty TwiML. */
    @POST
    @Path("/messages")
    public Uni<Response> message(byte[] body, @HeaderParam("Content-Type") String contentType,
            @HeaderParam("X-Twilio-Signature") String signature, @Context UriInfo uri) {
        String endpoint = "twilio.messages";
        Map<String, String> params = verifiedForm(endpoint, body, contentType, signature, uri);
        InboundEvent event = normalize(endpoint, () -> TwilioEvents.message(params, clock.instant()));
        return acceptor.write(endpoint, Topics.WHATSAPP_INBOUND, event.customerPhone(), event,
                TwilioWebhookResource::emptyTwiml);
    }

    /** Message status callbacks; the Chatwoot ids ride in the signed callback URL's query. */
    @POST
    @Path("/status")
    public Uni<Response> status(byte[] body, @HeaderParam("Content-Type") String contentType,
            @HeaderParam("X-Twilio-Signature") String signature, @Context UriInfo uri) {
        String endpoint = "twilio.status";
        Map<String, String> params = verifiedForm(endpoint, body, contentType, signature, uri);
        Map<String, String> query = new LinkedHashMap<>();
        uri.getQueryParameters().forEach((name, values) -> query.put(name, values.isEmpty() ? null : values.get(0)));
        StatusEvent event = normalize(endpoint, () -> TwilioEvents.status(params, query, clock.instant()));
        return acceptor.write(endpoint, Topics.WHATSAPP_STATUS, event.messageSid(), event,
                TwilioWebhookResource::emptyTwiml);
    }

    private Map<String, String> verifiedForm(String endpoint, byte[] body, String contentType, String signature,
            UriInfo uri) {
        byte[] raw = body == null ? new byte[0] : body;
        verifier.requireContentType(endpoint, contentType, FORM);
        verifier.requireSize(endpoint, raw);
        verifier.requireTwilioSignaturePresent(endpoint, signature);
        Map<String, String> params = parseForm(endpoint, raw);
        verifier.checkTwilioForm(endpoint, verifier.publicUrl(uri), params, signature);
        return params;
    }

    private static Response emptyTwiml() {
        return Response.ok(EMPTY_TWIML, MediaType.TEXT_XML).build();
    }

    private static boolean isJson(String contentType) {
        return contentType != null && contentType.split(";", 2)[0].trim().equalsIgnoreCase(JSON);
    }

    private static Map<String, String> parseForm(String endpoint, byte[] raw) {
        try {
            return FormBody.parse(raw);
        } catch (MalformedWebhookException e) {
            throw new WebhookRejectedException(endpoint, 400, "malformed", e.getMessage());
        }
    }

    /** Studio's JSON body: an object whose values become strings (nested values keep their JSON text). */
    private static Map<String, String> parseJsonObject(String endpoint, byte[] raw) {
        JsonNode root;
        try {
            root = EventJson.mapper().readTree(raw);
        } catch (IOException e) {
            throw new WebhookRejectedException(endpoint, 400, "malformed", "the body is not valid JSON");
        }
        if (root == null || !root.isObject()) {
            throw new WebhookRejectedException(endpoint, 400, "malformed", "the body must be a JSON object");
        }
        Map<String, String> fields = new LinkedHashMap<>();
        root.fields().forEachRemaining(field -> fields.put(field.getKey(),
                field.getValue().isValueNode() ? field.getValue().asText() : field.getValue().toString()));
        return fields;
    }

    static <T> T normalize(String endpoint, Supplier<T> normalizer) {
        try {
            return normalizer.get();
        } catch (MalformedWebhookException e) {
            throw new WebhookRejectedException(endpoint, 400, "malformed", e.getMessage());
        }
    }
}
