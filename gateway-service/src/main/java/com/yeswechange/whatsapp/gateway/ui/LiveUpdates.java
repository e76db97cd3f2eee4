package com.yeswechange.whatsapp.gateway.ui;

import com.yeswechange.whatsapp.gateway.config.GatewayConfig;
import com.yeswechange.whatsapp.gateway.messaging.LiveEvent;
import com.yeswechange.whatsapp.gateway.messaging.LiveEvents;
import com.yeswechange.whatsapp.gateway.service.CurrentAgent;
import com.yeswechange.whatsapp.gateway.view.MessageView;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.security.Authenticated;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The pages' live stream: the gateway's per-agent live events (the same Kafka-fed source and visibility rule as
 * {@code /api/events}), turned into what htmx's SSE extension swaps in: rendered HTML fragments for new messages
 * ({@code conversation-ID}) and delivery ticks ({@code tick-ID}), and bare signals for the list, the counts and a
 * new handoff ({@code list}, {@code counts}, {@code handoff}).
 */
@Path("/ui/live")
@Authenticated
public class LiveUpdates {

    @Inject
    LiveEvents events;

    @Inject
    CurrentAgent agent;

    @Inject
    UiRequest ui;

    @Inject
    UiConfig config;

    @Inject
    GatewayConfig gateway;

    @Location("ui/message.html")
    Template message;

    @Location("ui/tick.html")
    Template tick;

    Clock clock = Clock.systemUTC();

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Blocking
    public Multi<OutboundSseEvent> stream(@Context Sse sse) {
        // decided once, while the request (and the agent's identity and language) is at hand
        boolean supervisor = agent.isSupervisor();
        Long agentId = agent.chatwootAgentId().orElse(null);
        Locale locale = ui.locale();
        ZoneId zone = config.timeZone();
        Multi<OutboundSseEvent> updates = events.stream()
                .filter(event -> event.visibleTo(supervisor, agentId))
                .onItem().transformToIterable(event -> fragments(event, locale, zone).stream()
                        .map(f -> sse.newEventBuilder().name(f.name()).data(f.html()).build()).toList());
        Multi<OutboundSseEvent> heartbeats = Multi.createFrom().ticks().every(gateway.sseHeartbeat())
                .map(tick -> sse.newEventBuilder().name(LiveEvent.HEARTBEAT).data("").build());
        return Multi.createBy().merging().streams(updates, heartbeats);
    }

    /** One SSE event for the page: htmx swaps {@code html} into the elements listening to {@code name}. */
    record Fragment(String name, String html) {
    }

    List<Fragment> fragments(LiveEvent event, Locale locale, ZoneId zone) {
        List<Fragment> out = new ArrayList<>();
        Map<String, Object> data = event.data() == null ? Map.of() : event.data();
        switch (event.type()) {
            case LiveEvent.MESSAGE_CREATED -> {
                if (data.get("message") instanceof MessageView m) {
                    out.add(new Fragment("conversation-" + event.conversationId(), render(message, m, locale, zone)));
                }
                out.add(new Fragment("list", ""));
            }
            case LiveEvent.MESSAGE_UPDATED -> {
                if (data.get("message") instanceof MessageView m && !m.privateNote() && !m.incoming()
                        && !m.activity()) {
                    out.add(new Fragment("tick-" + m.id(), render(tick, m, locale, zone)));
                }
            }
            case LiveEvent.MESSAGE_DELIVERY, LiveEvent.MESSAGE_DISPATCH -> {
                Object id = data.get("messageId");
                String status = UiTicks.fromLiveEvent(event.type(), data);
                if (id instanceof Number messageId && status != null) {
                    MessageView m = new MessageView(messageId.longValue(), event.conversationId(), null, "outgoing",
                            false, null, null, List.of(), status, UiTicks.reason(data));
                    out.add(new Fragment("tick-" + messageId, render(tick, m, locale, zone)));
                }
            }
            case LiveEvent.CONVERSATION_CREATED -> {
                out.add(new Fragment("handoff", "#" + event.conversationId()));
                out.add(new Fragment("list", ""));
            }
            case LiveEvent.CONVERSATION_UPDATED, LiveEvent.CONVERSATION_STATUS_CHANGED ->
                out.add(new Fragment("list", ""));
            case LiveEvent.COUNTS_CHANGED -> out.add(new Fragment("counts", ""));
            default -> {
                // heartbeats and future event types: nothing to draw
            }
        }
        return out;
    }

    private String render(Template template, MessageView m, Locale locale, ZoneId zone) {
        return template.instance().setLocale(locale)
                .data("m", m)
                .data("fmt", new UiFormat(locale, zone, clock.instant()))
                .render();
    }
}
