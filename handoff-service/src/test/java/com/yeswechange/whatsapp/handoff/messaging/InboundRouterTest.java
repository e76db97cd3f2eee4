package com.yeswechange.whatsapp.handoff.messaging;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.yeswechange.whatsapp.events.EventJson;
import com.yeswechange.whatsapp.events.InboundEvent;
import com.yeswechange.whatsapp.events.Topics;
import com.yeswechange.whatsapp.handoff.FakeChatwoot;
import com.yeswechange.whatsapp.handoff.Signers;
import com.yeswechange.whatsapp.handoff.TopicRecords;
import com.yeswechange.whatsapp.testsupport.KafkaBrokerResource;
import com.yeswechange.whatsapp.testsupport.SpecFiles;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kafka.InjectKafkaCompanion;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The inbound router with the real broker and a stateful Chatwoot stand-in: every customer message lands once, in the
 * right conversation, in order, whatever the redeliveries and outages; what can never land goes to the DLQ.
 */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(FakeChatwoot.class)
class InboundRouterTest {

    private static final FakeChatwoot.State CHATWOOT = FakeChatwoot.STATE;

    @InjectKafkaCompanion
    KafkaCompanion companion;

    @AfterEach
    void chatwootBackToNormal() {
        CHATWOOT.reset();
    }

    @Test
    void theStudioHandoffOpensAConversationWithTheMessageAndTheBotContextThenAFollowUpJoinsIt() {
        given().contentType("application/x-www-form-urlencoded")
                .header("X-Twilio-Signature", SpecFiles.text("twilio/examples/studio_handoff.form.sig.txt"))
                .body(SpecFiles.text("twilio/examples/studio_handoff.form"))
                .when().post("/api/webhooks/twilio/handoff")
                .then().statusCode(200);

        String sid = "studio:FN595921b6fb78b4aaff35aa5daa6f5094";
        ObjectNode message = awaitMessage(sid);
        assertThat(message.path("message_type").asText()).isEqualTo("incoming");
        assertThat(message.path("content").asText())
                .isEqualTo("Bonjour, j'ai un problème avec le remboursement de ma facture.");
        ObjectNode note = awaitMessage(sid + ":context");
        assertThat(note.path("private").asBoolean()).isTrue();
        assertThat(note.path("content").asText()).startsWith("Contexte du bot :")
                .contains("motif : remboursement").contains("numero_client : CI-204518");
        long conversation = message.path("conversation_id").asLong();
        assertThat(note.path("conversation_id").asLong()).isEqualTo(conversation);
        Long contact = CHATWOOT.contactByPhone("+2250701020304");
        assertThat(contact).isNotNull();
        assertThat(CHATWOOT.conversationsOf(contact)).extracting(c -> c.path("status").asText()).contains("open");

        Map<String, String> followUp = new LinkedHashMap<>();
        followUp.put("MessageSid", "SM" + UUID.randomUUID().toString().replace("-", ""));
        followUp.put("From", "whatsapp:+2250701020304");
        followUp.put("Body", "Voici mon numéro de facture : F-2026-0517");
        given().contentType("application/x-www-form-urlencoded")
                .header("X-Twilio-Signature", Signers.twilio(Signers.PUBLIC_BASE + "/api/webhooks/twilio/messages",
                        followUp))
                .body(Signers.form(followUp))
                .when().post("/api/webhooks/twilio/messages")
                .then().statusCode(200);

        assertThat(awaitMessage(followUp.get("MessageSid")).path("conversation_id").asLong()).isEqualTo(conversation);
        assertThat(CHATWOOT.messagesWithSourceId(sid)).as("posted once, however often Studio called").hasSize(1);
        given().get("/q/metrics").then()
                .body(containsString("handoff_router_records_total{outcome=\"routed\"}"));
    }

