package com.yeswechange.whatsapp.outbound;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.yeswechange.whatsapp.outbound.OutboundFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.yeswechange.whatsapp.events.EventJson;
import com.yeswechange.whatsapp.events.StatusEvent;
import com.yeswechange.whatsapp.events.Topics;
import com.yeswechange.whatsapp.testsupport.KafkaBrokerResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kafka.InjectKafkaCompanion;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import com.yeswechange.whatsapp.events.DispatchEvent;
import com.yeswechange.whatsapp.outbound.service.DispatchLedger;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** whatsapp.status → Chatwoot delivery ticks, in any arrival order, never backwards. */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(TwilioAndChatwootWireMock.class)
class DeliveryTicksTest {

    @TwilioAndChatwootWireMock.Server
    WireMockServer server;

    @InjectKafkaCompanion
    KafkaCompanion kafka;

    @Inject
    DispatchLedger ledger;

    long conversation;
    long message;
    String messageSid;

    @BeforeEach
    void sentMessage() {
        conversation = nextId();
        message = nextId();
        messageSid = sid();
        unmatchedIsNotFound(server);
        chatwootConversation(server, conversation, Instant.now());
        chatwootHolds(message, "sent");
    }

    /** Chatwoot's current status of a message, as its message list shows it. */
    private void chatwootHolds(long messageId, String status) {
        server.stubFor(get(urlPathEqualTo("/api/v1/accounts/1/conversations/" + conversation + "/messages"))
                .withQueryParam("after", equalTo(Long.toString(messageId - 1)))
                .willReturn(okJson("""
                        {"meta":{},"payload":[{"id":%d,"content":"Bonjour","message_type":1,"created_at":%d,
                        "private":false,"status":"%s","conversation_id":%d}]}"""
                        .formatted(messageId, Instant.now().getEpochSecond(), status, conversation))));
    }

    private void callback(long messageId, String status, String errorCode) {
        callback(messageId, status, errorCode, "+2250700000001");
    }

    private void callback(long messageId, String status, String errorCode, String phone) {
        StatusEvent event = new StatusEvent(1, messageSid, status, errorCode, null, "whatsapp:" + phone,
                conversation, messageId, Instant.now());
        publish(kafka, Topics.WHATSAPP_STATUS, messageSid, event);
    }

    /** A callback of another message under the same key (same partition): when it lands, the ones before did. */
    private void awaitEarlierCallbacksHandled() {
        long marker = nextId();
        chatwootHolds(marker, "sent");
        callback(marker, "delivered", null);
        await().atMost(Duration.ofSeconds(20)).until(() -> !chatwootStatusUpdates(server, conversation, marker)
                .isEmpty());
    }

    private List<String> patchedStatuses(long messageId) {
        return chatwootStatusUpdates(server, conversation, messageId).stream()
                .map(r -> EventJson.read(r.getBodyAsString(), JsonNode.class).path("status").asText())
                .toList();
    }

    @Test
    void ticksFollowTwilioInOrderAndALateDeliveredNeverUndoesRead() {
        callback(message, "sent", null);
        callback(message, "delivered", null);
        callback(message, "read", null);
        callback(message, "delivered", null); // late duplicate
        awaitEarlierCallbacksHandled();

        // "sent" is what Chatwoot already shows: no call for it
        assertThat(patchedStatuses(message)).containsExactly("delivered", "read");
    }

    @Test
    void readArrivingBeforeDeliveredKeepsRead() {
        callback(message, "read", null);
        callback(message, "delivered", null);
        callback(message, "sent", null);
        awaitEarlierCallbacksHandled();

        assertThat(patchedStatuses(message)).containsExactly("read");
    }

    @Test
    void afterARestartTheCurrentTickIsReadFromChatwoot() {
        long alreadyRead = nextId();
        chatwootHolds(alreadyRead, "read");
        callback(alreadyRead, "delivered", null);
        awaitEarlierCallbacksHandled();

        assertThat(patchedStatuses(alreadyRead)).isEmpty();
    }

    @Test
    void a63016ReportedAfterTheSendBringsTheApprovedTemplateOnce() {
        String phone = nextPhone();
        twilioAccepts(server, phone);
        server.stubFor(get(urlPathEqualTo("/api/v1/accounts/1/conversations/" + conversation)).willReturn(okJson("""
                {"id":%d,"inbox_id":3,"status":"open","meta":{"sender":{"id":10,"name":"Awa Koné",
                "phone_number":"%s"}}}""".formatted(conversation, phone))));

        callback(message, "failed", "63016", phone);
        callback(message, "failed", "63016", phone); // Twilio may call twice
        awaitEarlierCallbacksHandled();

        assertThat(patchedStatuses(message)).containsExactly("failed");
        DispatchEvent template = await().atMost(Duration.ofSeconds(20)).until(
                () -> ledger.get("template:" + message), e -> e.filter(DispatchEvent::isFinal).isPresent())
                .orElseThrow();
        assertThat(template.outcome()).isEqualTo(DispatchEvent.Outcome.SENT);
        assertThat(twilioSends(server, phone)).singleElement().satisfies(sent -> {
            assertThat(sent.get("ContentSid")).containsExactly(TwilioAndChatwootWireMock.TEMPLATE_SID);
            assertThat(sent.get("ContentVariables")).containsExactly("{\"1\":\"Awa Koné\"}");
            assertValidCreateMessage(sent);
        });
    }

    @Test
    void aFailureSetsTheFailedTickWithItsReasonAndAPrivateNote() {
        callback(message, "sent", null);
        callback(message, "undelivered", "63003");
        awaitEarlierCallbacksHandled();

        assertThat(patchedStatuses(message)).containsExactly("failed");
        JsonNode body = EventJson.read(chatwootStatusUpdates(server, conversation, message).get(0).getBodyAsString(),
                JsonNode.class);
        assertThat(body.path("external_error").asText()).contains("63003").contains("joignable");
        assertThat(chatwootNotes(server, conversation)).anySatisfy(note -> {
            JsonNode json = EventJson.read(note.getBodyAsString(), JsonNode.class);
            assertThat(json.path("private").asBoolean()).isTrue();
            assertThat(json.path("content").asText()).contains("63003");
        });
    }
}
