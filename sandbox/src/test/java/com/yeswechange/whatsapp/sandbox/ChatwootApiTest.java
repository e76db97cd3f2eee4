package com.yeswechange.whatsapp.sandbox;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * Chatwoot application API semantics (API-NOTES.md §1) over the seeded demo data: 6 conversations, conversation 1
 * open with agent1, 2 open unassigned, 3 pending, 4 resolved (agent2), 5 snoozed (agent3), 6 open with agent2.
 */
@QuarkusTest
@QuarkusTestResource(Receiver.class)
class ChatwootApiTest {

    static final String ACCOUNT = "/api/v1/accounts/1";
    static final String ADMIN = "sandbox-admin-token";
    static final String AGENT1 = "sandbox-agent1-token";
    static final String AGENT2 = "sandbox-agent2-token";

    static RequestSpecification as(String token) {
        return given().header("api_access_token", token).contentType(ContentType.JSON);
    }

    @BeforeEach
    void reset() {
        given().post("/sandbox/admin/reset").then().statusCode(200);
    }

    @Test
    void listCountsAreTakenBeforeTheAssigneeFilter() {
        as(AGENT1).queryParam("assignee_type", "unassigned").get(ACCOUNT + "/conversations").then().statusCode(200)
                .body("data.meta.mine_count", equalTo(1)).body("data.meta.assigned_count", equalTo(2))
                .body("data.meta.unassigned_count", equalTo(1)).body("data.meta.all_count", equalTo(3))
                .body("data.payload.id", contains(2));
        as(AGENT1).queryParam("assignee_type", "me").get(ACCOUNT + "/conversations").then()
                .body("data.payload.id", contains(1)).body("data.payload[0].meta.assignee.id", equalTo(2));
    }

    @Test
    void listFiltersByStatusLabelsAndSearchText() {
        as(AGENT1).queryParam("status", "all").get(ACCOUNT + "/conversations").then()
                .body("data.meta.all_count", equalTo(6));
        as(AGENT1).queryParam("status", "snoozed").get(ACCOUNT + "/conversations").then()
                .body("data.payload.id", contains(5)).body("data.payload[0].snoozed_until", org.hamcrest.Matchers
                        .matchesPattern("\\d{4}-\\d\\d-\\d\\dT.*Z"));
        as(AGENT1).queryParam("status", "all").queryParam("labels[]", "facturation").get(ACCOUNT + "/conversations")
                .then().body("data.payload.id", contains(4));
        // q matches message content and ignores the status filter (conversation 4 is resolved)
        as(AGENT1).queryParam("q", "télécharger ma facture").get(ACCOUNT + "/conversations").then()
                .body("data.payload.id", contains(4));
        as(AGENT1).queryParam("status", "open").queryParam("sort_by", "created_at_asc")
                .get(ACCOUNT + "/conversations").then().body("data.payload.id", contains(6, 1, 2));
    }

    @Test
    void listPagesByTwentyFive() {
        long contactId = createContact("+2250700000001", "Client Pagination");
        for (int i = 0; i < 25; i++) {
            as(ADMIN).body(Map.of("inbox_id", 3, "contact_id", contactId)).post(ACCOUNT + "/conversations").then()
                    .statusCode(200);
        }
        as(ADMIN).queryParam("page", 1).get(ACCOUNT + "/conversations").then()
                .body("data.payload", hasSize(25)).body("data.meta.all_count", equalTo(28));
        as(ADMIN).queryParam("page", 2).get(ACCOUNT + "/conversations").then().body("data.payload", hasSize(3));
    }