    @Test
    void theSameMessageSidThreeTimesYieldsOneChatwootMessage() {
        String phone = "+2250700000101";
        long conversation = CHATWOOT.addConversation(CHATWOOT.addContact("Koffi", phone), "open");
        Map<String, String> params = new LinkedHashMap<>();
        params.put("MessageSid", "SM" + UUID.randomUUID().toString().replace("-", ""));
        params.put("From", "whatsapp:" + phone);
        params.put("Body", "Trois fois le même message");
        String signature = Signers.twilio(Signers.PUBLIC_BASE + "/api/webhooks/twilio/messages", params);
        for (int delivery = 0; delivery < 3; delivery++) {
            given().contentType("application/x-www-form-urlencoded").header("X-Twilio-Signature", signature)
                    .body(Signers.form(params)).when().post("/api/webhooks/twilio/messages").then().statusCode(200);
        }
        String marker = publish(message(phone, "après"));

        awaitMessage(marker);
        assertThat(CHATWOOT.messagesWithSourceId(params.get("MessageSid"))).hasSize(1);
        assertThat(CHATWOOT.messagesOf(conversation)).hasSize(2);
    }

    @Test
    void twoMessagesOfANewCustomerArrivingTogetherYieldOneConversation() {
        String phone = "+2250700000102";
        InboundEvent handoff = new InboundEvent(1, InboundEvent.Kind.HANDOFF, "studio:FN" + UUID.randomUUID(), phone,
                "whatsapp:" + phone, null, "Adjoua", "Je veux parler à quelqu'un", "text", List.of(), null,
                Map.of("motif", "carte bloquée"), null, null, Instant.now());
        InboundEvent message = message(phone, "Ma carte est bloquée depuis hier");
        companion.produceStrings().fromRecords(
                new ProducerRecord<>(Topics.WHATSAPP_INBOUND, phone, EventJson.write(handoff)),
                new ProducerRecord<>(Topics.WHATSAPP_INBOUND, phone, EventJson.write(message))).awaitCompletion();

        awaitMessage(message.messageSid());
        Long contact = CHATWOOT.contactByPhone(phone);
        assertThat(CHATWOOT.conversationsOf(contact)).hasSize(1);
        long conversation = CHATWOOT.conversationsOf(contact).get(0).path("id").asLong();
        assertThat(CHATWOOT.messagesOf(conversation)).extracting(m -> m.path("source_id").asText())
                .containsExactly(handoff.messageSid(), handoff.messageSid() + ":context", message.messageSid());
    }

    @Test
    void aCustomersOrderIsKept() {
        String phone = "+2250700000103";
        long conversation = CHATWOOT.addConversation(CHATWOOT.addContact("Yao", phone), "open");
        List<String> sent = new ArrayList<>();
        List<ProducerRecord<String, String>> records = new ArrayList<>();
        for (int i = 1; i <= 6; i++) {
            InboundEvent event = message(phone, "message " + i);
            sent.add(event.messageSid());
            records.add(new ProducerRecord<>(Topics.WHATSAPP_INBOUND, phone, EventJson.write(event)));
        }
        companion.produceStrings().fromRecords(records).awaitCompletion();

        awaitMessage(sent.get(5));
        assertThat(CHATWOOT.messagesOf(conversation)).extracting(m -> m.path("source_id").asText())
                .containsExactlyElementsOf(sent);
    }

    @Test
    void chatwootDownThenUpDeliversEverythingOnce() {
        String phone = "+2250700000104";
        long conversation = CHATWOOT.addConversation(CHATWOOT.addContact("Awa", phone), "open");
        CHATWOOT.unavailableCalls.set(12);
        CHATWOOT.lostMessageAnswers.set(1);

        String first = publish(message(phone, "pendant la panne 1"));
        String second = publish(message(phone, "pendant la panne 2"));

        awaitMessage(second);
        assertThat(CHATWOOT.messagesWithSourceId(first)).as("stored once though its answer was lost").hasSize(1);
        assertThat(CHATWOOT.messagesOf(conversation)).extracting(m -> m.path("source_id").asText())
                .containsExactly(first, second);
        assertThat(CHATWOOT.unavailableCalls.get()).isZero();
    }

