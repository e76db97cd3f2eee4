package com.yeswechange.whatsapp.sandbox;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.yeswechange.whatsapp.sandbox.ChatwootApiTest.ACCOUNT;
import static com.yeswechange.whatsapp.sandbox.ChatwootApiTest.ADMIN;
import static com.yeswechange.whatsapp.sandbox.ChatwootApiTest.AGENT2;
import static com.yeswechange.whatsapp.sandbox.ChatwootApiTest.as;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Chatwoot webhooks as v4.15.1 sends them, received by a local HTTP server and checked independently. */
@QuarkusTest
@QuarkusTestResource(Receiver.class)
class WebhookDeliveryTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String SECRET = "sandbox-webhook-secret";

    @BeforeEach
    void reset() {
        given().post("/sandbox/admin/reset").then().statusCode(200);
        Receiver.answerOk();
    }

    /** The webhook bodies of one event received so far at a path, after checking every signature. */
    static List<JsonNode> received(String path, String event) {
        return Receiver.server().findAll(postRequestedFor(urlEqualTo(path))).stream()
                .map(WebhookDeliveryTest::verified).filter(body -> event.equals(body.path("event").asText()))
                .toList();
    }

    /** An HMAC-SHA256 check written here, apart from the sandbox's signer. */
    static JsonNode verified(LoggedRequest request) {
        try {
            String timestamp = request.getHeader("X-Chatwoot-Timestamp");
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] expected = mac.doFinal((timestamp + "." + request.getBodyAsString()).getBytes(StandardCharsets.UTF_8));
            assertThat(request.getHeader("X-Chatwoot-Signature")).isEqualTo("sha256=" + HexFormat.of().formatHex(expected));
            assertThat(Long.parseLong(timestamp)).isCloseTo(Instant.now().getEpochSecond(),
                    org.assertj.core.data.Offset.offset(120L));
            assertThat(UUID.fromString(request.getHeader("X-Chatwoot-Delivery"))).isNotNull();
            assertThat(request.getHeader("Content-Type")).startsWith("application/json");
            return JSON.readTree(request.getBodyAsString());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    static JsonNode awaitOne(String path, String event, java.util.function.Predicate<JsonNode> which) {
        return await().atMost(Duration.ofSeconds(10)).until(
                () -> received(path, event).stream().filter(which).findFirst().orElse(null),
                java.util.Objects::nonNull);
    }

    @Test
    void outgoingMessageCarriesTheAgentAndTheCustomersWhatsappAddress() {
        int id = as(AGENT2).body(Map.of("content", "Bonjour Aya, c'est réglé.")).post(ACCOUNT
                + "/conversations/1/messages").path("id");

        JsonNode body = awaitOne(Receiver.CHATWOOT_WEBHOOK, "message_created", b -> b.path("id").asInt() == id);
        assertThat(body.path("message_type").asText()).isEqualTo("outgoing");
        assertThat(body.path("private").asBoolean()).isFalse();
        assertThat(body.path("sender").path("type").asText()).isEqualTo("user");
        assertThat(body.path("sender").path("id").asInt()).isEqualTo(3);
        assertThat(body.path("inbox").path("id").asInt()).isEqualTo(3);
        assertThat(body.has("status")).isFalse();
        JsonNode conversation = body.path("conversation");
        assertThat(conversation.path("contact_inbox").path("source_id").asText()).isEqualTo("whatsapp:+2250701020304");
        assertThat(conversation.path("messages").get(0).path("message_type").asInt()).isEqualTo(1);
        assertThat(conversation.path("messages").get(0).path("id").asInt()).isEqualTo(id);
        assertThat(conversation.path("meta").path("sender").path("type").asText()).isEqualTo("contact");
        // the API-inbox callback receives the same events
        awaitOne(Receiver.INBOX_CALLBACK, "message_created", b -> b.path("id").asInt() == id);
    }

    @Test
    void incomingPrivateAndAttachmentMessages() throws Exception {
        int incoming = as(ADMIN).body(Map.of("content", "Toujours rien reçu", "message_type", "incoming",
                "source_id", "SMfeed")).post(ACCOUNT + "/conversations/1/messages").path("id");
        int note = as(AGENT2).body(Map.of("content", "Voir avec la compta", "private", true))
                .post(ACCOUNT + "/conversations/1/messages").path("id");
        int image = given().header("api_access_token", AGENT2).multiPart("attachments[]", "recu.png",
                new byte[] { 1, 2, 3 }, "image/png").post(ACCOUNT + "/conversations/1/messages").path("id");

        JsonNode in = awaitOne(Receiver.CHATWOOT_WEBHOOK, "message_created", b -> b.path("id").asInt() == incoming);
        assertThat(in.path("message_type").asText()).isEqualTo("incoming");
        assertThat(in.path("source_id").asText()).isEqualTo("SMfeed");
        assertThat(in.path("sender").has("type")).isFalse();
        assertThat(in.path("sender").path("phone_number").asText()).isEqualTo("+2250701020304");
        JsonNode priv = awaitOne(Receiver.CHATWOOT_WEBHOOK, "message_created", b -> b.path("id").asInt() == note);
        assertThat(priv.path("private").asBoolean()).isTrue();
        assertThat(priv.path("message_type").asText()).isEqualTo("outgoing");
        JsonNode withFile = awaitOne(Receiver.CHATWOOT_WEBHOOK, "message_created", b -> b.path("id").asInt() == image);
        assertThat(withFile.path("attachments").get(0).path("file_type").asText()).isEqualTo("image");
        assertThat(withFile.path("attachments").get(0).path("data_url").asText()).endsWith("/recu.png");
    }

    @Test
    void statusChangesAndAssignmentsSendConversationEvents() {
        as(ADMIN).body(Map.of("assignee_id", 4)).post(ACCOUNT + "/conversations/2/assignments").then().statusCode(200);
        JsonNode assigned = awaitOne(Receiver.CHATWOOT_WEBHOOK, "conversation_updated",
                b -> b.path("id").asInt() == 2 && b.path("changed_attributes").get(0).has("assignee_id"));
        assertThat(assigned.path("changed_attributes").get(0).path("assignee_id").path("previous_value").isNull())
                .isTrue();
        assertThat(assigned.path("changed_attributes").get(0).path("assignee_id").path("current_value").asInt())
                .isEqualTo(4);
        assertThat(assigned.path("meta").path("assignee").path("id").asInt()).isEqualTo(4);

        as(ADMIN).body(Map.of("status", "resolved")).post(ACCOUNT + "/conversations/2/toggle_status").then()
                .statusCode(200);
        JsonNode resolved = awaitOne(Receiver.CHATWOOT_WEBHOOK, "conversation_status_changed",
                b -> b.path("id").asInt() == 2);
        assertThat(resolved.path("status").asText()).isEqualTo("resolved");
        assertThat(resolved.path("contact_inbox").path("source_id").asText()).isEqualTo("whatsapp:+2250505060708");
        JsonNode updated = awaitOne(Receiver.CHATWOOT_WEBHOOK, "conversation_updated",
                b -> b.path("id").asInt() == 2 && b.path("changed_attributes").get(0).has("status"));
        assertThat(updated.path("changed_attributes").get(0).path("status").path("current_value").asText())
                .isEqualTo("resolved");

        int created = as(ADMIN).body(Map.of("source_id", "whatsapp:+2250701020304", "inbox_id", 3))
                .post(ACCOUNT + "/conversations").path("id");
        JsonNode newConversation = awaitOne(Receiver.CHATWOOT_WEBHOOK, "conversation_created",
                b -> b.path("id").asInt() == created);
        assertThat(newConversation.path("messages").size()).isZero();
        // activity messages (assignment, resolution) are never sent
        assertThat(received(Receiver.CHATWOOT_WEBHOOK, "message_created"))
                .noneMatch(b -> "activity".equals(b.path("message_type").asText()));
    }

    @Test
    void aFailedInboxCallbackMarksTheMessageFailed() {
        Receiver.server().stubFor(post(urlEqualTo(Receiver.INBOX_CALLBACK)).willReturn(aResponse().withStatus(500)));
        int id = as(AGENT2).body(Map.of("content", "Ce message ne partira pas")).post(ACCOUNT
                + "/conversations/1/messages").path("id");

        JsonNode failed = awaitOne(Receiver.CHATWOOT_WEBHOOK, "message_updated", b -> b.path("id").asInt() == id);
        assertThat(failed.path("content_attributes").path("external_error").asText())
                .isEqualTo("500 Internal Server Error");
        as(AGENT2).get(ACCOUNT + "/conversations/1/messages").then()
                .body("payload.find { it.id == " + id + " }.status", equalTo("failed"));
    }

    @Test
    void webhooksCanBeSwitchedOffAndAreRecordedAsSkipped() {
        given().contentType(ContentType.JSON).body(Map.of("webhooks_disabled", true)).put("/sandbox/admin/faults")
                .then().statusCode(200);
        int id = as(AGENT2).body(Map.of("content", "Personne ne le saura")).post(ACCOUNT
                + "/conversations/1/messages").path("id");
        await().atMost(Duration.ofSeconds(10)).until(() -> given().queryParam("kind", "chatwoot-webhook")
                .queryParam("event", "message_created").get("/sandbox/admin/calls").jsonPath()
                .getList("error", String.class).contains("webhooks disabled by fault switch"));
        assertThat(received(Receiver.CHATWOOT_WEBHOOK, "message_created")).noneMatch(b -> b.path("id").asInt() == id);
    }

    @Test
    void adminViewShowsEveryDeliveryWithItsAnswer() {
        int id = as(AGENT2).body(Map.of("content", "Trace")).post(ACCOUNT + "/conversations/1/messages").path("id");
        await().atMost(Duration.ofSeconds(10)).until(() -> given().queryParam("kind", "chatwoot-webhook")
                .get("/sandbox/admin/calls").jsonPath().getList("responseStatus").contains(200));
        List<Map<String, Object>> calls = given().queryParam("kind", "chatwoot-webhook").get("/sandbox/admin/calls")
                .jsonPath().getList("$");
        assertThat(calls).anySatisfy(call -> {
            assertThat(call.get("url")).isEqualTo(Receiver.url(Receiver.CHATWOOT_WEBHOOK));
            assertThat((String) call.get("body")).contains("\"id\":" + id);
        });
    }
}