    @Test
    void metaIsLimitedToThirtyRequestsPerMinutePerToken() {
        String token = "sandbox-agent3-token";
        int passed = 0;
        Response refused = null;
        for (int i = 0; i < 31; i++) {
            Response r = as(token).get(ACCOUNT + "/conversations/meta");
            if (r.statusCode() == 200) {
                passed++;
            } else {
                refused = r;
            }
        }
        // a minute boundary in the middle restarts the count; then all 31 pass and the next call is refused
        if (refused == null) {
            refused = as(token).get(ACCOUNT + "/conversations/meta");
        }
        assertThat(passed).isGreaterThanOrEqualTo(30);
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(Integer.parseInt(refused.header("Retry-After"))).isBetween(1, 60);
        assertThat(refused.asString()).isEqualTo("Retry later\n");
        // another token has its own budget
        as(AGENT1).get(ACCOUNT + "/conversations/meta").then().statusCode(200)
                .body("meta.mine_count", equalTo(1));
        // tests can switch the limit off
        given().contentType(ContentType.JSON).body(Map.of("meta_rate_limit_enabled", false))
                .put("/sandbox/admin/faults").then().statusCode(200);
        as(token).get(ACCOUNT + "/conversations/meta").then().statusCode(200);
    }

    @Test
    void snoozeThenAnIncomingMessageReopens() {
        long until = Instant.now().plusSeconds(7200).getEpochSecond();
        as(AGENT1).body(Map.of("status", "snoozed", "snoozed_until", until)).post(ACCOUNT
                + "/conversations/1/toggle_status").then().statusCode(200)
                .body("payload.success", equalTo(true)).body("payload.current_status", equalTo("snoozed"))
                .body("payload.snoozed_until", equalTo(Instant.ofEpochSecond(until).toString().replace("Z", ".000Z")));
        as(AGENT1).get(ACCOUNT + "/conversations/1").then().body("status", equalTo("snoozed"));

        as(ADMIN).body(Map.of("content", "Vous êtes là ?", "message_type", "incoming", "source_id", "SMabc"))
                .post(ACCOUNT + "/conversations/1/messages").then().statusCode(200);
        as(AGENT1).get(ACCOUNT + "/conversations/1").then().body("status", equalTo("open"))
                .body("snoozed_until", nullValue());
    }

    @Test
    void toggleWithoutStatusSwitchesOpenAndResolvedAndReopeningAssignsTheAgent() {
        as(ADMIN).body(Map.of()).post(ACCOUNT + "/conversations/2/toggle_status").then()
                .body("payload.current_status", equalTo("resolved"));
        as(AGENT2).body(Map.of()).post(ACCOUNT + "/conversations/2/toggle_status").then()
                .body("payload.current_status", equalTo("open"));
        as(ADMIN).get(ACCOUNT + "/conversations/2").then().body("meta.assignee.id", equalTo(3));
    }

    @Test
    void messagesAreSentAsTheTokensUser() {
        as(AGENT2).body(Map.of("content", "Bonjour, je m'en occupe.", "echo_id", "e-42"))
                .post(ACCOUNT + "/conversations/2/messages").then().statusCode(200)
                .body("message_type", equalTo(1)).body("echo_id", equalTo("e-42"))
                .body("sender.id", equalTo(3)).body("sender.type", equalTo("user")).body("status", equalTo("sent"));
        as(AGENT2).body(Map.of("content", "Note interne", "private", true))
                .post(ACCOUNT + "/conversations/2/messages").then().body("private", equalTo(true));
        as(ADMIN).body(Map.of("content", "Merci !", "message_type", "incoming", "source_id", "SM0123"))
                .post(ACCOUNT + "/conversations/2/messages").then().body("message_type", equalTo(0))
                .body("source_id", equalTo("SM0123")).body("sender.type", equalTo("contact"))
                .body("sender.phone_number", equalTo("+2250505060708"));
        as(ADMIN).body(Map.of("content", "x", "message_type", "bogus")).post(ACCOUNT + "/conversations/2/messages")
                .then().statusCode(422);
        as(ADMIN).get(ACCOUNT + "/conversations/2").then().body("first_reply_created_at",
                org.hamcrest.Matchers.notNullValue());
    }

