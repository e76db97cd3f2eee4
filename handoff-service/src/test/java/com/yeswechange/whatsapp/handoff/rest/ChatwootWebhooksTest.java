package com.yeswechange.whatsapp.handoff.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.yeswechange.whatsapp.events.ChatwootEvent;
import com.yeswechange.whatsapp.events.EventJson;
import com.yeswechange.whatsapp.events.Topics;
import com.yeswechange.whatsapp.handoff.FakeChatwoot;
import com.yeswechange.whatsapp.handoff.Signers;
import com.yeswechange.whatsapp.handoff.TopicRecords;
import com.yeswechange.whatsapp.testsupport.KafkaBrokerResource;
import com.yeswechange.whatsapp.testsupport.SpecFiles;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kafka.InjectKafkaCompanion;
import io.restassured.response.ValidatableResponse;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Chatwoot's webhooks with the real broker. The spec payloads are sent byte for byte; their recorded signatures date
 * from June 2026 and are refused as replays, so accepted deliveries carry the same bytes signed at the current time.
 */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(FakeChatwoot.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ChatwootWebhooksTest {

    static final String PATH = "/api/webhooks/chatwoot";

    @InjectKafkaCompanion
    KafkaCompanion companion;

    TopicRecords events;

    @BeforeAll
    void readTopic() {
        events = new TopicRecords(companion, Topics.CHATWOOT_EVENTS);
    }

    @AfterAll
    void stopReading() {
        events.close();
    }

    @Test
    void everyExampleSignedNowIsStoredKeyedByConversation() throws Exception {
        JsonNode files = new ObjectMapper().readTree(SpecFiles.bytes("chatwoot/examples/signatures.json")).get("files");
        for (JsonNode file : files) {
            byte[] body = SpecFiles.bytes("chatwoot/examples/" + file.get("file").asText());
            String delivery = UUID.randomUUID().toString();

            send(body, delivery, now()).statusCode(200).body("status", equalTo("accepted"));

            var record = events.await(r -> r.value().contains(delivery));
            assertThat(record.key()).isEqualTo("27");
            ChatwootEvent event = EventJson.read(record.value(), ChatwootEvent.class);
            assertThat(event.event()).isEqualTo(file.get("event").asText());
            assertThat(event.inboxId()).isEqualTo(FakeChatwoot.INBOX);
        }
    }

    @Test
    void theRecordedDeliveriesAreReplaysNow() throws Exception {
        JsonNode file = new ObjectMapper().readTree(SpecFiles.bytes("chatwoot/examples/signatures.json"))
                .get("files").get(1);
        JsonNode headers = file.get("headers");

        given().contentType("application/json")
                .header("X-Chatwoot-Delivery", headers.get("X-Chatwoot-Delivery").asText())
                .header("X-Chatwoot-Timestamp", headers.get("X-Chatwoot-Timestamp").asText())
                .header("X-Chatwoot-Signature", headers.get("X-Chatwoot-Signature").asText())
                .body(SpecFiles.bytes("chatwoot/examples/message_created_incoming.json"))
                .when().post(PATH)
                .then().statusCode(403).body("reason", equalTo("stale_timestamp"));

        assertNothingStoredFor(headers.get("X-Chatwoot-Delivery").asText());
    }

    @Test
    void aRepeatedDeliveryIsStoredOnce() {
        byte[] body = SpecFiles.bytes("chatwoot/examples/message_created_outgoing.json");
        String delivery = UUID.randomUUID().toString();

        send(body, delivery, now()).statusCode(200).body("status", equalTo("accepted"));
        send(body, delivery, now()).statusCode(200).body("status", equalTo("ignored"))
                .body("reason", equalTo("duplicate_delivery"));

        assertNothingMoreStored(delivery, 1);
    }

    @Test
    void forgedMissingMalformedAndWrongTypeAreRefusedAndNothingIsStored() {
        byte[] body = SpecFiles.bytes("chatwoot/examples/message_created_private_note.json");
        String delivery = UUID.randomUUID().toString();
        String ts = now();

        given().contentType("application/json").header("X-Chatwoot-Delivery", delivery)
                .header("X-Chatwoot-Timestamp", ts)
                .header("X-Chatwoot-Signature", Signers.chatwoot(ts, "{\"other\":1}".getBytes(StandardCharsets.UTF_8)))
                .body(body).when().post(PATH)
                .then().statusCode(403).body("reason", equalTo("forged_signature"));
        given().contentType("application/json").header("X-Chatwoot-Delivery", delivery).body(body)
                .when().post(PATH).then().statusCode(403).body("reason", equalTo("missing_signature"));
        byte[] notJson = "{\"event\":".getBytes(StandardCharsets.UTF_8);
        given().contentType("application/json").header("X-Chatwoot-Delivery", delivery)
                .header("X-Chatwoot-Timestamp", ts).header("X-Chatwoot-Signature", Signers.chatwoot(ts, notJson))
                .body(notJson).when().post(PATH).then().statusCode(400).body("reason", equalTo("malformed"));
        given().contentType("text/plain").header("X-Chatwoot-Delivery", delivery)
                .header("X-Chatwoot-Timestamp", ts).header("X-Chatwoot-Signature", Signers.chatwoot(ts, body))
                .body(body).when().post(PATH).then().statusCode(415);
        byte[] huge = ("{\"event\":\"message_created\",\"content\":\"" + "x".repeat(300_000) + "\"}")
                .getBytes(StandardCharsets.UTF_8);
        given().contentType("application/json").header("X-Chatwoot-Delivery", delivery)
                .header("X-Chatwoot-Timestamp", ts).header("X-Chatwoot-Signature", Signers.chatwoot(ts, huge))
                .body(huge).when().post(PATH).then().statusCode(413);

        assertNothingStoredFor(delivery);
    }

    @Test
    void eventsOfOtherInboxesOrWithoutConversationAreIgnored() {
        byte[] otherInbox = new String(SpecFiles.bytes("chatwoot/examples/conversation_created.json"),
                StandardCharsets.UTF_8).replace("\"inbox_id\":3", "\"inbox_id\":9").getBytes(StandardCharsets.UTF_8);
        String delivery = UUID.randomUUID().toString();

        send(otherInbox, delivery, now()).statusCode(200).body("reason", equalTo("other_inbox"));
        send("{\"event\":\"contact_created\",\"id\":42}".getBytes(StandardCharsets.UTF_8), delivery + "-c", now())
                .statusCode(200).body("reason", equalTo("no_conversation"));

        assertNothingStoredFor(delivery);
    }

    /** A later valid delivery of conversation 27 shares the partition: once it is read, anything earlier was too. */
    private void assertNothingStoredFor(String delivery) {
        assertNothingMoreStored(delivery, 0);
    }

    private void assertNothingMoreStored(String delivery, int expected) {
        String marker = UUID.randomUUID().toString();
        send(SpecFiles.bytes("chatwoot/examples/conversation_created.json"), marker, now()).statusCode(200);
        events.await(r -> r.value().contains(marker));
        assertThat(events.matching(r -> r.value().contains("\"deliveryId\":\"" + delivery + "\""))).hasSize(expected);
    }

    static ValidatableResponse send(byte[] body, String delivery, String timestamp) {
        return given().contentType("application/json")
                .header("X-Chatwoot-Delivery", delivery)
                .header("X-Chatwoot-Timestamp", timestamp)
                .header("X-Chatwoot-Signature", Signers.chatwoot(timestamp, body))
                .body(body)
                .when().post(PATH).then();
    }

    static String now() {
        return Long.toString(Instant.now().getEpochSecond());
    }
}
