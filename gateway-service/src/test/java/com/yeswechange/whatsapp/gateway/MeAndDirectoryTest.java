package com.yeswechange.whatsapp.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import com.github.tomakehurst.wiremock.client.WireMock;
import io.quarkus.cache.CacheManager;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** /api/me, contacts, agents and the dashboard. */
@QuarkusTest
class MeAndDirectoryTest {

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
    void meSaysWhoIsLoggedInAndThatTheGatewayActsAsThem() {
        given().auth().oauth2(TestUsers.agent1()).get("/api/me")
                .then().statusCode(200)
                .body("username", equalTo("agent1"))
                .body("email", equalTo("agent1@yeswechange.ci"))
                .body("roles", contains("agent"))
                .body("supervisor", equalTo(false))
                .body("chatwootAgent.id", equalTo(2))
                .body("actingAs", equalTo("agent_token"))
                .body("pollingIntervalSeconds", equalTo(4));
        given().auth().oauth2(TestUsers.supervisor1()).get("/api/me")
                .then().statusCode(200).body("supervisor", equalTo(true)).body("chatwootAgent.id", equalTo(5));
    }

    @Test
    void withoutTheAgentsOwnTokenTheAccountTokenIsUsedAndMeSaysSo() {
        ChatwootStandIn.server().stubFor(get(urlPathEqualTo("/platform/api/v1/users/2"))
                .willReturn(aResponse().withStatus(401).withBody("{\"error\": \"Non permissible resource\"}")));
        given().auth().oauth2(TestUsers.agent1()).get("/api/me")
                .then().statusCode(200).body("actingAs", equalTo("account_token"));
        given().auth().oauth2(TestUsers.agent1()).contentType(ContentType.JSON).body("{\"content\": \"Bonjour\"}")
                .post("/api/conversations/101/messages").then().statusCode(201);
        ChatwootStandIn.server().verify(postRequestedFor(urlPathEqualTo(ACCOUNT + "/conversations/101/messages"))
                .withHeader("api_access_token", WireMock.equalTo(ChatwootStandIn.ACCOUNT_TOKEN)));
    }

    @Test
    void aUserWithoutChatwootAgentSeesNoConversationsOfTheirOwn() {
        // agent2's email is removed from Chatwoot's agents list
        ChatwootStandIn.server().stubFor(get(urlPathEqualTo(ACCOUNT + "/agents")).willReturn(
                com.github.tomakehurst.wiremock.client.WireMock.okJson("[]")));
        given().auth().oauth2(TestUsers.agent2()).get("/api/me")
                .then().statusCode(200).body("chatwootAgent", nullValue()).body("actingAs", equalTo("account_token"));
        given().auth().oauth2(TestUsers.agent2()).get("/api/conversations")
                .then().statusCode(403).body("error", equalTo("forbidden"));
    }

    @Test
    void contactsSearchCreateAndDetailWithOnlyVisibleConversations() {
        given().auth().oauth2(TestUsers.agent1()).queryParam("q", "awa").get("/api/contacts")
                .then().statusCode(200).body("items[0].name", equalTo("Awa Koné")).body("hasMore", equalTo(false));
        given().auth().oauth2(TestUsers.agent1()).get("/api/contacts/701")
                .then().statusCode(200).body("contact.id", equalTo(701))
                .body("conversations.id", containsInAnyOrder(101, 102));
        given().auth().oauth2(TestUsers.supervisor1()).get("/api/contacts/701")
                .then().statusCode(200).body("conversations.id", containsInAnyOrder(101, 102, 103));

        given().auth().oauth2(TestUsers.agent1()).contentType(ContentType.JSON)
                .body("{\"name\": \"Awa Koné\", \"phoneNumber\": \"+225 07 01 02 03 04\"}")
                .post("/api/contacts").then().statusCode(201).body("id", equalTo(702));
        ChatwootStandIn.server().verify(postRequestedFor(urlPathEqualTo(ACCOUNT + "/contacts"))
                .withHeader("api_access_token", WireMock.equalTo("token-2"))
                .withRequestBody(WireMock.equalToJson("""
                        {"name": "Awa Koné", "phone_number": "+2250701020304", "inbox_id": 3,
                         "source_id": "whatsapp:+2250701020304"}""")));
    }

    @Test
    void invalidContactsAre422NamingTheField() {
        given().auth().oauth2(TestUsers.agent1()).contentType(ContentType.JSON)
                .body("{\"name\": \"Awa\", \"phoneNumber\": \"0701020304\"}")
                .post("/api/contacts").then().statusCode(422).body("field", equalTo("phoneNumber"));
        given().auth().oauth2(TestUsers.agent1()).contentType(ContentType.JSON)
                .body("{\"name\": \"\", \"phoneNumber\": \"+2250701020304\"}")
                .post("/api/contacts").then().statusCode(422).body("field", equalTo("name"));
        given().auth().oauth2(TestUsers.agent1()).get("/api/contacts").then().statusCode(422)
                .body("field", equalTo("q"));
    }

    @Test
    void supervisorsSeeAgentsWithAvailabilityAndOpenConversations() {
        ChatwootStandIn.server().stubFor(get(urlPathEqualTo(ACCOUNT + "/conversations"))
                .withQueryParam("assignee_type", WireMock.equalTo("assigned"))
                .willReturn(WireMock.okJson("""
                        {"data": {"meta": {"all_count": 2}, "payload": [%s, %s]}}""".formatted(
                        ChatwootStandIn.conversation(101, ChatwootStandIn.AGENT1),
                        ChatwootStandIn.conversation(103, ChatwootStandIn.AGENT2)))));
        given().auth().oauth2(TestUsers.supervisor1()).get("/api/agents")
                .then().statusCode(200)
                .body("find { it.id == 2 }.availability", equalTo("online"))
                .body("find { it.id == 2 }.openConversations", equalTo(1))
                .body("find { it.id == 1 }.openConversations", equalTo(0));
    }

    @Test
    void theDashboardUsesReportingServiceAndFallsBackToChatwoot() {
        // reporting-service is not there: Chatwoot's v2 reports
        given().auth().oauth2(TestUsers.supervisor1()).get("/api/dashboard?period=week")
                .then().statusCode(200)
                .body("source", equalTo("chatwoot"))
                .body("summary.conversations", equalTo(12))
                .body("agents[0].agent_id", equalTo(2))
                .body("counts.unassigned", equalTo(1));

        ChatwootStandIn.server().stubFor(get(urlPathEqualTo("/reporting/api/reports/dashboard"))
                .withQueryParam("period", WireMock.equalTo("month"))
                .willReturn(WireMock.okJson("{\"handoffs\": 31, \"queue_time_p50_seconds\": 42}")));
        ChatwootStandIn.server().stubFor(get(urlPathEqualTo("/reporting/api/reports/agents"))
                .withQueryParam("period", WireMock.equalTo("month"))
                .willReturn(WireMock.okJson("[{\"agent_id\": 2, \"resolved\": 17}]")));
        given().auth().oauth2(TestUsers.supervisor1()).get("/api/dashboard?period=month")
                .then().statusCode(200)
                .body("source", equalTo("reporting"))
                .body("summary.handoffs", equalTo(31))
                .body("agents[0].resolved", equalTo(17));

        given().auth().oauth2(TestUsers.supervisor1()).get("/api/dashboard?period=year")
                .then().statusCode(422).body("field", equalTo("period"));
    }
}
