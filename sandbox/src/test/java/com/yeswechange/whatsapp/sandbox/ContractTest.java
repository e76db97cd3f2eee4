package com.yeswechange.whatsapp.sandbox;

import static com.yeswechange.whatsapp.sandbox.ChatwootApiTest.ACCOUNT;
import static com.yeswechange.whatsapp.sandbox.ChatwootApiTest.ADMIN;
import static com.yeswechange.whatsapp.sandbox.ChatwootApiTest.AGENT1;
import static com.yeswechange.whatsapp.sandbox.ChatwootApiTest.as;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.yeswechange.whatsapp.testsupport.SpecFiles;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * The sandbox's answers validate against Chatwoot's own swagger.json (v4.15.1) and Twilio's twilio_api_v2010.json
 * where they describe the path, with the corrections listed in specs/chatwoot/SPEC-ERRATA.md applied first.
 */
@QuarkusTest
@QuarkusTestResource(Receiver.class)
class ContractTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static ObjectNode chatwoot;
    static ObjectNode twilio;

    /**
     * SPEC-ERRATA.md, one line per entry that touches a response: the pointer and the value the v4.15.1 code gives.
     * Request-only entries (toggle_status/toggle_priority/assignments/filter bodies, contact_create_payload) do not
     * apply to answers.
     */
    static void applyChatwootErrata(ObjectNode spec) throws Exception {
        set(spec, "/components/schemas/conversation/properties/status/enum", "[\"open\",\"resolved\",\"pending\",\"snoozed\"]");
        set(spec, "/components/schemas/conversation/properties/snoozed_until/type", "[\"string\",\"null\"]");
        set(spec, "/components/schemas/message/properties/content/type", "[\"string\",\"null\"]");
        set(spec, "/components/schemas/message_detailed/properties/content/type", "[\"string\",\"null\"]");
        set(spec, "/components/schemas/contact_detail/properties/email/type", "[\"string\",\"null\"]");
        set(spec, "/components/schemas/contact_detail/properties/type/enum", "[\"contact\",\"user\",\"agent_bot\"]");
        set(spec, "/components/schemas/inbox_contact/properties/provider/type", "[\"string\",\"null\"]");
        // an average over an empty set is nil; otherwise the v2 builders give a float (swagger says string)
        for (String p : List.of("/components/schemas/account_summary/properties/avg_first_response_time/type",
                "/components/schemas/account_summary/properties/avg_resolution_time/type",
                "/components/schemas/account_summary/properties/previous/properties/avg_first_response_time/type",
                "/components/schemas/account_summary/properties/previous/properties/avg_resolution_time/type")) {
            set(spec, p, "[\"number\",\"string\",\"null\"]");
        }
        String toggle = "/paths/~1api~1v1~1accounts~1{account_id}~1conversations~1{conversation_id}~1toggle_status"
                + "/post/responses/200/content/application~1json/schema/properties/payload/properties";
        ((ObjectNode) spec.at(toggle)).set("snoozed_until", JSON.readTree("{\"type\":[\"string\",\"null\"]}"));
        set(spec, "/paths/~1api~1v1~1accounts~1{account_id}~1conversations~1filter/post/responses/200/content/"
                + "application~1json/schema", "{\"type\":\"object\",\"required\":[\"meta\",\"payload\"],"
                        + "\"properties\":{\"meta\":{\"type\":\"object\",\"required\":[\"mine_count\","
                        + "\"unassigned_count\",\"all_count\"],\"properties\":{\"mine_count\":{\"type\":\"number\"},"
                        + "\"unassigned_count\":{\"type\":\"number\"},\"all_count\":{\"type\":\"number\"}}},"
                        + "\"payload\":{\"type\":\"array\",\"items\":{\"$ref\":\"#/components/schemas/conversation\"}}}}");
        set(spec, "/paths/~1api~1v1~1accounts~1{account_id}~1contacts/post/responses/200/content/application~1json/"
                + "schema", "{\"type\":\"object\",\"properties\":{\"payload\":{\"type\":\"object\",\"properties\":{"
                        + "\"contact\":{\"$ref\":\"#/components/schemas/contact_list_item\"},\"contact_inbox\":{"
                        + "\"type\":[\"object\",\"null\"],\"properties\":{\"source_id\":{\"type\":\"string\"},"
                        + "\"inbox\":{\"$ref\":\"#/components/schemas/inbox_contact\"}}}}}}}");
        set(spec, "/paths/~1api~1v1~1accounts~1{account_id}~1conversations~1{conversation_id}~1assignments/post/"
                + "responses/200/content/application~1json/schema", "{\"anyOf\":[{\"$ref\":\"#/components/schemas/"
                        + "agent\"},{\"$ref\":\"#/components/schemas/team\"},{\"type\":\"null\"}]}");
        set(spec, "/paths/~1api~1v1~1accounts~1{account_id}~1conversations~1{conversation_id}~1messages/get/"
                + "responses/200/content/application~1json/schema/properties/meta/properties/assignee",
                "{\"oneOf\":[{\"$ref\":\"#/components/schemas/agent\"},{\"type\":\"null\"}]}");
        set(spec, "/paths/~1api~1v2~1accounts~1{account_id}~1reports/get/responses/200/content/application~1json/"
                + "schema/items/properties/value/type", "\"number\"");
    }

    /** OpenAPI 3.0's {@code nullable: true} is JSON Schema's {"type": [T, "null"]} (what 3.1 writes). */
    static void nullableToTypeArrays(JsonNode node) {
        if (node instanceof ObjectNode object) {
            if (object.path("nullable").asBoolean(false) && object.has("type") && object.get("type").isTextual()) {
                ArrayNode types = JSON.createArrayNode().add(object.get("type").asText()).add("null");
                object.set("type", types);
            }
            object.elements().forEachRemaining(ContractTest::nullableToTypeArrays);
        } else if (node instanceof ArrayNode array) {
            array.elements().forEachRemaining(ContractTest::nullableToTypeArrays);
        }
    }

    static void set(ObjectNode spec, String pointer, String json) throws Exception {
        int slash = pointer.lastIndexOf('/');
        JsonNode parent = spec.at(pointer.substring(0, slash));
        assertThat(parent.isObject()).as("errata pointer %s exists", pointer).isTrue();
        String key = pointer.substring(slash + 1).replace("~1", "/").replace("~0", "~");
        assertThat(parent.has(key)).as("errata pointer %s exists", pointer).isTrue();
        ((ObjectNode) parent).set(key, JSON.readTree(json));
    }

    @BeforeAll
    static void loadSpecs() throws Exception {
        chatwoot = (ObjectNode) JSON.readTree(SpecFiles.text("chatwoot/swagger.json"));
        applyChatwootErrata(chatwoot);
        twilio = (ObjectNode) JSON.readTree(SpecFiles.text("twilio/twilio_api_v2010.json"));
        nullableToTypeArrays(twilio);
    }

    @BeforeEach
    void reset() {
        given().post("/sandbox/admin/reset").then().statusCode(200);
    }

    /** The response schema of one operation, with its $refs resolved inside the same spec document. */
    static Schema responseSchema(ObjectNode spec, String path, String method, String status) {
        String pointer = "#/paths/" + path.replace("~", "~0").replace("/", "~1") + "/" + method + "/responses/" + status
                + "/content/application~1json/schema";
        ObjectNode document = spec.deepCopy();
        document.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        document.put("$ref", pointer);
        return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                .getSchema(SchemaLocation.of("https://contract.test/spec.json"), document);
    }

    static void assertValid(ObjectNode spec, String path, String method, String status, Response response)
            throws Exception {
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(Integer.parseInt(status));
        JsonNode body = JSON.readTree(response.asString());
        assertThat(responseSchema(spec, path, method, status).validate(body)).as("%s %s", method, path).isEmpty();
    }

    static final String CW = "/api/v1/accounts/{account_id}";

    @Test
    void conversationAnswers() throws Exception {
        as(AGENT1).body(Map.of("status", "snoozed", "snoozed_until", 1900000000)).post(ACCOUNT
                + "/conversations/2/toggle_status");
        assertValid(chatwoot, CW + "/conversations", "get", "200",
                as(AGENT1).queryParam("status", "all").get(ACCOUNT + "/conversations"));
        assertValid(chatwoot, CW + "/conversations/meta", "get", "200", as(AGENT1).get(ACCOUNT + "/conversations/meta"));
        assertValid(chatwoot, CW + "/conversations/{conversation_id}", "get", "200",
                as(AGENT1).get(ACCOUNT + "/conversations/2"));
        assertValid(chatwoot, CW + "/conversations", "post", "200", as(ADMIN).body(Map.of("source_id",
                "whatsapp:+2250701020304", "inbox_id", 3, "message", Map.of("content", "Bonjour"))).post(ACCOUNT
                        + "/conversations"));
        assertValid(chatwoot, CW + "/conversations/{conversation_id}/toggle_status", "post", "200",
                as(AGENT1).body(Map.of("status", "snoozed", "snoozed_until", 1900000000))
                        .post(ACCOUNT + "/conversations/1/toggle_status"));
        assertValid(chatwoot, CW + "/conversations/filter", "post", "200", as(AGENT1).body(Map.of("payload",
                List.of(Map.of("attribute_key", "status", "filter_operator", "equal_to", "values", List.of("open")))))
                .post(ACCOUNT + "/conversations/filter"));
        assertValid(chatwoot, CW + "/conversations/{conversation_id}/assignments", "post", "200",
                as(ADMIN).body(Map.of("assignee_id", 3)).post(ACCOUNT + "/conversations/2/assignments"));
        assertValid(chatwoot, CW + "/conversations/{conversation_id}/labels", "post", "200",
                as(ADMIN).body(Map.of("labels", List.of("urgent"))).post(ACCOUNT + "/conversations/2/labels"));
    }

    @Test
    void messageAnswers() throws Exception {
        as(ADMIN).body(Map.of("assignee_id", 2)).post(ACCOUNT + "/conversations/2/assignments");
        assertValid(chatwoot, CW + "/conversations/{conversation_id}/messages", "post", "200",
                as(AGENT1).body(Map.of("content", "Réponse")).post(ACCOUNT + "/conversations/2/messages"));
        assertValid(chatwoot, CW + "/conversations/{conversation_id}/messages", "get", "200",
                as(AGENT1).get(ACCOUNT + "/conversations/2/messages"));
        // unassigned conversation: meta.assignee is null
        assertValid(chatwoot, CW + "/conversations/{conversation_id}/messages", "get", "200",
                as(AGENT1).get(ACCOUNT + "/conversations/3/messages"));
    }

    @Test
    void contactAndDirectoryAnswers() throws Exception {
        assertValid(chatwoot, CW + "/contacts/search", "get", "200",
                as(AGENT1).queryParam("q", "+225").get(ACCOUNT + "/contacts/search"));
        assertValid(chatwoot, CW + "/contacts", "post", "200", as(AGENT1).body(Map.of("name", "Awa Koné",
                "phone_number", "+2250101010101", "inbox_id", 3)).post(ACCOUNT + "/contacts"));
        assertValid(chatwoot, CW + "/contacts/{id}", "get", "200", as(AGENT1).get(ACCOUNT + "/contacts/1"));
        assertValid(chatwoot, CW + "/contacts/{id}/conversations", "get", "200",
                as(AGENT1).get(ACCOUNT + "/contacts/1/conversations"));
        assertValid(chatwoot, CW + "/agents", "get", "200", as(AGENT1).get(ACCOUNT + "/agents"));
        assertValid(chatwoot, CW + "/teams", "get", "200", as(AGENT1).get(ACCOUNT + "/teams"));
        assertValid(chatwoot, CW + "/labels", "get", "200", as(AGENT1).get(ACCOUNT + "/labels"));
        assertValid(chatwoot, CW + "/inboxes", "get", "200", as(AGENT1).get(ACCOUNT + "/inboxes"));
        assertValid(chatwoot, CW + "/canned_responses", "get", "200", as(AGENT1).get(ACCOUNT + "/canned_responses"));
        assertValid(chatwoot, "/platform/api/v1/users/{id}", "get", "200", given()
                .header("api_access_token", "sandbox-platform-token").get("/platform/api/v1/users/3"));
    }

    @Test
    void reportAnswers() throws Exception {
        String v2 = "/api/v2/accounts/{account_id}";
        assertValid(chatwoot, v2 + "/reports/summary", "get", "200",
                as(ADMIN).get("/api/v2/accounts/1/reports/summary"));
        assertValid(chatwoot, v2 + "/summary_reports/agent", "get", "200",
                as(ADMIN).get("/api/v2/accounts/1/summary_reports/agent"));
        assertValid(chatwoot, v2 + "/reports", "get", "200", as(ADMIN).queryParam("metric", "conversations_count")
                .get("/api/v2/accounts/1/reports"));
    }

    @Test
    void twilioMessageAnswers() throws Exception {
        String sid = "ACd42548387317631745a9084a2bc8f824";
        Response created = given().auth().preemptive().basic(sid, "sandbox-twilio-auth-token")
                .formParam("To", "whatsapp:+2250701020304").formParam("From", "whatsapp:+2252722405060")
                .formParam("Body", "Bonjour").post("/2010-04-01/Accounts/" + sid + "/Messages.json");
        assertValid(twilio, "/2010-04-01/Accounts/{AccountSid}/Messages.json", "post", "201", created);
        assertValid(twilio, "/2010-04-01/Accounts/{AccountSid}/Messages.json", "get", "200",
                given().auth().preemptive().basic(sid, "sandbox-twilio-auth-token")
                        .get("/2010-04-01/Accounts/" + sid + "/Messages.json"));
        assertValid(twilio, "/2010-04-01/Accounts/{AccountSid}/Messages/{Sid}.json", "get", "200",
                given().auth().preemptive().basic(sid, "sandbox-twilio-auth-token")
                        .get("/2010-04-01/Accounts/" + sid + "/Messages/" + created.path("sid") + ".json"));
    }

    @Test
    void theValidatorRejectsAWrongShape() throws Exception {
        JsonNode wrong = JSON.readTree("{\"data\":{\"meta\":{\"all_count\":\"trois\"},\"payload\":{}}}");
        assertThat(responseSchema(chatwoot, CW + "/conversations", "get", "200").validate(wrong)).isNotEmpty();
    }
}
