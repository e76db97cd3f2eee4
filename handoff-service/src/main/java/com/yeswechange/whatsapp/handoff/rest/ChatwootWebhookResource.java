package com.yeswechange.whatsapp.handoff.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.yeswechange.whatsapp.chatwoot.ChatwootConfig;
import com.yeswechange.whatsapp.events.ChatwootEvent;
import com.yeswechange.whatsapp.events.EventJson;
import com.yeswechange.whatsapp.events.Topics;
import com.yeswechange.whatsapp.handoff.config.HandoffConfig;
import com.yeswechange.whatsapp.handoff.service.ChatwootEvents;
import com.yeswechange.whatsapp.handoff.service.DeliveryIds;
import com.yeswechange.whatsapp.handoff.service.WebhookMetrics;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;

/**
 * Chatwoot's account webhooks and the WhatsApp API inbox's callback: verified (X-Chatwoot-Signature, timestamp
 * window, delivery id seen once), normalized and written to {@code chatwoot.events}, keyed by conversation.
 */
@Path("/api/webhooks/chatwoot")
public class ChatwootWebhookResource {

    private static final String ENDPOINT = "chatwoot";

    private final WebhookVerifier verifier;
    private final WebhookAcceptor acceptor;
    private final DeliveryIds deliveries;
    private final WebhookMetrics metrics;
    private final HandoffConfig config;
    private final long whatsappInboxId;
    private final Clock clock;

    public ChatwootWebhookResource(WebhookVerifier verifier, WebhookAcceptor acceptor, DeliveryIds deliveries,
            WebhookMetrics metrics, HandoffConfig config, ChatwootConfig chatwoot, Clock clock) {
        this.verifier = verifier;
        this.acceptor = acceptor;
        this.deliveries = deliveries;
        this.metrics = metrics;
        this.config = config;
        this.whatsappInboxId = chatwoot.whatsappInboxId();
        this.clock = clock;
    }

    @POST
    public Uni<Response> receive(byte[] body, @HeaderParam("Content-Type") String contentType,
            @HeaderParam("X-Chatwoot-Signature") String signature,
            @HeaderParam("X-Chatwoot-Timestamp") String timestamp,
            @HeaderParam("X-Chatwoot-Delivery") String deliveryId) {
        byte[] raw = body == null ? new byte[0] : body;
        Instant now = clock.instant();
        verifier.requireContentType(ENDPOINT, contentType, MediaType.APPLICATION_JSON);
        verifier.requireSize(ENDPOINT, raw);
        verifier.checkChatwoot(ENDPOINT, timestamp, signature, raw, now);
        JsonNode root;
        try {
            root = EventJson.mapper().readTree(raw);
        } catch (IOException e) {
            throw new WebhookRejectedException(ENDPOINT, 400, "malformed", "the body is not valid JSON");
        }
        if (deliveryId == null || deliveryId.isBlank()) {
            throw new WebhookRejectedException(ENDPOINT, 400, "malformed", "X-Chatwoot-Delivery is missing");
        }
        ChatwootEvent event = TwilioWebhookResource.normalize(ENDPOINT,
                () -> ChatwootEvents.normalize(root, deliveryId.trim(), now));
        if (event == null) {
            return ignored("no_conversation");
        }
        if (event.inboxId() != null && event.inboxId() != whatsappInboxId) {
            return ignored("other_inbox");
        }
        if (!deliveries.reserve(event.deliveryId(), now, config.chatwootMaxSkew().multipliedBy(2))) {
            return ignored("duplicate_delivery");
        }
        return acceptor.write(ENDPOINT, Topics.CHATWOOT_EVENTS, Long.toString(event.conversationId()), event,
                        () -> Response.ok(Map.of("status", "accepted"), MediaType.APPLICATION_JSON).build())
                .invoke(response -> {
                    if (response.getStatus() >= 300) {
                        deliveries.release(event.deliveryId());
                    }
                });
    }

    /** A valid delivery the services have no use for (or already have): 200 so Chatwoot logs no failure. */
    private Uni<Response> ignored(String reason) {
        metrics.ignored(ENDPOINT, reason);
        return Uni.createFrom().item(
                Response.ok(Map.of("status", "ignored", "reason", reason), MediaType.APPLICATION_JSON).build());
    }
}
