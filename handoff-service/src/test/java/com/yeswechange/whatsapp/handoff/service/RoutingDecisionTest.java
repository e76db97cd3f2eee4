package com.yeswechange.whatsapp.handoff.service;

import static com.yeswechange.whatsapp.chatwoot.ConversationStatus.OPEN;
import static com.yeswechange.whatsapp.chatwoot.ConversationStatus.PENDING;
import static com.yeswechange.whatsapp.chatwoot.ConversationStatus.RESOLVED;
import static com.yeswechange.whatsapp.chatwoot.ConversationStatus.SNOOZED;
import static com.yeswechange.whatsapp.events.InboundEvent.Kind.HANDOFF;
import static com.yeswechange.whatsapp.events.InboundEvent.Kind.MESSAGE;
import static com.yeswechange.whatsapp.handoff.service.RoutingDecision.APPEND;
import static com.yeswechange.whatsapp.handoff.service.RoutingDecision.CREATE_AND_APPEND;
import static com.yeswechange.whatsapp.handoff.service.RoutingDecision.FORWARD_TO_STUDIO;
import static com.yeswechange.whatsapp.handoff.service.RoutingDecision.REOPEN_AND_APPEND;
import static org.assertj.core.api.Assertions.assertThat;

import com.yeswechange.whatsapp.events.InboundEvent;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RoutingDecisionTest {

    @Test
    void aHandoffAlwaysReachesAnAgent() {
        assertThat(RoutingDecision.decide(HANDOFF, null, true)).isEqualTo(CREATE_AND_APPEND);
        assertThat(RoutingDecision.decide(HANDOFF, RESOLVED, true)).isEqualTo(CREATE_AND_APPEND);
        assertThat(RoutingDecision.decide(HANDOFF, OPEN, true)).isEqualTo(APPEND);
        assertThat(RoutingDecision.decide(HANDOFF, PENDING, false)).as("asks for a human: open it")
                .isEqualTo(REOPEN_AND_APPEND);
        assertThat(RoutingDecision.decide(HANDOFF, SNOOZED, false)).isEqualTo(REOPEN_AND_APPEND);
    }

    @Test
    void aMessageGoesToTheCurrentConversationElseBackToTheBot() {
        assertThat(RoutingDecision.decide(MESSAGE, OPEN, true)).isEqualTo(APPEND);
        assertThat(RoutingDecision.decide(MESSAGE, PENDING, true)).isEqualTo(APPEND);
        assertThat(RoutingDecision.decide(MESSAGE, SNOOZED, true)).as("a snoozed one reopens")
                .isEqualTo(REOPEN_AND_APPEND);
        assertThat(RoutingDecision.decide(MESSAGE, null, true)).isEqualTo(FORWARD_TO_STUDIO);
        assertThat(RoutingDecision.decide(MESSAGE, RESOLVED, true)).as("after resolve: back with the bot")
                .isEqualTo(FORWARD_TO_STUDIO);
        assertThat(RoutingDecision.decide(MESSAGE, null, false)).as("no Studio: a new conversation")
                .isEqualTo(CREATE_AND_APPEND);
    }

    @Test
    void agentsReadLocationsUnsupportedTypesAndTheBotContext() {
        InboundEvent location = event(InboundEvent.Kind.MESSAGE, "", "location", Map.of(),
                new InboundEvent.Location(5.325225830078, -4.019745349884, "Plateau", null));
        assertThat(MessageTexts.content(location))
                .isEqualTo("📍 Position partagée : Plateau\nhttps://www.google.com/maps?q=5.325225830078,-4.019745349884");

        InboundEvent sticker = event(InboundEvent.Kind.MESSAGE, "", "sticker", Map.of(), null);
        assertThat(MessageTexts.content(sticker)).contains("« sticker »").contains("non pris en charge");

        InboundEvent handoff = event(InboundEvent.Kind.HANDOFF, "Bonjour", "text",
                Map.of("numero_client", "CI-204518", "motif", "remboursement"), null);
        assertThat(MessageTexts.content(handoff)).isEqualTo("Bonjour");
        assertThat(MessageTexts.hasBotContext(handoff)).isTrue();
        assertThat(MessageTexts.botContextNote(handoff)).isEqualTo(
                "Contexte du bot :\n• nom : Aya Kouassi\n• motif : remboursement\n• numero_client : CI-204518");
        assertThat(MessageTexts.hasBotContext(sticker)).isFalse();
    }

    private static InboundEvent event(InboundEvent.Kind kind, String body, String type, Map<String, String> context,
            InboundEvent.Location location) {
        return new InboundEvent(1, kind, "SM1", "+2250701020304", "whatsapp:+2250701020304", null, "Aya Kouassi",
                body, type, List.of(), location, context, null, null, Instant.EPOCH);
    }
}