    @Test
    void attachmentsUploadAsMultipartAndAreServedAtTheirDataUrl() {
        byte[] image = new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 1, 2, 3 };
        Response created = given().header("api_access_token", AGENT1).multiPart("content", "La preuve")
                .multiPart("attachments[]", "preuve.jpg", image, "image/jpeg")
                .post(ACCOUNT + "/conversations/1/messages");
        created.then().statusCode(200).body("attachments[0].file_type", equalTo("image"))
                .body("attachments[0].extension", equalTo("jpg")).body("attachments[0].file_size", equalTo(6));
        String dataUrl = created.path("attachments[0].data_url");
        String path = dataUrl.substring(dataUrl.indexOf("/rails/"));
        assertThat(given().get(path).then().statusCode(200).extract().asByteArray()).isEqualTo(image);
    }

    @Test
    void messagePagesUseIdsAsCursors() {
        for (int i = 0; i < 130; i++) {
            as(AGENT1).body(Map.of("content", "m" + i)).post(ACCOUNT + "/conversations/3/messages").then()
                    .statusCode(200);
        }
        List<Integer> latest = as(AGENT1).get(ACCOUNT + "/conversations/3/messages").path("payload.id");
        assertThat(latest).hasSize(20).isSorted();
        List<Integer> older = as(AGENT1).queryParam("before", latest.get(0)).get(ACCOUNT
                + "/conversations/3/messages").path("payload.id");
        assertThat(older).hasSize(20).isSorted();
        assertThat(older.get(19)).isLessThan(latest.get(0));
        int first = older.get(0);
        List<Integer> newer = as(AGENT1).queryParam("after", 0).get(ACCOUNT + "/conversations/3/messages")
                .path("payload.id");
        assertThat(newer).hasSize(100).isSorted();
        assertThat(newer.get(99)).isLessThan(latest.get(19));
        List<Integer> between = as(AGENT1).queryParam("after", first).queryParam("before", latest.get(19))
                .get(ACCOUNT + "/conversations/3/messages").path("payload.id");
        assertThat(between).allMatch(id -> id > first && id < latest.get(19)).hasSize(latest.get(19) - first - 1);
    }

    @Test
    void deliveryStatusMovesForwardAndReadNeverGoesBackToDelivered() {
        int id = as(AGENT1).body(Map.of("content", "Votre remboursement est parti."))
                .post(ACCOUNT + "/conversations/1/messages").path("id");
        String path = ACCOUNT + "/conversations/1/messages/" + id;
        as(AGENT1).body(Map.of("status", "delivered")).patch(path).then().statusCode(200)
                .body("status", equalTo("delivered"));
        as(AGENT1).body(Map.of("status", "read")).patch(path).then().statusCode(200).body("status", equalTo("read"));
        as(AGENT1).body(Map.of("status", "delivered")).patch(path).then().statusCode(422);
        as(AGENT1).body(Map.of("status", "failed", "external_error", "63016 - hors fenêtre")).patch(path).then()
                .statusCode(200).body("status", equalTo("failed"))
                .body("content_attributes.external_error", equalTo("63016 - hors fenêtre"));
        as(AGENT1).body(Map.of("status", "lost")).patch(path).then().statusCode(422);
        as(AGENT1).body(Map.of("status", "read")).patch(ACCOUNT + "/conversations/2/messages/" + id).then()
                .statusCode(404);
    }

    @Test
    void contactsSearchCreateAndLinkToTheInbox() {
        as(AGENT1).queryParam("q", "+22507010203").get(ACCOUNT + "/contacts/search").then().statusCode(200)
                .body("meta.count", equalTo(1)).body("payload[0].name", equalTo("Aya Kouassi"))
                .body("payload[0].contact_inboxes[0].source_id", equalTo("whatsapp:+2250701020304"));
        as(AGENT1).body(Map.of("name", "Nouveau", "phone_number", "+2250701020304")).post(ACCOUNT + "/contacts")
                .then().statusCode(422);
        as(AGENT1).body(Map.of("name", "Nouveau", "phone_number", "0701")).post(ACCOUNT + "/contacts").then()
                .statusCode(422);
        int id = as(AGENT1).body(Map.of("name", "Koné Ibrahim", "phone_number", "+2250102020202", "inbox_id", 3,
                "source_id", "whatsapp:+2250102020202")).post(ACCOUNT + "/contacts").then().statusCode(200)
                .body("payload.contact_inbox.source_id", equalTo("whatsapp:+2250102020202"))
                .body("payload.contact_inbox.inbox.id", equalTo(3)).extract().path("payload.contact.id");
        as(AGENT1).get(ACCOUNT + "/contacts/" + id).then().body("payload.phone_number", equalTo("+2250102020202"));
        as(AGENT1).body(Map.of("source_id", "whatsapp:+2250102020202", "inbox_id", 3,
                "message", Map.of("content", "Bonjour Ibrahim"))).post(ACCOUNT + "/conversations").then()
                .statusCode(200).body("meta.sender.id", equalTo(id)).body("messages[0].content",
                        equalTo("Bonjour Ibrahim"));
        as(AGENT1).get(ACCOUNT + "/contacts/" + id + "/conversations").then().body("payload", hasSize(1));
        as(AGENT1).body(Map.of("inbox_id", 3, "source_id", "whatsapp:+2250701020304"))
                .post(ACCOUNT + "/contacts/" + id + "/contact_inboxes").then().statusCode(422);
        as(AGENT1).get(ACCOUNT + "/contacts/9999").then().statusCode(404).body("error",
                equalTo("Resource could not be found"));
    }

    @Test
    void filterCombinesConditionsWithoutADataWrapper() {
        as(AGENT1).body(Map.of("payload", List.of(
                Map.of("attribute_key", "status", "filter_operator", "equal_to", "values", List.of("open"),
                        "query_operator", "AND"),
                java.util.Collections.unmodifiableMap(new java.util.HashMap<>(Map.of("attribute_key", "assignee_id",
                        "filter_operator", "is_not_present", "values", List.of()))))))
                .post(ACCOUNT + "/conversations/filter").then().statusCode(200)
                .body("payload.id", contains(2)).body("meta.all_count", equalTo(1))
                .body("meta.containsKey('assigned_count')", equalTo(false)).body("containsKey('data')", equalTo(false));
        as(AGENT1).body(Map.of("payload", List.of(Map.of("attribute_key", "nope", "filter_operator", "equal_to",
                "values", List.of("x"))))).post(ACCOUNT + "/conversations/filter").then().statusCode(422);
    }

    @Test
    void assignmentsLabelsAndPriority() {
        as(ADMIN).body(Map.of("assignee_id", 4)).post(ACCOUNT + "/conversations/2/assignments").then()
                .statusCode(200).body("id", equalTo(4)).body("email", equalTo("agent3@yeswechange.ci"));
        as(ADMIN).body("{\"assignee_id\":null}").post(ACCOUNT + "/conversations/2/assignments").then()
                .statusCode(200).body(equalTo("null"));
        as(ADMIN).body(Map.of("team_id", 2)).post(ACCOUNT + "/conversations/2/assignments").then()
                .body("name", equalTo("Support technique"));
        as(ADMIN).body(Map.of("labels", List.of("urgent", "facturation"))).post(ACCOUNT + "/conversations/1/labels")
                .then().body("payload", contains("urgent", "facturation"));
        as(ADMIN).get(ACCOUNT + "/conversations/1/labels").then().body("payload", contains("urgent", "facturation"));
        as(ADMIN).body(Map.of("priority", "urgent")).post(ACCOUNT + "/conversations/1/toggle_priority").then()
                .statusCode(200);
        as(ADMIN).get(ACCOUNT + "/conversations/1").then().body("priority", equalTo("urgent"))
                .body("meta.team.id", equalTo(1));
        as(ADMIN).body(Map.of("priority", "énorme")).post(ACCOUNT + "/conversations/1/toggle_priority").then()
                .statusCode(422);
    }

    @Test
    void directoryEndpoints() {
        as(AGENT1).get(ACCOUNT + "/agents").then().statusCode(200).body("email", contains("admin@yeswechange.ci",
                "agent1@yeswechange.ci", "agent2@yeswechange.ci", "agent3@yeswechange.ci",
                "supervisor1@yeswechange.ci")).body("[0].role", equalTo("administrator"));
        as(AGENT1).get(ACCOUNT + "/teams").then().body("name", contains("Service client", "Support technique"))
                .body("[0].is_member", equalTo(true));
        as(AGENT1).get(ACCOUNT + "/inboxes").then().body("payload[0].id", equalTo(3))
                .body("payload[0].channel_type", equalTo("Channel::Api"));
        as(AGENT1).get(ACCOUNT + "/labels").then().body("payload.title", org.hamcrest.Matchers.hasItem("remboursement"));
        as(AGENT1).queryParam("search", "rib").get(ACCOUNT + "/canned_responses").then()
                .body("short_code", contains("rib"));
    }

    @Test
    void tokensAccountsAndRoles() {
        given().get(ACCOUNT + "/conversations").then().statusCode(401).contentType(ContentType.JSON)
                .body("error", equalTo("You need to sign in or sign up before continuing."));
        as("wrong").get(ACCOUNT + "/agents").then().statusCode(401);
        as(AGENT1).get("/api/v1/accounts/2/agents").then().statusCode(401);
        as(AGENT1).get("/api/v2/accounts/1/reports/summary").then().statusCode(401);
        as("sandbox-supervisor1-token").get("/api/v2/accounts/1/reports/summary").then().statusCode(200);
        as(AGENT1).get("/api/v1/profile").then().body("email", equalTo("agent1@yeswechange.ci"));
    }

    @Test
    void platformApiGivesEachUsersAccessToken() {
        given().header("api_access_token", "sandbox-platform-token").get("/platform/api/v1/users/2").then()
                .statusCode(200).body("access_token", equalTo(AGENT1)).body("email", equalTo("agent1@yeswechange.ci"));
        given().header("api_access_token", "sandbox-platform-token").post("/platform/api/v1/users/5/token").then()
                .body("access_token", equalTo("sandbox-supervisor1-token")).body("expiry", nullValue());
        given().header("api_access_token", ADMIN).get("/platform/api/v1/users/2").then().statusCode(401);
        given().header("api_access_token", "sandbox-platform-token").get("/platform/api/v1/users/99").then()
                .statusCode(404);
    }

    @Test
    void reportsAreComputedFromTheConversations() {
        long since = Instant.now().minusSeconds(7 * 86400).getEpochSecond();
        long until = Instant.now().plusSeconds(60).getEpochSecond();
        Response before = as(ADMIN).queryParam("since", since).queryParam("until", until)
                .get("/api/v2/accounts/1/reports/summary");
        int incoming = before.path("incoming_messages_count");
        int resolutions = before.path("resolutions_count");
        as(ADMIN).body(Map.of("content", "Encore une question", "message_type", "incoming"))
                .post(ACCOUNT + "/conversations/2/messages").then().statusCode(200);
        as(ADMIN).body(Map.of("status", "resolved")).post(ACCOUNT + "/conversations/2/toggle_status").then()
                .statusCode(200);
        as(ADMIN).queryParam("since", since).queryParam("until", until).get("/api/v2/accounts/1/reports/summary")
                .then().body("incoming_messages_count", equalTo(incoming + 1))
                .body("resolutions_count", equalTo(resolutions + 1)).body("conversations_count", equalTo(6));
        as(ADMIN).queryParam("type", "account").get("/api/v2/accounts/1/reports/conversations").then()
                .body("open", equalTo(2)).body("pending", equalTo(1)).body("unassigned", equalTo(0));
        as(ADMIN).queryParam("since", since).queryParam("until", until).get("/api/v2/accounts/1/summary_reports/agent")
                .then().body("find { it.id == 3 }.resolved_conversations_count", equalTo(1));
        List<Map<String, Object>> series = as(ADMIN).queryParam("metric", "incoming_messages_count")
                .queryParam("since", since).queryParam("until", until).get("/api/v2/accounts/1/reports").path("$");
        assertThat(series).hasSizeBetween(8, 9);
        assertThat(series.stream().mapToInt(p -> ((Number) p.get("value")).intValue()).sum()).isEqualTo(incoming + 1);
    }

    static long createContact(String phone, String name) {
        return ((Number) as(ADMIN).body(Map.of("name", name, "phone_number", phone, "inbox_id", 3, "source_id",
                "whatsapp:" + phone)).post(ACCOUNT + "/contacts").then().statusCode(200).extract()
                .path("payload.contact.id")).longValue();
    }
}
