package com.yeswechange.whatsapp.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import com.yeswechange.whatsapp.testsupport.KeycloakServer;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

/** The API is documented in OpenAPI, and each user has a change budget per minute. */
@QuarkusTest
class ApiContractTest {

    @Test
    void theOpenApiDocumentDescribesTheRoutes() {
        given().get("/q/openapi?format=json")
                .then().statusCode(200)
                .body(containsString("/api/conversations/{id}/poll"))
                .body(containsString("/api/conversations/{id}/messages"))
                .body(containsString("/api/events"))
                .body(containsString("/api/dashboard"));
    }

    @Test
    void aUserOverTheChangeBudgetGets429WithRetryAfter() {
        KeycloakServer.get().createUser("burst1", "burst1", "burst1@yeswechange.ci", "agent");
        String token = TestUsers.token("burst1");
        // 60 changes a minute; twice as many requests cross the limit even if a new minute starts meanwhile
        Response limited = null;
        for (int i = 0; i < 121 && limited == null; i++) {
            Response answer = given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"content\": \"\"}")
                    .post("/api/conversations/101/messages");
            if (answer.statusCode() == 429) {
                limited = answer;
            } else {
                assertThat(answer.statusCode()).isEqualTo(422);
            }
        }
        assertThat(limited).as("a 429 within 121 changes").isNotNull();
        assertThat(Integer.parseInt(limited.header("Retry-After"))).isBetween(1, 60);
        assertThat(limited.jsonPath().getString("error")).isEqualTo("rate_limited");
        // reads have their own budget
        given().auth().oauth2(token).get("/api/me").then().statusCode(200);
    }
}
