package com.yeswechange.whatsapp.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventContractTest {

    private static final Instant AT = Instant.parse("2026-06-17T09:04:45.902Z");

    @Test
    void inboundEventRoundTrips() {
        var event = new InboundEvent(InboundEvent.CURRENT_VERSION, InboundEvent.Kind.HANDOFF, "MM1", "+2250701020304",
                "whatsapp:+2250701020304", "whatsapp:+2252722405060", "Aya Kouassi", "Bonjour", "image",
                List.of(new InboundEvent.Media("https://api.twilio.test/Media/ME1", "image/jpeg")),
                new InboundEvent.Location(5.35, -4.01, "Plateau", "Bureau"),
                Map.of("motif", "remboursement"), "FW1", "FN1", AT);

        String json = EventJson.write(event);

        assertThat(json).contains("\"schemaVersion\":1").contains("\"receivedAt\":\"2026-06-17T09:04:45.902Z\"");
        assertThat(EventJson.read(json, InboundEvent.class)).isEqualTo(event);
    }

    @Test
    void statusEventRoundTripsAndRanksStatuses() {
        var event = new StatusEvent(1, "SM1", "failed", "63016", "outside window", "whatsapp:+2250701020304",
                27L, 1206L, AT);

        StatusEvent back = EventJson.read(EventJson.write(event), StatusEvent.class);

        assertThat(back).isEqualTo(event);
        assertThat(back.deliveryStatus()).isEqualTo(DeliveryStatus.FAILED);
        assertThat(DeliveryStatus.READ.advancesFrom(DeliveryStatus.DELIVERED)).isTrue();
        assertThat(DeliveryStatus.DELIVERED.advancesFrom(DeliveryStatus.READ)).isFalse();
        assertThat(DeliveryStatus.SENT.advancesFrom(DeliveryStatus.SENT)).isFalse();
        assertThat(DeliveryStatus.fromTwilio("partially_delivered")).isEqualTo(DeliveryStatus.PARTIALLY_DELIVERED);
        assertThat(DeliveryStatus.fromTwilio("teleported")).isEqualTo(DeliveryStatus.UNKNOWN);
    }

    @Test
    void chatwootEventRoundTrips() {
        var message = new ChatwootEvent.Message(1206, "Voici la preuve", "outgoing", false, "text", null, "User", 3L,
                "sent", List.of(new ChatwootEvent.Attachment("image", "image/jpeg", "https://cw.test/a.jpg")), AT);
        var event = new ChatwootEvent(1, "d-1", ChatwootEvent.MESSAGE_CREATED, 1L, 3L, 27L, "open", 3L, message,
                new ChatwootEvent.Contact(42L, "Aya Kouassi", "+2250701020304", "whatsapp:+2250701020304"), AT, AT);

        ChatwootEvent back = EventJson.read(EventJson.write(event), ChatwootEvent.class);

        assertThat(back).isEqualTo(event);
        assertThat(back.message().isOutgoing()).isTrue();
        assertThat(EventJson.write(event)).doesNotContain("outgoing\":true");
    }

    @Test
    void dispatchEventRoundTrips() {
        var event = new DispatchEvent(1, "1206", DispatchEvent.Kind.REPLY, DispatchEvent.Outcome.SENT, 27L, 1206L,
                "+2250701020304", "SM1", null, null, 1, 3L, AT);

        DispatchEvent back = EventJson.read(EventJson.write(event), DispatchEvent.class);

        assertThat(back).isEqualTo(event);
        assertThat(back.isFinal()).isTrue();
        assertThat(EventJson.write(event)).doesNotContain("errorCode");
    }

    @Test
    void readsAnOlderVersionWithoutSchemaVersionOrNewerFields() {
        // what a first writer without schemaVersion, media or bot context would have produced
        String older = """
                {"kind":"MESSAGE","messageSid":"MM9","customerPhone":"+2250701020304","body":"Allô ?"}""";

        InboundEvent event = EventJson.read(older, InboundEvent.class);

        assertThat(event.schemaVersion()).isEqualTo(1);
        assertThat(event.media()).isEmpty();
        assertThat(event.botContext()).isEmpty();
        assertThat(event.location()).isNull();
        assertThat(event.body()).isEqualTo("Allô ?");
    }

    @Test
    void readsANewerVersionIgnoringWhatItDoesNotKnow() {
        String newer = """
                {"schemaVersion":7,"dispatchId":"1206","kind":"CAROUSEL","outcome":"SENT","messageSid":"SM1",
                 "attempt":2,"priority":"high","routing":{"region":"eu"}}""";

        DispatchEvent event = EventJson.read(newer, DispatchEvent.class);

        assertThat(event.schemaVersion()).isEqualTo(7);
        assertThat(event.kind()).as("an enum value from the future reads as unknown").isNull();
        assertThat(event.outcome()).isEqualTo(DispatchEvent.Outcome.SENT);
        assertThat(event.messageSid()).isEqualTo("SM1");
        assertThat(event.attempt()).isEqualTo(2);
    }

    @Test
    void rejectsMalformedJsonWithAClearMessage() {
        assertThatThrownBy(() -> EventJson.read("{\"messageSid\":", StatusEvent.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("not a valid StatusEvent");
    }

    @Test
    void namesDeadLetterTopics() {
        assertThat(Topics.dlq(Topics.WHATSAPP_INBOUND)).isEqualTo("whatsapp.inbound.dlq");
        assertThat(Topics.dlq(Topics.CHATWOOT_EVENTS)).isEqualTo("chatwoot.events.dlq");
        assertThatThrownBy(() -> Topics.dlq("whatsapp.inbound.dlq")).isInstanceOf(IllegalArgumentException.class);
    }
}