    @Test
    void aMessageChatwootRefusesGoesToTheDlqWithItsErrorAndTheRouterGoesOn() {
        String phone = "+2250700000105";
        long conversation = CHATWOOT.addConversation(CHATWOOT.addContact("Moussa", phone), "open");
        CHATWOOT.refusingConversations.add(conversation);
        InboundEvent refused = message(phone, "refusé");
        try (TopicRecords dlq = new TopicRecords(companion, Topics.dlq(Topics.WHATSAPP_INBOUND))) {
            publish(refused);

            var record = dlq.await(r -> r.value() != null && r.value().contains(refused.messageSid()));
            assertThat(record.key()).isEqualTo(phone);
            assertThat(EventJson.read(record.value(), InboundEvent.class)).isEqualTo(refused);
            assertThat(new String(record.headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8))
                    .contains("422");
            assertThat(record.headers().lastHeader("dead-letter-topic")).isNotNull();
            assertThat(CHATWOOT.messagesWithSourceId(refused.messageSid())).isEmpty();

            companion.produceStrings().fromRecords(
                    new ProducerRecord<>(Topics.WHATSAPP_INBOUND, "+2250700000999", "{not json")).awaitCompletion();
            assertThat(dlq.await(r -> "+2250700000999".equals(r.key())).value()).isEqualTo("{not json");
        }
        CHATWOOT.refusingConversations.clear();
        String next = publish(message(phone, "accepté"));
        assertThat(awaitMessage(next).path("conversation_id").asLong()).isEqualTo(conversation);
        given().get("/q/metrics").then().body(containsString("handoff_router_dlq_total{reason=\"refused\"}"))
                .body(containsString("handoff_router_dlq_total{reason=\"unreadable\"}"));
    }

    @Test
    void mediaIsFetchedWithBasicAuthAndAttached() {
        String phone = "+2250700000106";
        CHATWOOT.addConversation(CHATWOOT.addContact("Fatou", phone), "open");
        InboundEvent photo = new InboundEvent(1, InboundEvent.Kind.MESSAGE, "MM" + UUID.randomUUID(), phone,
                "whatsapp:" + phone, null, "Fatou", "Voici la photo", "image",
                List.of(new InboundEvent.Media(FakeChatwoot.mediaUrl("ME0123"), "image/jpeg")), null, Map.of(),
                null, null, Instant.now());

        publish(photo);

        ObjectNode message = awaitMessage(photo.messageSid());
        assertThat(message.path("attachment_count").asInt()).isEqualTo(1);
        assertThat(message.path("attachment_type").asText()).isEqualTo("image/jpeg");
        assertThat(message.path("content").asText()).isEqualTo("Voici la photo");
    }

    @Test
    void withoutAConversationTheMessageGoesBackToTheBotAndASnoozedOneReopens() {
        String phone = "+2250700000107";
        long contact = CHATWOOT.addContact("Ibrahim", phone);
        CHATWOOT.addConversation(contact, "resolved");
        InboundEvent toBot = message(phone, "Bonjour le bot");

        publish(toBot);

        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> !FakeChatwoot.server.findAll(
                postRequestedFor(urlPathEqualTo("/studio/webhook")).withRequestBody(containing(toBot.messageSid())))
                .isEmpty());
        assertThat(CHATWOOT.conversationsOf(contact)).hasSize(1);

        String snoozedPhone = "+2250700000108";
        long snoozed = CHATWOOT.addConversation(CHATWOOT.addContact("Mariam", snoozedPhone), "snoozed");
        awaitMessage(publish(message(snoozedPhone, "Je reviens vers vous")));
        assertThat(CHATWOOT.conversations.get(snoozed).path("status").asText()).isEqualTo("open");
    }

    private String publish(InboundEvent event) {
        companion.produceStrings().fromRecords(new ProducerRecord<>(Topics.WHATSAPP_INBOUND, event.customerPhone(),
                EventJson.write(event))).awaitCompletion();
        return event.messageSid();
    }

    private static InboundEvent message(String phone, String body) {
        return new InboundEvent(1, InboundEvent.Kind.MESSAGE, "SM" + UUID.randomUUID().toString().replace("-", ""),
                phone, "whatsapp:" + phone, "whatsapp:+2252722405060", null, body, "text", List.of(), null, Map.of(),
                null, null, Instant.now());
    }

    private static ObjectNode awaitMessage(String sourceId) {
        Awaitility.await().atMost(Duration.ofSeconds(60))
                .until(() -> !CHATWOOT.messagesWithSourceId(sourceId).isEmpty());
        return CHATWOOT.messagesWithSourceId(sourceId).get(0);
    }
}
