package com.yeswechange.whatsapp.handoff.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.yeswechange.whatsapp.events.EventJson;
import com.yeswechange.whatsapp.events.InboundEvent;
import com.yeswechange.whatsapp.events.StatusEvent;
import com.yeswechange.whatsapp.events.Topics;
import com.yeswechange.whatsapp.handoff.FakeChatwoot;
import com.yeswechange.whatsapp.handoff.Signers;
import com.yeswechange.whatsapp.handoff.TopicRecords;
import com.yeswechange.whatsapp.testsupport.KafkaBrokerResource;
import com.yeswechange.whatsapp.testsupport.SpecFiles;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kafka.InjectKafkaCompanion;
import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.response.ValidatableResponse;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The three Twilio webhooks with the real broker: the spec vectors are posted byte for byte with their signatures
 * (made for https://bridge.example.com, the configured public base URL, while the test calls localhost: the proxy
 * case); a 2xx means the record is on its topic; every refusal leaves nothing on the topic.
 */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(FakeChatwoot.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwilioWebhooksTest {

    static final String MESSAGES = "/api/webhooks/twilio/messages";
    static final String STATUS = "/api/webhooks/twilio/status";
    static final String HANDOFF = "/api/webhooks/twilio/handoff";
    static final String FORM = "application/x-www-form-urlencoded";

    @InjectKafkaCompanion
    KafkaCompanion companion;

    TopicRecords inbound;
    TopicRecords status;

    @BeforeAll
    void readTopics() {
        RestAssured.config = RestAssured.config().encoderConfig(
                EncoderConfig.encoderConfig().appendDefaultContentCharsetToContentTypeIfUndefined(false));
        inbound = new TopicRecords(companion, Topics.WHATSAPP_INBOUND);
        status = new TopicRecords(companion, Topics.WHATSAPP_STATUS);
    }

    @AfterAll
    void stopReading() {
        inbound.close();
        status.close();
    }

    @Test
    void inboundVectorsAreAnsweredWithEmptyTwimlOnceStored() {
        for (String file : new String[] {"inbound_text.form", "inbound_image.form", "inbound_location.form"}) {
            byte[] body = SpecFiles.bytes("twilio/examples/" + file);
            String sid = new String(body, StandardCharsets.UTF_8).replaceAll(".*MessageSid=(\\w+).*", "$1");

            post(MESSAGES, FORM, body, SpecFiles.text("twilio/examples/" + file + ".sig.txt"))
                    .statusCode(200)
                    .contentType(containsString("text/xml"))
                    .body(equalTo("<Response/>"));

            var record = inbound.await(r -> r.value().contains("\"messageSid\":\"" + sid + "\""));
            assertThat(record.key()).isEqualTo("+2250701020304");
            InboundEvent event = EventJson.read(record.value(), InboundEvent.class);
            assertThat(event.kind()).isEqualTo(InboundEvent.Kind.MESSAGE);
            assertThat(event.from()).isEqualTo("whatsapp:+2250701020304");
        }
    }

    @Test
    void statusVectorsAreStoredKeyedByMessageSid() {
        for (String file : new String[] {"status_sent.form", "status_delivered.form", "status_read.form",
                "status_failed_63016.form"}) {
            byte[] body = SpecFiles.bytes("twilio/examples/" + file);

            post(STATUS, FORM, body, SpecFiles.text("twilio/examples/" + file + ".sig.txt"))
                    .statusCode(200).body(equalTo("<Response/>"));
        }
        var failed = status.await(r -> r.value().contains("\"errorCode\":\"63016\""));
        assertThat(failed.key()).isEqualTo("SM4d41824dc42bd31b7ed1467d6440ff14");
        StatusEvent event = EventJson.read(failed.value(), StatusEvent.class);
        assertThat(event.to()).isEqualTo("whatsapp:+2250701020304");
        assertThat(status.await(r -> r.value().contains("\"status\":\"read\"")).key())
                .isEqualTo("SM7ede306031e7c73b0e46f2bb4e9dac03");
    }

    @Test
    void aStatusCallbackUrlCarriesTheChatwootIdsItWasSignedWith() {
        String sid = "SM" + UUID.randomUUID().toString().replace("-", "");
        Map<String, String> params = Map.of("MessageSid", sid, "MessageStatus", "delivered",
                "To", "whatsapp:+2250700000042");
        String query = "?chatwoot_conversation_id=27&chatwoot_message_id=1203";

        post(STATUS + query, FORM, Signers.form(params).getBytes(StandardCharsets.UTF_8),
                Signers.twilio(Signers.PUBLIC_BASE + STATUS + query, params)).statusCode(200);

        StatusEvent event = EventJson.read(status.await(r -> sid.equals(r.key())).value(), StatusEvent.class);
        assertThat(event.chatwootConversationId()).isEqualTo(27L);
        assertThat(event.chatwootMessageId()).isEqualTo(1203L);
        assertThat(event.status()).isEqualTo("delivered");
    }

    @Test
    void studioHandoffFormAndJsonAreQueuedWithJsonAnswers() throws Exception {
        post(HANDOFF, FORM, SpecFiles.bytes("twilio/examples/studio_handoff.form"),
                SpecFiles.text("twilio/examples/studio_handoff.form.sig.txt"))
                .statusCode(200)
                .contentType(containsString("application/json"))
                .body("status", equalTo("queued"))
                .body("id", equalTo("studio:FN595921b6fb78b4aaff35aa5daa6f5094"));

        JsonNode jsonVector = new ObjectMapper().readTree(SpecFiles.bytes("twilio/examples/signatures.json"))
                .get("files").get(8);
        String signedUrl = jsonVector.get("url").asText();
        post(signedUrl.substring(Signers.PUBLIC_BASE.length()), "application/json;charset=utf-8",
                SpecFiles.bytes("twilio/examples/studio_handoff.json"),
                SpecFiles.text("twilio/examples/studio_handoff.json.sig.txt"))
                .statusCode(200)
                .body("status", equalTo("queued"));

        var handoffs = inbound.awaitAtLeast(2,
                r -> r.value().contains("studio:FN595921b6fb78b4aaff35aa5daa6f5094"));
        assertThat(handoffs).allSatisfy(record -> assertThat(record.key()).isEqualTo("+2250701020304"));
        InboundEvent event = EventJson.read(handoffs.get(0).value(), InboundEvent.class);
        assertThat(event.kind()).isEqualTo(InboundEvent.Kind.HANDOFF);
        assertThat(event.botContext()).containsEntry("motif", "remboursement");
    }

    @Test
    void refusalsAnswerTheRightStatusAndEnqueueNothing() {
        String customer = "+2250700000077";
        Map<String, String> valid = message(customer, "SMrefusal-marker-" + UUID.randomUUID());
        Map<String, String> refused = message(customer, "SMrefused-" + UUID.randomUUID());
        String url = Signers.PUBLIC_BASE + MESSAGES;
        byte[] refusedBody = Signers.form(refused).getBytes(StandardCharsets.UTF_8);

        // forged: signed over other parameters
        post(MESSAGES, FORM, refusedBody, Signers.twilio(url, valid))
                .statusCode(403).body("reason", equalTo("forged_signature"));
        // missing
        post(MESSAGES, FORM, refusedBody, null).statusCode(403).body("reason", equalTo("missing_signature"));
        // signed for the URL this process sees, not the public one
        post(MESSAGES, FORM, refusedBody, Signers.twilio("http://localhost:8081" + MESSAGES, refused))
                .statusCode(403);
        // malformed form encoding
        post(MESSAGES, FORM, "MessageSid=SMx&Body=%zz".getBytes(StandardCharsets.UTF_8), "c2lnbmF0dXJl")
                .statusCode(400).body("reason", equalTo("malformed"));
        // signed, but without what a message needs
        Map<String, String> noSid = Map.of("From", "whatsapp:" + customer, "Body", "sans identifiant");
        post(MESSAGES, FORM, Signers.form(noSid).getBytes(StandardCharsets.UTF_8), Signers.twilio(url, noSid))
                .statusCode(400).body("error", containsString("MessageSid"));
        // oversized
        Map<String, String> huge = new LinkedHashMap<>(refused);
        huge.put("Body", "x".repeat(300_000));
        post(MESSAGES, FORM, Signers.form(huge).getBytes(StandardCharsets.UTF_8), Signers.twilio(url, huge))
                .statusCode(413).body("reason", equalTo("too_large"));
        // wrong content type
        post(MESSAGES, "text/plain", refusedBody, Signers.twilio(url, refused))
                .statusCode(415).body("reason", equalTo("unsupported_media_type"));
        post(HANDOFF, "text/plain", "from=x".getBytes(StandardCharsets.UTF_8), "sig").statusCode(415);
        // a JSON handoff whose body does not match its bodySHA256
        post(HANDOFF + "?bodySHA256=9516f456e4861718633c8e22404ca04f86c337061459ae9699c3babb6dba7a32",
                "application/json", "{\"from\":\"whatsapp:+2250700000077\"}".getBytes(StandardCharsets.UTF_8),
                SpecFiles.text("twilio/examples/studio_handoff.json.sig.txt")).statusCode(403);

        // the same customer's next valid message lands on the same partition after anything written before it
        post(MESSAGES, FORM, Signers.form(valid).getBytes(StandardCharsets.UTF_8), Signers.twilio(url, valid))
                .statusCode(200);
        inbound.await(r -> r.value().contains(valid.get("MessageSid")));
        assertThat(inbound.matching(r -> r.value().contains("SMrefused-"))).isEmpty();
        assertThat(inbound.matching(r -> r.value().contains("sans identifiant"))).isEmpty();

        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("handoff_webhooks_total{endpoint=\"twilio.messages\",outcome=\"rejected\","
                        + "reason=\"forged_signature\""))
                .body(containsString("reason=\"too_large\""))
                .body(containsString("handoff_webhooks_durable_write_seconds_count{outcome=\"acked\","
                        + "topic=\"whatsapp.inbound\""));
    }

    static Map<String, String> message(String customer, String sid) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("MessageSid", sid);
        params.put("From", "whatsapp:" + customer);
        params.put("To", "whatsapp:+2252722405060");
        params.put("Body", "Bonjour");
        params.put("ProfileName", "Client Test");
        params.put("NumMedia", "0");
        return params;
    }

    static ValidatableResponse post(String path, String contentType, byte[] body, String signature) {
        // a form body is URL-encoded ASCII: sent as text, RestAssured leaves it untouched
        var request = contentType.startsWith(FORM)
                ? given().contentType(contentType).body(new String(body, StandardCharsets.US_ASCII))
                : given().contentType(contentType).body(body);
        if (signature != null) {
            request.header("X-Twilio-Signature", signature);
        }
        return request.when().post(path).then();
    }
}
