package com.yeswechange.whatsapp.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import com.yeswechange.whatsapp.testsupport.KafkaBrokerResource;
import com.yeswechange.whatsapp.testsupport.KeycloakResource;
import com.yeswechange.whatsapp.testsupport.KeycloakServer;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every route refuses anonymous callers (401, no login redirect for the API) and users without the right role. */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(KeycloakResource.class)
@QuarkusTestResource(ChatwootStandIn.class)
class SecurityTest {

    /** Every API route: method, path, a JSON body for changes. */
    static Stream<Arguments> agentRoutes() {
        return Stream.of(
                Arguments.of("GET", "/api/me", null),
                Arguments.of("GET", "/api/conversations", null),
                Arguments.of("GET", "/api/conversations/counts", null),
                Arguments.of("GET", "/api/conversations/102", null),
                Arguments.of("GET", "/api/conversations/102/messages?before=1021", null),
                Arguments.of("GET", "/api/conversations/102/poll?last_message_id=1021", null),
                Arguments.of("POST", "/api/conversations/102/messages", "{\"content\": \"Bonjour\"}"),
                Arguments.of("POST", "/api/conversations/102/resolve", "{}"),
                Arguments.of("POST", "/api/conversations/102/reopen", "{}"),
                Arguments.of("POST", "/api/conversations/102/pending", "{}"),
                Arguments.of("POST", "/api/conversations/102/snooze", "{\"until\": null}"),
                Arguments.of("POST", "/api/conversations/102/priority", "{\"priority\": \"high\"}"),
                Arguments.of("POST", "/api/conversations/102/assignee", "{\"agentId\": 2}"),
                Arguments.of("POST", "/api/conversations/102/assignee/me", "{}"),
                Arguments.of("POST", "/api/conversations/102/team", "{\"teamId\": 1}"),
                Arguments.of("PUT", "/api/conversations/102/labels", "{\"labels\": [\"vip\"]}"),
                Arguments.of("GET", "/api/assignable-agents", null),
                Arguments.of("GET", "/api/teams", null),
                Arguments.of("GET", "/api/labels", null),
                Arguments.of("GET", "/api/canned-responses", null),
                Arguments.of("GET", "/api/contacts?q=awa", null),
                Arguments.of("POST", "/api/contacts", "{\"name\": \"Awa\", \"phoneNumber\": \"+2250701020304\"}"),
                Arguments.of("GET", "/api/contacts/701", null),
                Arguments.of("GET", "/api/events", null));
    }

    static Stream<Arguments> supervisorRoutes() {
        return Stream.of(
                Arguments.of("GET", "/api/agents", null),
                Arguments.of("GET", "/api/dashboard?period=today", null));
    }

    static Stream<Arguments> allRoutes() {
        return Stream.concat(agentRoutes(), supervisorRoutes());
    }

    @BeforeEach
    void freshChatwoot() {
        ChatwootStandIn.reset();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("allRoutes")
    void anonymousGets401WithoutRedirect(String method, String path, String body) {
        request(null, body).when().request(method, path)
                .then().statusCode(401)
                .header("Location", org.hamcrest.Matchers.nullValue());
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("allRoutes")
    void userWithoutAnyRoleGets403(String method, String path, String body) {
        request(TestUsers.visitor(), body).when().request(method, path).then().statusCode(403);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("supervisorRoutes")
    void agentGets403OnSupervisorRoutes(String method, String path, String body) {
        request(TestUsers.agent1(), body).when().request(method, path).then().statusCode(403);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("supervisorRoutes")
    void supervisorAndAdminMayUseSupervisorRoutes(String method, String path, String body) {
        request(TestUsers.supervisor1(), body).when().request(method, path).then().statusCode(200);
        request(TestUsers.admin(), body).when().request(method, path).then().statusCode(200);
    }

    @Test
    void anExpiredOrForgedTokenIs401() {
        String token = TestUsers.agent1();
        String forged = token.substring(0, token.lastIndexOf('.') + 1) + "c2lnbmF0dXJl";
        given().auth().oauth2(forged).when().get("/api/me").then().statusCode(401);
    }

    @Test
    void aPageWithoutSessionRedirectsToTheKeycloakLogin() {
        given().redirects().follow(false).when().get("/conversations")
                .then().statusCode(302)
                .header("Location", startsWith(KeycloakServer.get().realmUrl() + "/protocol/openid-connect/auth"));
    }

    @Test
    void responsesCarryTheSecurityHeaders() {
        given().auth().oauth2(TestUsers.agent1()).when().get("/api/me")
                .then().statusCode(200)
                .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                .header("Content-Security-Policy", containsString("script-src 'self'"))
                .header("X-Frame-Options", equalTo("DENY"))
                .header("X-Content-Type-Options", equalTo("nosniff"));
    }

    @Test
    void errorsAndAnswersNeverCarryChatwootTokens() {
        String me = given().auth().oauth2(TestUsers.agent1()).when().get("/api/me").then().statusCode(200)
                .extract().asString();
        org.assertj.core.api.Assertions.assertThat(me).doesNotContain("token-2")
                .doesNotContain(ChatwootStandIn.ACCOUNT_TOKEN).doesNotContain(ChatwootStandIn.PLATFORM_TOKEN);
        given().auth().oauth2(TestUsers.agent1()).when().get("/api/conversations/999999")
                .then().statusCode(404).contentType(ContentType.JSON)
                .body("error", equalTo("not_found"))
                .body(not(containsString("Exception")));
    }

    private static RequestSpecification request(String token, String body) {
        RequestSpecification spec = given().redirects().follow(false);
        if (token != null) {
            spec = spec.auth().oauth2(token);
        }
        if (body != null) {
            spec = spec.contentType(ContentType.JSON).body(body);
        }
        return spec;
    }
}
