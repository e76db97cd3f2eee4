package com.yeswechange.whatsapp.chatwoot;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.yeswechange.whatsapp.chatwoot.CannedAnswers.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.yeswechange.whatsapp.chatwoot.dto.AttachmentUpload;
import com.yeswechange.whatsapp.chatwoot.dto.ConversationQuery;
import com.yeswechange.whatsapp.chatwoot.dto.CreateContactRequest;
import com.yeswechange.whatsapp.chatwoot.dto.CreateConversationRequest;
import com.yeswechange.whatsapp.chatwoot.dto.CreateMessageRequest;
import com.yeswechange.whatsapp.chatwoot.dto.FilterCondition;
import com.yeswechange.whatsapp.chatwoot.dto.ReportQuery;
import com.yeswechange.whatsapp.testsupport.SpecFiles;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every request ChatwootClient sends, and every canned answer it parses, against Chatwoot v4.15.1's own OpenAPI file
 * (specs/chatwoot/swagger.json), with the known disagreements of SPEC-ERRATA.md applied as {@link #CORRECTIONS}.
 * What the spec lacks (paths and query parameters) is listed in {@link #SPEC_LACKS} and {@link #EXTRA_QUERY_PARAMETERS}
 * with the line of specs/chatwoot/API-NOTES.md that documents it.
 */
@QuarkusTest
@QuarkusTestResource(ChatwootWireMock.class)
class ChatwootContractTest {

    static final ObjectMapper JSON = new ObjectMapper();

    /** SPEC-ERRATA.md, applied: JSON pointer into swagger.json, the value the code renders or accepts, and why. */
    record Correction(String pointer, String replacement, String why) {
    }

    static final List<Correction> CORRECTIONS = List.of(
            new Correction("/components/schemas/conversation/properties/status/enum",
                    "[\"open\",\"resolved\",\"pending\",\"snoozed\"]",
                    "the Conversation status enum (app/models/conversation.rb) has snoozed"),
            new Correction("/components/schemas/conversation/properties/snoozed_until/type", "[\"string\",\"null\"]",
                    "_conversation.json.jbuilder renders snoozed_until, a datetime: ISO-8601 string or null"),
            new Correction("/components/schemas/message/properties/content/type", "[\"string\",\"null\"]",
                    "messages.content is nullable: a message made only of attachments has none"),
            new Correction("/components/schemas/message_detailed/properties/content/type", "[\"string\",\"null\"]",
                    "messages.content is nullable: a message made only of attachments has none"),
            new Correction("/components/schemas/contact_detail/properties/email/type", "[\"string\",\"null\"]",
                    "Contact#push_event_data returns a nil email for WhatsApp contacts without e-mail"),
            new Correction("/components/schemas/contact_detail/properties/type/enum",
                    "[\"contact\",\"user\",\"agent_bot\"]",
                    "a message sender is a Contact, User or AgentBot; users carry type 'user'"),
            new Correction("/components/schemas/inbox_contact/properties/provider/type", "[\"string\",\"null\"]",
                    "Channel::Api inboxes have no provider (nil)"),
            new Correction("/components/schemas/account_summary/properties/avg_first_response_time/type",
                    "[\"string\",\"number\",\"null\"]", "the builders return a float, nil over an empty set"),
            new Correction("/components/schemas/account_summary/properties/avg_resolution_time/type",
                    "[\"string\",\"number\",\"null\"]", "the builders return a float, nil over an empty set"),
            new Correction(
                    "/components/schemas/account_summary/properties/previous/properties/avg_first_response_time/type",
                    "[\"string\",\"number\",\"null\"]", "the builders return a float, nil over an empty set"),
            new Correction(
                    "/components/schemas/account_summary/properties/previous/properties/avg_resolution_time/type",
                    "[\"string\",\"number\",\"null\"]", "the builders return a float, nil over an empty set"),
            new Correction(pathPointer("/api/v1/accounts/{account_id}/conversations/{conversation_id}/toggle_status",
                    "post") + "/requestBody/content/application~1json/schema/required", "[]",
                    "without status, toggle_status toggles open<->resolved"),
            new Correction(pathPointer("/api/v1/accounts/{account_id}/conversations/{conversation_id}/toggle_priority",
                    "post") + "/requestBody/content/application~1json/schema/properties/priority",
                    "{\"type\":[\"string\",\"null\"],\"enum\":[\"urgent\",\"high\",\"medium\",\"low\",null]}",
                    "priority is low|medium|high|urgent and null clears it; 'none' is no model value"),
            new Correction(pathPointer("/api/v1/accounts/{account_id}/conversations/{conversation_id}/assignments",
                    "post") + "/requestBody/content/application~1json/schema/properties/assignee_id",
                    "{\"type\":[\"number\",\"null\"]}", "a null or unknown assignee_id unassigns"),
            new Correction(pathPointer("/api/v1/accounts/{account_id}/conversations/filter", "post")
                    + "/requestBody/content/application~1json/schema/properties/payload/items/properties/query_operator",
                    "{\"type\":[\"string\",\"null\"],\"enum\":[\"AND\",\"OR\",null]}",
                    "the last filter's query_operator is null, as swagger.json's own example shows"),
            new Correction(pathPointer("/api/v1/accounts/{account_id}/conversations/filter", "post")
                    + "/requestBody/content/application~1json/schema/properties/payload/items/properties/"
                    + "filter_operator/enum",
                    "[\"equal_to\",\"not_equal_to\",\"contains\",\"does_not_contain\",\"is_present\","
                            + "\"is_not_present\",\"is_greater_than\",\"is_less_than\",\"days_before\"]",
                    "operators of lib/filters/filter_keys.yml"),
            new Correction("/components/schemas/contact_create_payload/required", "[]",
                    "contacts_controller#create builds a contact_inbox only when inbox_id is given"),
            new Correction(pathPointer("/api/v1/accounts/{account_id}/conversations/{conversation_id}/toggle_status",
                    "post") + "/responses/200/content/application~1json/schema/properties/payload/properties",
                    "{\"success\":{\"type\":\"boolean\"},\"current_status\":{\"type\":\"string\",\"enum\":[\"open\","
                            + "\"resolved\",\"pending\",\"snoozed\"]},\"conversation_id\":{\"type\":\"number\"},"
                            + "\"snoozed_until\":{\"type\":[\"string\",\"null\"]}}",
                    "toggle_status.json.jbuilder also renders snoozed_until (datetime or null)"),
            new Correction(pathPointer("/api/v1/accounts/{account_id}/conversations/filter", "post")
                    + "/responses/200/content/application~1json/schema",
                    "{\"type\":\"object\",\"required\":[\"meta\",\"payload\"],\"properties\":{\"meta\":{\"type\":"
                            + "\"object\",\"properties\":{\"mine_count\":{\"type\":\"number\"},\"unassigned_count\":"
                            + "{\"type\":\"number\"},\"all_count\":{\"type\":\"number\"}}},\"payload\":{\"$ref\":"
                            + "\"#/components/schemas/conversation_list/properties/data/properties/payload\"}}}",
                    "filter.json.jbuilder: {meta:{mine_count,unassigned_count,all_count}, payload}, no data wrapper"),
            new Correction(pathPointer("/api/v1/accounts/{account_id}/contacts", "post")
                    + "/responses/200/content/application~1json/schema",
                    "{\"type\":\"object\",\"required\":[\"payload\"],\"properties\":{\"payload\":{\"type\":"
                            + "\"object\",\"required\":[\"contact\"],\"properties\":{\"contact\":{\"$ref\":"
                            + "\"#/components/schemas/contact_list_item\"},\"contact_inbox\":{\"anyOf\":[{\"$ref\":"
                            + "\"#/components/schemas/contact_inboxes\"},{\"type\":\"null\"}]}}}}}",
                    "contacts/create.json.jbuilder: {payload:{contact, contact_inbox:{inbox, source_id}}}"),
            new Correction(pathPointer("/api/v1/accounts/{account_id}/conversations/{conversation_id}/assignments",
                    "post") + "/responses/200/content/application~1json/schema",
                    "{\"anyOf\":[{\"$ref\":\"#/components/schemas/agent\"},{\"$ref\":\"#/components/schemas/team\"},"
                            + "{\"type\":\"null\"}]}",
                    "assignments_controller renders the agent partial, the team record, or null when unassigned"),
            new Correction(pathPointer("/api/v1/accounts/{account_id}/conversations/{conversation_id}/messages", "get")
                    + "/responses/200/content/application~1json/schema/properties/meta/properties/assignee",
                    "{\"anyOf\":[{\"$ref\":\"#/components/schemas/agent\"},{\"type\":\"null\"}]}",
                    "messages/index.json.jbuilder renders @conversation.assignee, nil when unassigned"),
            new Correction(pathPointer("/api/v2/accounts/{account_id}/reports", "get")
                    + "/responses/200/content/application~1json/schema/items/properties/value/type", "\"number\"",
                    "count metrics are integers and averages floats in the v2 timeseries builders"));

    /** A call the client makes that swagger.json does not describe, with the API-NOTES.md line that documents it. */
    record Undocumented(String method, String path, String evidence) {
    }

    static final List<Undocumented> SPEC_LACKS = List.of(
            new Undocumented("PATCH", "/api/v1/accounts/{account_id}/conversations/{conversation_id}/messages/{id}",
                    "- **Delivery status:** `PATCH /api/v1/accounts/{a}/conversations/{c}/messages/{id} "
                            + "{status: sent|delivered|read|failed, external_error}`"),
            new Undocumented("POST", "/platform/api/v1/users/{id}/token",
                    "`POST /platform/api/v1/users/{id}/token` returns `{access_token, expiry:null, user{…}}` "
                            + "(v4.3.0, PR #11537; not in swagger.json)"));

    /** Query parameters the client sends that the spec's operation does not declare, with their evidence. */
    static final Map<String, String> EXTRA_QUERY_PARAMETERS = Map.of(
            "GET /api/v1/accounts/{account_id}/conversations source_id",
            "`source_id` (the contact_inbox source_id)",
            "GET /api/v1/accounts/{account_id}/conversations conversation_type",
            "`conversation_type` mention|participating|unattended",
            "GET /api/v1/accounts/{account_id}/conversations sort_by",
            "`sort_by` last_activity_at_desc (default)",
            "GET /api/v1/accounts/{account_id}/conversations/meta assignee_type",
            "**GET conversations/meta:** same params",
            "GET /api/v1/accounts/{account_id}/canned_responses search",
            "**canned_responses:** `GET ?search=` returns a bare array",
            "GET /api/v2/accounts/{account_id}/reports group_by",
            "&group_by=day|week|month|year|hour` returns a timeseries");

    static JsonNode spec;
    static final Map<String, Schema> SCHEMAS = new HashMap<>();
    static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

    @ChatwootWireMock.Server
    WireMockServer chatwoot;

    @Inject
    ChatwootClient client;

    @BeforeAll
    static void loadCorrectedSpec() throws IOException {
        spec = JSON.readTree(SpecFiles.text("chatwoot/swagger.json"));
        for (Correction correction : CORRECTIONS) {
            replace(spec, correction.pointer(), JSON.readTree(correction.replacement()));
        }
    }

    @Test
    void everyErratumIsAppliedAndStillDisagreesWithTheSpec() throws IOException {
        Set<String> listed = new LinkedHashSet<>();
        Matcher matcher = Pattern.compile("(?m)^- `([^`]+)`:").matcher(SpecFiles.text("chatwoot/SPEC-ERRATA.md"));
        while (matcher.find()) {
            listed.add(matcher.group(1));
        }
        JsonNode original = JSON.readTree(SpecFiles.text("chatwoot/swagger.json"));

        assertThat(CORRECTIONS).extracting(Correction::pointer).containsExactlyInAnyOrderElementsOf(listed);
        for (Correction correction : CORRECTIONS) {
            JsonNode before = original.at(correction.pointer());
            assertThat(before.isMissingNode()).as("%s is in swagger.json", correction.pointer()).isFalse();
            assertThat(before).as(correction.pointer()).isNotEqualTo(JSON.readTree(correction.replacement()));
        }
    }

    @Test
    void whatTheSpecLacksIsReallyMissingAndDocumentedInTheApiNotes() {
        String notes = SpecFiles.text("chatwoot/API-NOTES.md");
        for (Undocumented call : SPEC_LACKS) {
            assertThat(spec.path("paths").path(call.path()).path(call.method().toLowerCase()).isMissingNode())
                    .as("%s %s is not in swagger.json", call.method(), call.path()).isTrue();
            assertThat(notes).contains(call.evidence());
        }
        EXTRA_QUERY_PARAMETERS.forEach((parameter, evidence) -> assertThat(notes).as(parameter).contains(evidence));
    }

    @Test
    void everyRequestAndEveryAnswerMatchesTheSpec() throws IOException {
        chatwoot.resetAll();
        CircuitBreakerMaintenance.get().resetAll();
        callEveryEndpoint();

        List<ServeEvent> events = new ArrayList<>(chatwoot.getAllServeEvents());
        events.sort(Comparator.comparing(e -> e.getRequest().getLoggedDate()));
        List<String> problems = new ArrayList<>();
        Set<String> undocumentedSeen = new LinkedHashSet<>();
        for (ServeEvent event : events) {
            LoggedRequest request = event.getRequest();
            String method = request.getMethod().getName();
            String path = request.getUrl().split("\\?")[0];
            Optional<Undocumented> undocumented = SPEC_LACKS.stream()
                    .filter(u -> u.method().equals(method) && matches(u.path(), path)).findFirst();
            if (undocumented.isPresent()) {
                undocumentedSeen.add(undocumented.get().path());
                continue;
            }
            String template = specPath(method, path, request);
            if (template == null) {
                problems.add(method + " " + path + ": not in swagger.json and not listed in SPEC_LACKS");
                continue;
            }
            String where = method + " " + template;
            String operation = pathPointer(template, method.toLowerCase());
            problems.addAll(checkQuery(where, operation, request));
            problems.addAll(checkRequestBody(where, operation, request));
            problems.addAll(checkAnswer(where, operation, event.getResponse().getBodyAsString()));
        }

        assertThat(problems).isEmpty();
        assertThat(undocumentedSeen).containsExactlyInAnyOrderElementsOf(
                SPEC_LACKS.stream().map(Undocumented::path).toList());
        assertThat(uncalledApiMethods(events)).as("ChatwootApi methods the scenario did not reach").isEmpty();
    }

    @Test
    void theCheckRejectsShapesChatwootDoesNotUse() throws IOException {
        String conversationAnswer = pathPointer("/api/v1/accounts/{account_id}/conversations/{conversation_id}", "get")
                + "/responses/200/content/application~1json/schema";
        String priorityRequest = pathPointer(
                "/api/v1/accounts/{account_id}/conversations/{conversation_id}/toggle_priority", "post")
                + "/requestBody/content/application~1json/schema";
        JsonNode conversation = JSON.readTree(CannedAnswers.json("conversation"));
        ObjectNode webhookStyle = conversation.deepCopy();
        ((ObjectNode) webhookStyle.get("messages").get(0)).put("message_type", "outgoing");

        assertThat(validate("probe", conversationAnswer, conversation)).isEmpty();
        assertThat(validate("probe", conversationAnswer, webhookStyle)).isNotEmpty()
                .allSatisfy(error -> assertThat(error).contains("/messages/0/message_type"));
        assertThat(validate("probe", priorityRequest, JSON.readTree("{\"priority\":\"none\"}"))).isNotEmpty();
        assertThat(validate("probe", priorityRequest, JSON.readTree("{\"priority\":null}"))).isEmpty();
    }

    /** Calls every ChatwootClient endpoint once against canned answers (the client tests check what it sends). */
    private void callEveryEndpoint() {
        String account = "/api/v1/accounts/7";
        String reports = "/api/v2/accounts/7";
        UserToken agent = UserToken.of("agent2-token");
        chatwoot.stubFor(get(urlPathEqualTo(account + "/conversations")).willReturn(ok("conversations-list")));
        chatwoot.stubFor(get(urlPathEqualTo(account + "/conversations/meta")).willReturn(ok("conversations-meta")));
        chatwoot.stubFor(post(urlPathEqualTo(account + "/conversations/filter")).willReturn(ok("conversations-filter")));
        chatwoot.stubFor(get(account + "/conversations/27").willReturn(ok("conversation")));
        chatwoot.stubFor(post(account + "/conversations").willReturn(ok("conversation-created")));
        chatwoot.stubFor(post(account + "/conversations/27/toggle_status").willReturn(ok("toggle-status")));
        chatwoot.stubFor(post(account + "/conversations/27/toggle_priority").willReturn(aResponse().withStatus(200)));
        chatwoot.stubFor(post(account + "/conversations/27/assignments")
                .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.containing("assignee_id"))
                .willReturn(ok("assignment-agent")));
        chatwoot.stubFor(post(account + "/conversations/28/assignments")
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("null")));
        chatwoot.stubFor(post(account + "/conversations/27/assignments")
                .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.containing("team_id"))
                .willReturn(ok("assignment-team")));
        chatwoot.stubFor(get(account + "/conversations/27/labels").willReturn(ok("conversation-labels")));
        chatwoot.stubFor(post(account + "/conversations/27/labels").willReturn(ok("conversation-labels")));
        chatwoot.stubFor(get(urlPathEqualTo(account + "/conversations/27/messages")).willReturn(ok("messages-list")));
        chatwoot.stubFor(post(account + "/conversations/27/messages")
                .withHeader("Content-Type", com.github.tomakehurst.wiremock.client.WireMock.containing("multipart"))
                .willReturn(ok("message-with-attachment")));
        chatwoot.stubFor(post(account + "/conversations/27/messages")
                .withHeader("Content-Type", com.github.tomakehurst.wiremock.client.WireMock.containing("json"))
                .willReturn(ok("message-outgoing")));
        chatwoot.stubFor(patch(urlPathEqualTo(account + "/conversations/27/messages/1203"))
                .willReturn(ok("message-failed")));
        chatwoot.stubFor(get(urlPathEqualTo(account + "/contacts/search")).willReturn(ok("contacts-search")));
        chatwoot.stubFor(post(account + "/contacts").willReturn(ok("contact-created")));
        chatwoot.stubFor(get(account + "/contacts/42").willReturn(ok("contact")));
        chatwoot.stubFor(get(account + "/contacts/42/conversations").willReturn(ok("contact-conversations")));
        chatwoot.stubFor(post(account + "/contacts/42/contact_inboxes").willReturn(ok("contact-inbox")));
        chatwoot.stubFor(get(account + "/agents").willReturn(ok("agents")));
        chatwoot.stubFor(get(account + "/teams").willReturn(ok("teams")));
        chatwoot.stubFor(get(account + "/inboxes").willReturn(ok("inboxes")));
        chatwoot.stubFor(get(account + "/labels").willReturn(ok("labels")));
        chatwoot.stubFor(get(urlPathEqualTo(account + "/canned_responses")).willReturn(ok("canned-responses")));
        chatwoot.stubFor(get(urlPathEqualTo(reports + "/reports")).willReturn(ok("report-timeseries")));
        chatwoot.stubFor(get(urlPathEqualTo(reports + "/reports/summary")).willReturn(ok("report-summary")));
        chatwoot.stubFor(get(urlPathEqualTo(reports + "/summary_reports/agent")).willReturn(ok("agent-summary")));
        chatwoot.stubFor(get(urlPathEqualTo(reports + "/reports/conversations")).withQueryParam("type",
                equalTo("account")).willReturn(ok("conversation-metrics")));
        chatwoot.stubFor(get(urlPathEqualTo(reports + "/reports/conversations")).withQueryParam("type",
                equalTo("agent")).willReturn(ok("agent-conversation-metrics")));
        chatwoot.stubFor(get("/platform/api/v1/users/3").willReturn(ok("platform-user")));
        chatwoot.stubFor(post("/platform/api/v1/users/3/token").willReturn(ok("user-token")));

        Instant since = Instant.parse("2026-06-17T00:00:00Z");
        Instant until = Instant.parse("2026-06-18T00:00:00Z");
        client.listConversations(agent, ConversationQuery.of(ConversationStatus.OPEN, AssigneeType.ME).withInboxId(3L)
                .withTeamId(1L).withLabels(List.of("carte-bancaire")).withQ("carte")
                .withSourceId("whatsapp:+2250701020304").withConversationType("unattended")
                .withSortBy("waiting_since_asc").withPage(1));
        client.conversationCounts(ConversationQuery.of(ConversationStatus.ALL, AssigneeType.ALL).withInboxId(3L));
        client.filterConversations(List.of(FilterCondition.equalTo("status", "pending").and(),
                FilterCondition.equalTo("inbox_id", "3")), 1);
        client.getConversation(27);
        client.createConversation(new CreateConversationRequest("whatsapp:+2250701020304", 3L, 42L,
                ConversationStatus.OPEN, 3L, 1L, null, Map.of("channel", "whatsapp"), Map.of()));
        client.createConversation(new CreateConversationRequest("whatsapp:+2250701020304", null, null, null, null,
                null, Instant.parse("2026-06-18T08:00:00Z"), null, null));
        client.toggleStatus(27, ConversationStatus.SNOOZED, Instant.parse("2026-06-18T08:00:00Z"));
        client.toggleStatus(27, null, null);
        client.togglePriority(27, ConversationPriority.URGENT);
        client.togglePriority(27, null);
        client.assignAgent(27, 3L);
        client.unassign(28);
        client.assignTeam(27, 1L);
        client.conversationLabels(27);
        client.setConversationLabels(27, List.of("carte-bancaire", "urgent"));
        client.listMessages(27, 1203L, null);
        client.listMessages(27, null, 1202L);
        client.createMessage(27, CreateMessageRequest.incoming("Bonjour", "SM5a1e0f0c6b9d4c3e8f7a6b5c4d3e2f10"));
        client.createMessage(agent, 27, new CreateMessageRequest("Je vérifie", MessageType.OUTGOING, false, "text",
                Map.of("in_reply_to", 1202), null, "7c1f0d4e-2b9a-4e3c-8d5f-6a1b2c3d4e5f"));
        client.createMessage(27, CreateMessageRequest.privateNote("Envoi WhatsApp échoué : 63016"));
        client.createMessage(27, new CreateMessageRequest("Voici le reçu", MessageType.INCOMING, false, null,
                Map.of("media", "whatsapp"), "MM0f9e8d7c6b5a49382716f5e4d3c2b1a0", null),
                List.of(new AttachmentUpload("recu.jpg", "image/jpeg", new byte[] {(byte) 0xFF, (byte) 0xD8, 1})));
        client.updateMessageStatus(27, 1203, MessageStatus.FAILED, "63016: outside the 24h WhatsApp window");
        client.searchContacts("+2250701020304", 1);
        client.createContact(CreateContactRequest.whatsApp("Aya Kouassi", "+2250701020304", 3, "whatsapp:+2250701020304"));
        client.getContact(42);
        client.contactConversations(42);
        client.createContactInbox(42, 3, "whatsapp:+2250701020304");
        client.listAgents();
        client.listTeams();
        client.listInboxes();
        client.listLabels();
        client.listCannedResponses("bonj");
        client.report(ReportQuery.account(since, until).withMetric("conversations_count").withGroupBy("day"));
        client.reportSummary(ReportQuery.account(since, until));
        client.agentSummaryReport(since, until);
        client.conversationMetrics();
        client.agentConversationMetrics();
        client.platformUser(3);
        client.createUserToken(3);
    }

    // ---------------------------------------------------------------- checks

    private List<String> checkQuery(String where, String operation, LoggedRequest request) {
        Set<String> declared = new LinkedHashSet<>();
        JsonNode pathItem = spec.at(operation.substring(0, operation.lastIndexOf('/')));
        for (JsonNode parameters : List.of(spec.at(operation + "/parameters"), pathItem.path("parameters"))) {
            for (JsonNode parameter : parameters) {
                JsonNode resolved = parameter.has("$ref") ? spec.at(parameter.get("$ref").asText().substring(1))
                        : parameter;
                if ("query".equals(resolved.path("in").asText())) {
                    declared.add(resolved.path("name").asText());
                }
            }
        }
        List<String> problems = new ArrayList<>();
        for (String name : request.getQueryParams().keySet()) {
            String specName = name.endsWith("[]") ? name.substring(0, name.length() - 2) : name; // Rails arrays
            if (!declared.contains(specName) && !EXTRA_QUERY_PARAMETERS.containsKey(where + " " + name)) {
                problems.add(where + ": query parameter " + name + " is neither in the spec nor documented");
            }
        }
        return problems;
    }

    private List<String> checkRequestBody(String where, String operation, LoggedRequest request) throws IOException {
        String contentType = Optional.ofNullable(request.getHeader("Content-Type")).orElse("");
        JsonNode content = spec.at(operation + "/requestBody/content");
        if (request.getBody().length == 0) {
            return spec.at(operation + "/requestBody/required").asBoolean(false)
                    ? List.of(where + ": sent no body, the spec requires one") : List.of();
        }
        if (contentType.startsWith("multipart/form-data")) {
            String pointer = operation + "/requestBody/content/multipart~1form-data/schema";
            return validate(where + " (multipart)", pointer, formAsJson(request, spec.at(pointer)));
        }
        if (!content.has("application/json")) {
            return List.of(where + ": sent a JSON body the spec does not describe");
        }
        return validate(where + " request", operation + "/requestBody/content/application~1json/schema",
                JSON.readTree(request.getBodyAsString()));
    }

    private List<String> checkAnswer(String where, String operation, String body) throws IOException {
        String pointer = operation + "/responses/200/content/application~1json/schema";
        if (spec.at(pointer).isMissingNode()) {
            return body.isEmpty() ? List.of() : List.of(where + ": the spec describes no body for the 200 answer");
        }
        return validate(where + " answer", pointer, JSON.readTree(body));
    }

    private static List<String> validate(String where, String pointer, JsonNode instance) {
        Schema schema = SCHEMAS.computeIfAbsent(pointer, p -> {
            ObjectNode document = spec.deepCopy();
            document.put("$ref", "#" + p);
            return REGISTRY.getSchema(document);
        });
        return schema.validate(instance).stream().map(error -> where + ": " + error).toList();
    }

    /** Form fields as the JSON they stand for, read with the types the spec gives them. */
    private static JsonNode formAsJson(LoggedRequest request, JsonNode schema) throws IOException {
        ObjectNode form = JsonNodeFactory.instance.objectNode();
        for (Request.Part part : request.getParts()) {
            JsonNode type = schema.path("properties").path(part.getName()).path("type");
            String value = part.getBody().asString();
            switch (type.asText()) {
                case "boolean" -> form.put(part.getName(), Boolean.parseBoolean(value));
                case "object" -> form.set(part.getName(), JSON.readTree(value));
                case "array" -> ((ArrayNode) (form.has(part.getName()) ? form.get(part.getName())
                        : form.putArray(part.getName()))).add(part.getFileName() == null ? value : part.getFileName());
                default -> form.put(part.getName(), value);
            }
        }
        return form;
    }

    // ---------------------------------------------------------------- paths

    /** The spec path a request hits: literal segments win over placeholders (conversations/meta, not {id}). */
    private static String specPath(String method, String path, LoggedRequest request) {
        String found = null;
        int fewestPlaceholders = Integer.MAX_VALUE;
        for (Iterator<String> paths = spec.path("paths").fieldNames(); paths.hasNext(); ) {
            String template = paths.next();
            int placeholders = template.split("\\{", -1).length - 1;
            if (matches(template, path) && spec.path("paths").path(template).has(method.toLowerCase())
                    && placeholders < fewestPlaceholders) {
                found = template;
                fewestPlaceholders = placeholders;
            }
        }
        // swagger.json documents reports/conversations?type=agent under the same route with a trailing slash
        if (found != null && found.endsWith("/reports/conversations") && request.queryParameter("type").isPresent()
                && request.queryParameter("type").firstValue().equals("agent")) {
            return found + "/";
        }
        return found;
    }

    private static boolean matches(String template, String path) {
        String regex = Arrays.stream(template.split("/", -1))
                .map(segment -> segment.startsWith("{") ? "[^/]+" : Pattern.quote(segment))
                .collect(Collectors.joining("/"));
        return path.matches(regex);
    }

    private static Set<String> uncalledApiMethods(List<ServeEvent> events) {
        Set<String> uncalled = new LinkedHashSet<>();
        for (Method method : ChatwootApi.class.getDeclaredMethods()) {
            String verb = method.isAnnotationPresent(GET.class) ? HttpMethod.GET
                    : method.isAnnotationPresent(POST.class) ? HttpMethod.POST
                    : method.isAnnotationPresent(PATCH.class) ? HttpMethod.PATCH : null;
            if (verb == null) {
                continue;
            }
            String template = method.getAnnotation(Path.class).value();
            boolean called = events.stream().anyMatch(e -> e.getRequest().getMethod().getName().equals(verb)
                    && matches(template, e.getRequest().getUrl().split("\\?")[0]));
            if (!called) {
                uncalled.add(method.getName());
            }
        }
        return uncalled;
    }

    static String pathPointer(String path, String method) {
        return "/paths/" + path.replace("~", "~0").replace("/", "~1") + "/" + method;
    }

    private static void replace(JsonNode root, String pointer, JsonNode value) {
        int cut = pointer.lastIndexOf('/');
        JsonNode parent = root.at(pointer.substring(0, cut));
        String field = pointer.substring(cut + 1).replace("~1", "/").replace("~0", "~");
        if (!(parent instanceof ObjectNode object) || !object.has(field)) {
            throw new UncheckedIOException(new IOException("SPEC-ERRATA pointer not in swagger.json: " + pointer));
        }
        object.set(field, value);
    }
}
