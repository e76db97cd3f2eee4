package com.yeswechange.whatsapp.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import com.github.tomakehurst.wiremock.client.WireMock;
import io.quarkus.cache.CacheManager;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The conversations API against the Chatwoot stand-in, with real tokens for agent1, agent2 and supervisor1. */
@QuarkusTest
class ConversationApiTest {

    static final String ACCOUNT = ChatwootStandIn.ACCOUNT;

    @Inject
    CacheManager caches;

    @BeforeEach
    void fresh() {
        ChatwootStandIn.reset();
        caches.getCacheNames().forEach(name -> caches.getCache(name).orElseThrow().invalidateAll().await()
                .indefinitely());
    }

    @Test
    void anAgentsListIsTheirOwnConversationsWithCounts() {
        given().auth().oauth2(TestUsers.agent1()).when().get("/api/conversations")
                .then().statusCode(200)
                .body("items.id", contains(101))
                .body("counts.mine", equalTo(1))
                .body("counts.unassigned", equalTo(1))
                .body("counts.all", nullValue())
                .body("items[0].contact.phoneNumber", equalTo("+2250701020304"));
        // the list of "mine" filters on agent1's Chatwoot id
        ChatwootStandIn.server().verify(postRequestedFor(urlPathEqualTo(ACCOUNT + "/conversations/filter"))
                .withRequestBody(containing("\"assignee_id\""))
                .withRequestBody(containing("[2]")));
    }

    @Test
    void agentsMayNotListEveryonesConversationsButSupervisorsMay() {
        given().auth().oauth2(TestUsers.agent1()).queryParam("assignee_type", "all").when().get("/api/conversations")
                .then().statusCode(403).body("error", equalTo("forbidden"));
        given().auth().oauth2(TestUsers.supervisor1()).queryParam("assignee_type", "all")
                .when().get("/api/conversations")
                .then().statusCode(200).body("counts.all", equalTo(3)).body("counts.assigned", equalTo(2));
    }

    @Test
    void aBadFilterIs422NamingTheField() {
        given().auth().oauth2(TestUsers.agent1()).queryParam("status", "bogus").when().get("/api/conversations")
                .then().statusCode(422).body("error", equalTo("invalid")).body("field", equalTo("status"));
    }

    @Test
    void anAgentOpensTheirOwnAndUnassignedConversationsButNotAnothersOne() {
        given().auth().oauth2(TestUsers.agent1()).when().get("/api/conversations/101")
                .then().statusCode(200)
                .body("conversation.id", equalTo(101))
                .body("assignee.id", equalTo(2))
                .body("contact.name", equalTo("Awa Koné"))
                .body("messages", hasSize(2))
                .body("messages[0].messageType", equalTo("incoming"))
                .body("messages[1].status", equalTo("delivered"))
                .body("messages[1].sender.type", equalTo("user"));
        given().auth().oauth2(TestUsers.agent1()).when().get("/api/conversations/102").then().statusCode(200);
        given().auth().oauth2(TestUsers.agent1()).when().get("/api/conversations/103").then().statusCode(403);
        given().auth().oauth2(TestUsers.agent1()).when().get("/api/conversations/103/messages?after=1").then()
                .statusCode(403);
        given().auth().oauth2(TestUsers.supervisor1()).when().get("/api/conversations/103").then().statusCode(200);
    }

    @Test
    void newMessagesSinceAnIdUseChatwootsAfter() {
        given().auth().oauth2(TestUsers.agent1()).when().get("/api/conversations/101/messages?after=1012")
                .then().statusCode(200).body("messages.id", contains(1013));
        ChatwootStandIn.server().verify(getRequestedFor(urlPathEqualTo(ACCOUNT + "/conversations/101/messages"))
                .withQueryParam("after", WireMock.equalTo("1012")));
    }

    @Test
    void olderMessagesUseChatwootsBefore() {
        given().auth().oauth2(TestUsers.agent1()).when().get("/api/conversations/101/messages?before=1011")
                .then().statusCode(200).body("messages", hasSize(2)).body("hasOlder", equalTo(false));
        ChatwootStandIn.server().verify(getRequestedFor(urlPathEqualTo(ACCOUNT + "/conversations/101/messages"))
                .withQueryParam("before", WireMock.equalTo("1011")));
    }

    @Test
    void theSeedsPollingContractIsKept() {
        given().auth().oauth2(TestUsers.agent1()).when().get("/api/conversations/101/poll?last_message_id=1012")
                .then().statusCode(200)
                .body("has_new", equalTo(true))
                .body("messages.id", contains(1013))
                .body("last_message_id", equalTo(1013));
    }

