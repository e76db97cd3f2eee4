package com.yeswechange.whatsapp.sandbox.rest;

import static com.yeswechange.whatsapp.sandbox.service.Json.obj;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.RestQuery;

import com.yeswechange.whatsapp.sandbox.model.OutgoingCall;
import com.yeswechange.whatsapp.sandbox.model.StudioExecution;
import com.yeswechange.whatsapp.sandbox.model.TwilioMessage;
import com.yeswechange.whatsapp.sandbox.service.ChatwootViews;
import com.yeswechange.whatsapp.sandbox.service.Faults;
import com.yeswechange.whatsapp.sandbox.service.MetaRateLimiter;
import com.yeswechange.whatsapp.sandbox.service.SandboxStore;
import com.yeswechange.whatsapp.sandbox.service.TwilioService;

/**
 * The sandbox's own admin API for tests, benchmarks and demos: reset, inspect what happened, simulate the customer,
 * flip fault switches. Documented in the module README. No auth: the sandbox only ever runs locally.
 */
@Path("/sandbox/admin")
@Produces(MediaType.APPLICATION_JSON)
public class AdminResource {

    @Inject
    SandboxStore store;

    @Inject
    Faults faults;

    @Inject
    MetaRateLimiter metaRateLimiter;

    @Inject
    TwilioService twilio;

    @Inject
    ChatwootViews views;

    /** Back to the demo data; fault switches off; rate-limit windows forgotten. */
    @POST
    @Path("/reset")
    public Map<String, Object> reset() {
        store.reset();
        faults.reset();
        metaRateLimiter.reset();
        return state();
    }

    @GET
    @Path("/state")
    public Map<String, Object> state() {
        synchronized (store) {
            return obj("users", store.users.size(), "contacts", store.contacts.size(), "conversations",
                    store.conversations.size(), "messages", store.messages.size(), "twilio_messages",
                    store.twilioMessages.size(), "studio_executions", store.executions.size(), "outgoing_calls",
                    store.outgoingCalls.size(), "faults", faultsJson());
        }
    }

    // ---- what happened

    /** Messages "sent to WhatsApp" through Messages.json (optionally to one address), oldest first. */
    @GET
    @Path("/whatsapp/messages")
    public List<Map<String, Object>> whatsappMessages(@RestQuery String to) {
        synchronized (store) {
            return store.twilioMessages.values().stream().filter(m -> "outbound-api".equals(m.direction))
                    .filter(m -> to == null || to.equals(m.to) || ("whatsapp:" + to).equals(m.to))
                    .map(AdminResource::twilioMessageJson).toList();
        }
    }

    /** Every message the customers sent (inbound), oldest first. */
    @GET
    @Path("/whatsapp/inbound")
    public List<Map<String, Object>> inboundMessages(@RestQuery String from) {
        synchronized (store) {
            return store.twilioMessages.values().stream().filter(m -> "inbound".equals(m.direction))
                    .filter(m -> from == null || from.equals(m.from) || ("whatsapp:" + from).equals(m.from))
                    .map(AdminResource::twilioMessageJson).toList();
        }
    }

    /** Every request the sandbox made (webhooks, status callbacks, inbound messages, handoffs) and its answer. */
    @GET
    @Path("/calls")
    public List<OutgoingCall> calls(@RestQuery String kind, @RestQuery String event) {
        synchronized (store) {
            return store.outgoingCalls.stream().filter(c -> kind == null || kind.equals(c.kind()))
                    .filter(c -> event == null || event.equals(c.event())).toList();
        }
    }

    /** Chatwoot's state as the product left it: conversations (API shape) with all their messages. */
    @GET
    @Path("/chatwoot/conversations")
    public List<Map<String, Object>> chatwootConversations() {
        synchronized (store) {
            return store.conversations.values().stream().map(c -> {
                Map<String, Object> json = views.conversation(c);
                json.put("all_messages", store.messagesOf(c.id).stream().map(views::message).toList());
                return json;
            }).toList();
        }
    }

    @GET
    @Path("/studio/executions")
    public List<Map<String, Object>> executions() {
        synchronized (store) {
            return store.executions.values().stream().sorted(Comparator.comparing((StudioExecution e) -> e.dateCreated))
                    .map(e -> obj("sid", e.sid, "flow_sid", e.flowSid, "contact_channel_address",
                            e.contactChannelAddress, "status", e.status, "date_created", e.dateCreated.toString(),
                            "date_updated", e.dateUpdated.toString()))
                    .toList();
        }
    }

    // ---- the customer's side

    /** Simulates a customer message: {"from":"+225…","name":"…","body":"…"} posted to the messages webhook. */
    @POST
    @Path("/inbound")
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, Object> inbound(Map<String, Object> body) {
        Map<String, Object> b = Body.orEmpty(body);
        TwilioMessage m = twilio.receiveFromCustomer(required(b, "from"), Body.string(b, "name"),
                Body.string(b, "body"), null, null, null);
        return twilioMessageJson(m);
    }

