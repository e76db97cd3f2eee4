package com.yeswechange.whatsapp.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * One customer's whole journey through the running system, as the product promises it: the Studio bot hands the
 * customer over, the conversation appears in Chatwoot with the bot's context, an agent logged in through Keycloak
 * replies as themselves, the reply reaches the phone and its delivery ticks come back, a private note stays private,
 * the customer's next message lands in the same conversation, and resolving sends the closing message and returns the
 * customer to the bot. Every step goes through the real services, the real broker and the sandbox's Chatwoot/Twilio.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CustomerJourneyTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private static SystemUnderTest system;
    private static String agentToken;
    private static final String PHONE = "+22507" + (10_000_000 + ThreadLocalRandom.current().nextInt(89_999_999));
    private static long conversationId;

    @BeforeAll
    static void startSystem() {
        system = SystemUnderTest.get();
        agentToken = system.tokenFor("agent1");
    }

    @Test
    @Order(1)
    void handoffOpensAConversationWithTheBotContextInChatwoot() {
        given().baseUri(system.sandbox.url()).contentType(ContentType.JSON)
                .body(Map.of("from", PHONE, "name", "Awa Koné", "body", "Je veux parler à un conseiller",
                        "motif", "Retrait bloqué"))
                .post("/sandbox/admin/handoff").then().statusCode(200);

        Map<String, Object> conversation = await().atMost(PATIENCE).until(() -> conversationOf(PHONE),
                c -> c != null && messages(c).stream().anyMatch(m -> Boolean.TRUE.equals(m.get("private"))));
        conversationId = ((Number) conversation.get("id")).longValue();

        List<Map<String, Object>> messages = messages(conversation);
        assertThat(messages).anySatisfy(m -> {
            assertThat(m.get("message_type")).isEqualTo(0);
            assertThat((String) m.get("content")).contains("conseiller");
        });
        assertThat(messages).anySatisfy(m -> {
            assertThat(m.get("private")).isEqualTo(true);
            assertThat((String) m.get("content")).startsWith("Contexte du bot").contains("Retrait bloqué");
        });
    }

    @Test
    @Order(2)
    void theAgentsReplyReachesThePhoneAsTheAgentAndItsTicksComeBack() {
        String reply = "Bonjour Awa, je suis votre conseillère. Je regarde votre retrait.";
        asAgent().body(Map.of("content", reply)).post("/api/conversations/{id}/messages", conversationId)
                .then().statusCode(201);

        await().atMost(PATIENCE).until(() -> bodiesSentTo(PHONE), bodies -> bodies.contains(reply));

        // In Chatwoot the reply's sender is agent1 (user 2), not the account token's admin, and the delivery
        // status Twilio reported made its way back onto the message.
        Map<String, Object> chatwootReply = await().atMost(PATIENCE).until(
                () -> messages(conversationOf(PHONE)).stream().filter(m -> reply.equals(m.get("content"))).findFirst()
                        .orElse(null),
                m -> m != null && List.of("delivered", "read").contains(m.get("status")));
        @SuppressWarnings("unchecked")
        Map<String, Object> sender = (Map<String, Object>) chatwootReply.get("sender");
        assertThat(((Number) sender.get("id")).longValue()).isEqualTo(2L);
    }

    @Test
    @Order(3)
    void aPrivateNoteNeverReachesThePhone() {
        String note = "Note interne : client vérifié " + System.nanoTime();
        String followUp = "Votre retrait est débloqué.";
        asAgent().body(Map.of("content", note, "private", true))
                .post("/api/conversations/{id}/messages", conversationId).then().statusCode(201);
        asAgent().body(Map.of("content", followUp)).post("/api/conversations/{id}/messages", conversationId)
                .then().statusCode(201);

        // The reply written after the note arrives; the note, handled first, never does.
        List<String> bodies = await().atMost(PATIENCE).until(() -> bodiesSentTo(PHONE), b -> b.contains(followUp));
        assertThat(bodies).doesNotContain(note);
    }

    @Test
    @Order(4)
    void theCustomersNextMessageLandsInTheSameConversationAndOnTheAgentsApi() {
        String text = "Merci beaucoup, c'est bon !";
        given().baseUri(system.sandbox.url()).contentType(ContentType.JSON)
                .body(Map.of("from", PHONE, "name", "Awa Koné", "body", text))
                .post("/sandbox/admin/inbound").then().statusCode(200);

        await().atMost(PATIENCE).until(() -> asAgent().get("/api/conversations/{id}/messages", conversationId)
                .then().statusCode(200).extract().jsonPath().getList("messages.content", String.class),
                contents -> contents.contains(text));
        assertThat(((Number) conversationOf(PHONE).get("id")).longValue()).isEqualTo(conversationId);
    }

    @Test
    @Order(5)
    void resolvingSendsTheClosingMessageAndReturnsTheCustomerToTheBot() {
        int sentBefore = bodiesSentTo(PHONE).size();
        asAgent().post("/api/conversations/{id}/resolve", conversationId).then().statusCode(200);

        List<String> bodies = await().atMost(PATIENCE).until(() -> bodiesSentTo(PHONE), b -> b.size() > sentBefore);
        assertThat(bodies.get(bodies.size() - 1)).isNotBlank();
        assertThat(conversationOf(PHONE).get("status")).isEqualTo("resolved");
        await().atMost(PATIENCE).until(() -> given().baseUri(system.sandbox.url())
                .get("/sandbox/admin/studio/executions").then().statusCode(200).extract().jsonPath()
                .getList("findAll { it.contact_channel_address.endsWith('" + PHONE + "') }.status", String.class),
                statuses -> !statuses.isEmpty() && statuses.stream().allMatch("ended"::equals));
    }

    private static io.restassured.specification.RequestSpecification asAgent() {
        return given().baseUri(system.gateway.url()).auth().oauth2(agentToken).contentType(ContentType.JSON);
    }

    /** The sandbox Chatwoot's conversation whose contact has this phone number, with all its messages. */
    private static Map<String, Object> conversationOf(String phone) {
        JsonPath all = given().baseUri(system.sandbox.url()).get("/sandbox/admin/chatwoot/conversations")
                .then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> mine = all.getList("findAll { it.meta.sender.phone_number == '" + phone + "' }");
        return mine.isEmpty() ? null : mine.get(mine.size() - 1);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> messages(Map<String, Object> conversation) {
        return conversation == null ? List.of() : (List<Map<String, Object>>) conversation.get("all_messages");
    }

    /** Bodies of the WhatsApp messages the sandbox Twilio accepted for this customer, oldest first. */
    private static List<String> bodiesSentTo(String phone) {
        return given().baseUri(system.sandbox.url()).queryParam("to", phone).get("/sandbox/admin/whatsapp/messages")
                .then().statusCode(200).extract().jsonPath().getList("body", String.class);
    }
}