    @Test
    void aReplyIsSentAsTheAgentItself() {
        given().auth().oauth2(TestUsers.agent1()).contentType(ContentType.JSON)
                .body("{\"content\": \"Bonjour Awa, je m'en occupe\"}")
                .when().post("/api/conversations/101/messages")
                .then().statusCode(201)
                .body("sender.id", equalTo(2))
                .body("private", equalTo(false));
        ChatwootStandIn.server().verify(postRequestedFor(urlPathEqualTo(ACCOUNT + "/conversations/101/messages"))
                .withHeader("api_access_token", WireMock.equalTo("token-2"))
                .withRequestBody(equalToJson("""
                        {"content": "Bonjour Awa, je m'en occupe", "message_type": "outgoing", "private": false}""")));
    }

    @Test
    void aPrivateNoteIsMarkedPrivate() {
        given().auth().oauth2(TestUsers.agent1()).contentType(ContentType.JSON)
                .body("{\"content\": \"client VIP\", \"private\": true}")
                .when().post("/api/conversations/101/messages")
                .then().statusCode(201);
        ChatwootStandIn.server().verify(postRequestedFor(urlPathEqualTo(ACCOUNT + "/conversations/101/messages"))
                .withRequestBody(equalToJson("""
                        {"content": "client VIP", "message_type": "outgoing", "private": true}""")));
    }

    @Test
    void aReplyWithAFileGoesAsMultipart() {
        given().auth().oauth2(TestUsers.agent1())
                .multiPart("content", "voici le reçu")
                .multiPart("attachments", "recu.txt", "reçu n° 42".getBytes(), "text/plain")
                .when().post("/api/conversations/101/messages")
                .then().statusCode(201);
        ChatwootStandIn.server().verify(postRequestedFor(urlPathEqualTo(ACCOUNT + "/conversations/101/messages"))
                .withHeader("api_access_token", WireMock.equalTo("token-2"))
                .withHeader("Content-Type", containing("multipart/form-data"))
                .withRequestBody(containing("recu.txt")));
    }

    @Test
    void emptyAndTooLongRepliesAre422() {
        given().auth().oauth2(TestUsers.agent1()).contentType(ContentType.JSON).body("{\"content\": \"  \"}")
                .when().post("/api/conversations/101/messages")
                .then().statusCode(422).body("field", equalTo("content"));
        given().auth().oauth2(TestUsers.agent1()).contentType(ContentType.JSON)
                .body("{\"content\": \"" + "a".repeat(4097) + "\"}")
                .when().post("/api/conversations/101/messages")
                .then().statusCode(422).body("field", equalTo("content"));
        given().auth().oauth2(TestUsers.agent1()).contentType(ContentType.JSON)
                .body("{\"content\": \"" + "a".repeat(4096) + "\"}")
                .when().post("/api/conversations/101/messages")
                .then().statusCode(201);
        ChatwootStandIn.server().verify(1, postRequestedFor(urlPathEqualTo(ACCOUNT + "/conversations/101/messages")));
    }