    /** Simulates "Parler à un conseiller": {"from","name","body","motif"} posted as a Studio handoff. */
    @POST
    @Path("/handoff")
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, Object> handoff(Map<String, Object> body) {
        Map<String, Object> b = Body.orEmpty(body);
        StudioExecution e = twilio.handoff(required(b, "from"), Body.string(b, "name"), Body.string(b, "body"),
                Body.string(b, "motif"));
        return obj("execution_sid", e.sid, "flow_sid", e.flowSid, "status", e.status);
    }

    /** Moves a customer's last message back in time: {"hours_ago": 30} closes the 24-hour window for them. */
    @POST
    @Path("/customers/{phone}/last-inbound")
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, Object> lastInbound(@PathParam("phone") String phone, Map<String, Object> body) {
        Long hours = Body.number(Body.orEmpty(body), "hours_ago");
        if (hours == null || hours < 0) {
            throw new IllegalArgumentException("hours_ago must be a positive number");
        }
        String address = phone.startsWith("whatsapp:") ? phone : "whatsapp:" + phone;
        Instant at = Instant.now().minus(Duration.ofHours(hours));
        synchronized (store) {
            store.lastInboundAt.put(address, at);
        }
        return obj("address", address, "last_inbound_at", at.toString());
    }

    // ---- fault switches

    @GET
    @Path("/faults")
    public Map<String, Object> getFaults() {
        return faultsJson();
    }

    /** Partial update: only the keys given change. */
    @PUT
    @Path("/faults")
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, Object> setFaults(Map<String, Object> body) {
        Map<String, Object> b = Body.orEmpty(body);
        for (String key : b.keySet()) {
            switch (key) {
                case "chatwoot_down" -> faults.chatwootDown = Body.bool(b, key);
                case "chatwoot_rate_limited" -> faults.chatwootRateLimited = Body.bool(b, key);
                case "chatwoot_delay_ms" -> faults.chatwootDelayMillis = nonNegative(Body.number(b, key));
                case "meta_rate_limit_enabled" -> faults.metaRateLimitEnabled = Body.bool(b, key);
                case "webhooks_disabled" -> faults.webhooksDisabled = Body.bool(b, key);
                case "twilio_server_error" -> faults.twilioServerError = Body.bool(b, key);
                case "twilio_rate_limited" -> faults.twilioRateLimited = Body.bool(b, key);
                case "twilio_delay_ms" -> faults.twilioDelayMillis = nonNegative(Body.number(b, key));
                case "status_callbacks_dropped" -> faults.statusCallbacksDropped = Body.bool(b, key);
                case "twilio_failure_code" -> {
                    Long code = Body.number(b, key);
                    faults.twilioFailureCode = code == null ? null : code.intValue();
                }
                case "window_closed" -> faults.windowClosed = Body.bool(b, key);
                default -> throw new IllegalArgumentException("Unknown fault switch: " + key);
            }
        }
        return faultsJson();
    }

    private Map<String, Object> faultsJson() {
        return obj("chatwoot_down", faults.chatwootDown, "chatwoot_rate_limited", faults.chatwootRateLimited,
                "chatwoot_delay_ms", faults.chatwootDelayMillis, "meta_rate_limit_enabled",
                faults.metaRateLimitEnabled, "webhooks_disabled", faults.webhooksDisabled, "twilio_server_error",
                faults.twilioServerError, "twilio_rate_limited", faults.twilioRateLimited, "twilio_delay_ms",
                faults.twilioDelayMillis, "status_callbacks_dropped", faults.statusCallbacksDropped,
                "twilio_failure_code", faults.twilioFailureCode, "window_closed", faults.windowClosed);
    }

    private static long nonNegative(Long value) {
        if (value == null || value < 0) {
            throw new IllegalArgumentException("delays are milliseconds ≥ 0");
        }
        return value;
    }

    private static String required(Map<String, Object> body, String key) {
        String value = Body.string(body, key);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(key + " is required");
        }
        return value;
    }

    static Map<String, Object> twilioMessageJson(TwilioMessage m) {
        return obj("sid", m.sid, "direction", m.direction, "from", m.from, "to", m.to, "body", m.body, "media_urls",
                List.copyOf(m.mediaUrls), "content_sid", m.contentSid, "content_variables", m.contentVariables,
                "messaging_service_sid", m.messagingServiceSid, "status_callback", m.statusCallback, "status",
                m.status, "error_code", m.errorCode, "error_message", m.errorMessage, "date_created",
                m.dateCreated.toString(), "date_updated", m.dateUpdated.toString());
    }
}
