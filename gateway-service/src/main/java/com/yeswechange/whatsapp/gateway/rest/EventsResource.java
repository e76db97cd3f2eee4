package com.yeswechange.whatsapp.gateway.rest;

import com.yeswechange.whatsapp.gateway.config.GatewayConfig;
import com.yeswechange.whatsapp.gateway.messaging.LiveEvent;
import com.yeswechange.whatsapp.gateway.messaging.LiveEvents;
import com.yeswechange.whatsapp.gateway.security.Roles;
import com.yeswechange.whatsapp.gateway.service.CurrentAgent;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import java.time.Instant;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The live stream of one agent: server-sent events fed by this instance's Kafka consumer, only those the agent may
 * see, and a heartbeat. Event names and data are listed in {@link LiveEvent} and the module README.
 */
@Path("/api/events")
@RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN})
@Tag(name = "live events")
public class EventsResource {

    @Inject
    LiveEvents events;

    @Inject
    CurrentAgent agent;

    @Inject
    GatewayConfig config;

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Blocking
    @Operation(summary = "Live updates (text/event-stream): message.created, message.updated, conversation.created, "
            + "conversation.updated, conversation.status_changed, counts.changed, message.delivery, "
            + "message.dispatch, heartbeat")
    public Multi<OutboundSseEvent> stream(@Context Sse sse) {
        // decided once, while the request (and the user's identity) is at hand
        boolean supervisor = agent.isSupervisor();
        Long agentId = agent.chatwootAgentId().orElse(null);
        Multi<OutboundSseEvent> updates = events.stream()
                .filter(event -> event.visibleTo(supervisor, agentId))
                .map(event -> sse.newEventBuilder().name(event.type()).mediaType(MediaType.APPLICATION_JSON_TYPE)
                        .data(event.data()).build());
        Multi<OutboundSseEvent> heartbeats = Multi.createFrom().ticks().every(config.sseHeartbeat())
                .map(tick -> sse.newEventBuilder().name(LiveEvent.HEARTBEAT)
                        .mediaType(MediaType.APPLICATION_JSON_TYPE)
                        .data(Map.of("at", Instant.now().toString())).build());
        OutboundSseEvent hello = sse.newEventBuilder().name(LiveEvent.HEARTBEAT)
                .mediaType(MediaType.APPLICATION_JSON_TYPE).data(Map.of("at", Instant.now().toString())).build();
        return Multi.createBy().concatenating().streams(Multi.createFrom().item(hello),
                Multi.createBy().merging().streams(updates, heartbeats));
    }
}