    @Test
    void statusPriorityAssignmentAndLabelsAreChangedAsTheAgent() {
        String token = TestUsers.agent1();
        given().auth().oauth2(token).post("/api/conversations/101/resolve").then().statusCode(200)
                .body("id", equalTo(101));
        Instant until = Instant.now().plus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"until\": \"" + until + "\"}")
                .post("/api/conversations/101/snooze").then().statusCode(200);
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"priority\": \"urgent\"}")
                .post("/api/conversations/101/priority").then().statusCode(200);
        given().auth().oauth2(token).post("/api/conversations/102/assignee/me").then().statusCode(200);
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"agentId\": null}")
                .post("/api/conversations/101/assignee").then().statusCode(200);
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"labels\": [\"VIP\"]}")
                .put("/api/conversations/101/labels").then().statusCode(200).body("labels", contains("vip"));

        var chatwoot = ChatwootStandIn.server();
        chatwoot.verify(postRequestedFor(urlPathEqualTo(ACCOUNT + "/conversations/101/toggle_status"))
                .withHeader("api_access_token", WireMock.equalTo("token-2"))
                .withRequestBody(equalToJson("{\"status\": \"resolved\"}")));
        chatwoot.verify(postRequestedFor(urlPathEqualTo(ACCOUNT + "/conversations/101/toggle_status"))
                .withRequestBody(equalToJson("{\"status\": \"snoozed\", \"snoozed_until\": "
                        + until.getEpochSecond() + "}")));
        chatwoot.verify(postRequestedFor(urlPathEqualTo(ACCOUNT + "/conversations/101/toggle_priority"))
                .withHeader("api_access_token", WireMock.equalTo("token-2"))
                .withRequestBody(equalToJson("{\"priority\": \"urgent\"}")));
        chatwoot.verify(postRequestedFor(urlPathEqualTo(ACCOUNT + "/conversations/102/assignments"))
                .withRequestBody(equalToJson("{\"assignee_id\": 2}")));
        chatwoot.verify(postRequestedFor(urlPathEqualTo(ACCOUNT + "/conversations/101/labels"))
                .withRequestBody(equalToJson("{\"labels\": [\"vip\"]}")));
    }

    @Test
    void snoozingIntoThePastIs422() {
        given().auth().oauth2(TestUsers.agent1()).contentType(ContentType.JSON)
                .body("{\"until\": \"2020-01-01T00:00:00Z\"}")
                .post("/api/conversations/101/snooze").then().statusCode(422).body("field", equalTo("until"));
    }

    @Test
    void anAgentCannotActOnAnotherAgentsConversation() {
        given().auth().oauth2(TestUsers.agent1()).post("/api/conversations/103/resolve").then().statusCode(403);
        ChatwootStandIn.server().verify(0, postRequestedFor(urlPathEqualTo(ACCOUNT + "/conversations/103/toggle_status")));
    }

    @Test
    void chatwootErrorsBecomeClearJsonErrors() {
        var chatwoot = ChatwootStandIn.server();
        chatwoot.stubFor(post(urlPathEqualTo(ACCOUNT + "/conversations/102/messages")).willReturn(aResponse()
                .withStatus(422).withHeader("Content-Type", "application/json")
                .withBody("{\"message\": \"Content is too long\", \"attributes\": [\"content\"]}")));
        given().auth().oauth2(TestUsers.agent1()).contentType(ContentType.JSON).body("{\"content\": \"x\"}")
                .post("/api/conversations/102/messages")
                .then().statusCode(422).body("field", equalTo("content"))
                .body("message", equalTo("Content is too long"));

        chatwoot.stubFor(post(urlPathEqualTo(ACCOUNT + "/conversations/102/toggle_status")).willReturn(aResponse()
                .withStatus(429).withHeader("Retry-After", "30")));
        given().auth().oauth2(TestUsers.agent1()).post("/api/conversations/102/resolve")
                .then().statusCode(429).header("Retry-After", "30").body("error", equalTo("chatwoot_rate_limited"));

        chatwoot.stubFor(post(urlPathEqualTo(ACCOUNT + "/conversations/102/toggle_priority")).willReturn(aResponse()
                .withStatus(500).withBody("boom token-2 " + ChatwootStandIn.ACCOUNT_TOKEN)));
        String body = given().auth().oauth2(TestUsers.agent1()).contentType(ContentType.JSON)
                .body("{\"priority\": \"low\"}").post("/api/conversations/102/priority")
                .then().statusCode(502).body("error", equalTo("chatwoot_unavailable")).extract().asString();
        assertThat(body).doesNotContain("token-2").doesNotContain(ChatwootStandIn.ACCOUNT_TOKEN)
                .doesNotContain("boom").doesNotContain("at com.");
    }

    @Test
    void anUnreachableChatwootIs503() {
        ChatwootStandIn.server().stubFor(get(urlPathEqualTo(ACCOUNT + "/conversations/102")).willReturn(aResponse()
                .withFault(com.github.tomakehurst.wiremock.http.Fault.CONNECTION_RESET_BY_PEER)));
        given().auth().oauth2(TestUsers.agent1()).get("/api/conversations/102")
                .then().statusCode(503).body("error", equalTo("chatwoot_unavailable"))
                .body(not(containsString("Exception")));
    }

    @Test
    void cannedResponsesLabelsAndTeams() {
        String token = TestUsers.agent1();
        given().auth().oauth2(token).queryParam("search", "merc").get("/api/canned-responses")
                .then().statusCode(200).body("shortCode", contains("merci"));
        given().auth().oauth2(token).get("/api/labels").then().statusCode(200).body("title", contains("vip"));
        given().auth().oauth2(token).get("/api/teams").then().statusCode(200).body("name", contains("ventes"));
    }
}
