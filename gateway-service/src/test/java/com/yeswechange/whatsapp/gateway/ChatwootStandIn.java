package com.yeswechange.whatsapp.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Chatwoot (and reporting-service) for the gateway's tests: a WireMock server on a free port with a small account.
 * Users: admin (1), agent1 (2), agent2 (3), supervisor1 (5). Conversations: 101 assigned to agent1, 102 unassigned,
 * 103 assigned to agent2. Each agent's own token is {@code token-<user id>}; the account token is
 * {@value #ACCOUNT_TOKEN}. Messages written with a token get that token's user as sender, as Chatwoot does.
 */
public class ChatwootStandIn implements QuarkusTestResourceLifecycleManager {

    public static final String ACCOUNT_TOKEN = "account-token-secret";
    public static final String PLATFORM_TOKEN = "platform-token-secret";
    public static final String ACCOUNT = "/api/v1/accounts/1";
    public static final long AGENT1 = 2;
    public static final long AGENT2 = 3;
    public static final long SUPERVISOR1 = 5;

    static WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        server.start();
        stubAccount();
        String url = "http://localhost:" + server.port();
        return Map.of(
                "chatwoot.base-url", url,
                "chatwoot.api-token", ACCOUNT_TOKEN,
                "chatwoot.platform-token", PLATFORM_TOKEN,
                "chatwoot.account-id", "1",
                "chatwoot.whatsapp-inbox-id", "3",
                "quarkus.rest-client.reporting.url", url + "/reporting");
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }

    public static WireMockServer server() {
        return server;
    }

    /** Back to the account below, with no request recorded. */
    public static void reset() {
        server.resetAll();
        stubAccount();
    }

    static void stubAccount() {
        server.stubFor(get(urlPathEqualTo(ACCOUNT + "/agents")).willReturn(okJson("""
                [%s, %s, %s, %s]""".formatted(
                agent(1, "Admin YesWeChange", "admin@yeswechange.ci", "administrator"),
                agent(AGENT1, "Agent Un", "agent1@yeswechange.ci", "agent"),
                agent(AGENT2, "Agent Deux", "agent2@yeswechange.ci", "agent"),
                agent(SUPERVISOR1, "Superviseur Un", "supervisor1@yeswechange.ci", "administrator")))));
        for (long id : new long[] {1, AGENT1, AGENT2, SUPERVISOR1}) {
            server.stubFor(get(urlPathEqualTo("/platform/api/v1/users/" + id))
                    .withHeader("api_access_token", equalTo(PLATFORM_TOKEN))
                    .willReturn(okJson("""
                            {"id": %d, "name": "user %d", "email": "u%d@yeswechange.ci", "access_token": "token-%d",
                             "pubsub_token": "pubsub-%d"}""".formatted(id, id, id, id, id))));
        }
        stubConversation(101, AGENT1);
        stubConversation(102, null);
        stubConversation(103, AGENT2);
        server.stubFor(get(urlPathEqualTo(ACCOUNT + "/conversations")).willReturn(okJson("""
                {"data": {"meta": {"mine_count": 0, "assigned_count": 2, "unassigned_count": 1, "all_count": 3},
                          "payload": [%s]}}""".formatted(conversation(102, null)))));
        server.stubFor(post(urlPathEqualTo(ACCOUNT + "/conversations/filter")).willReturn(okJson("""
                {"meta": {"mine_count": 0, "unassigned_count": 1, "all_count": 1}, "payload": [%s]}"""
                .formatted(conversation(101, AGENT1)))));
        // a message written with a token is that token's user's; the account token is the admin's
        for (long id : new long[] {1, AGENT1, AGENT2, SUPERVISOR1}) {
            String token = id == 1 ? ACCOUNT_TOKEN : "token-" + id;
            server.stubFor(post(urlPathMatching(ACCOUNT + "/conversations/\\d+/messages"))
                    .withHeader("api_access_token", equalTo(token))
                    .willReturn(okJson("""
                            {"id": 9000, "content": "ok", "conversation_id": 101, "message_type": 1,
                             "private": false, "created_at": 1767225600, "status": "sent",
                             "sender": {"id": %d, "name": "user %d", "available_name": "user %d", "type": "user"},
                             "attachments": []}""".formatted(id, id, id))));
        }
        server.stubFor(post(urlPathMatching(ACCOUNT + "/conversations/\\d+/toggle_status")).willReturn(okJson("""
                {"meta": {}, "payload": {"success": true, "conversation_id": 101, "current_status": "resolved",
                 "snoozed_until": null}}""")));
        server.stubFor(post(urlPathMatching(ACCOUNT + "/conversations/\\d+/toggle_priority"))
                .willReturn(aResponse().withStatus(200)));
        server.stubFor(post(urlPathMatching(ACCOUNT + "/conversations/\\d+/assignments"))
                .willReturn(okJson(agent(AGENT1, "Agent Un", "agent1@yeswechange.ci", "agent"))));
        server.stubFor(post(urlPathMatching(ACCOUNT + "/conversations/\\d+/labels"))
                .willReturn(okJson("{\"payload\": [\"vip\"]}")));
        server.stubFor(get(urlPathEqualTo(ACCOUNT + "/contacts/search")).willReturn(okJson("""
                {"meta": {"count": 1, "current_page": 1, "has_more": false}, "payload": [%s]}"""
                .formatted(contact(701)))));
        server.stubFor(get(urlPathEqualTo(ACCOUNT + "/contacts/701")).willReturn(okJson("""
                {"payload": %s}""".formatted(contact(701)))));
        server.stubFor(get(urlPathEqualTo(ACCOUNT + "/contacts/701/conversations")).willReturn(okJson("""
                {"payload": [%s, %s, %s]}""".formatted(conversation(101, AGENT1), conversation(102, null),
                conversation(103, AGENT2)))));
        server.stubFor(post(urlPathEqualTo(ACCOUNT + "/contacts")).willReturn(okJson("""
                {"payload": {"contact": %s, "contact_inbox": {"source_id": "whatsapp:+2250701020304"}}}"""
                .formatted(contact(702)))));
        server.stubFor(get(urlPathEqualTo(ACCOUNT + "/canned_responses")).willReturn(okJson("""
                [{"id": 1, "short_code": "bonjour", "content": "Bonjour, comment puis-je vous aider ?"},
                 {"id": 2, "short_code": "merci", "content": "Merci de votre patience"}]""")));
        server.stubFor(get(urlPathEqualTo(ACCOUNT + "/labels")).willReturn(okJson("""
                {"payload": [{"id": 1, "title": "vip", "description": "", "color": "#ff0000"}]}""")));
        server.stubFor(get(urlPathEqualTo(ACCOUNT + "/teams")).willReturn(okJson("""
                [{"id": 1, "name": "ventes"}]""")));
        server.stubFor(get(urlPathEqualTo("/api/v2/accounts/1/reports/summary")).willReturn(okJson("""
                {"conversations_count": 12, "incoming_messages_count": 40, "outgoing_messages_count": 38,
                 "avg_first_response_time": 95.0, "avg_resolution_time": 1800.0, "resolutions_count": 9,
                 "reply_time": 60.0}""")));
        server.stubFor(get(urlPathEqualTo("/api/v2/accounts/1/summary_reports/agent")).willReturn(okJson("""
                [{"id": 2, "conversations_count": 7, "resolved_conversations_count": 5, "avg_resolution_time": 1500.0,
                  "avg_first_response_time": 80.0, "avg_reply_time": 50.0}]""")));
    }

    static void stubConversation(long id, Long assignee) {
        server.stubFor(get(urlPathEqualTo(ACCOUNT + "/conversations/" + id))
                .willReturn(okJson(conversation(id, assignee))));
        server.stubFor(get(urlPathEqualTo(ACCOUNT + "/conversations/" + id + "/messages")).willReturn(okJson("""
                {"meta": {"labels": [], "contact": %s}, "payload": [
                  {"id": %d1, "content": "Bonjour, j'ai besoin d'aide", "conversation_id": %d, "message_type": 0,
                   "private": false, "created_at": 1767225600, "sender": {"id": 701, "name": "Awa Koné", "type": "contact"},
                   "attachments": []},
                  {"id": %d2, "content": "Je regarde", "conversation_id": %d, "message_type": 1,
                   "private": false, "created_at": 1767225660, "status": "delivered",
                   "sender": {"id": 2, "name": "Agent Un", "type": "user"}, "attachments": []}]}"""
                .formatted(contact(701), id, id, id, id))));
        server.stubFor(get(urlPathEqualTo(ACCOUNT + "/conversations/" + id + "/messages"))
                .withQueryParam("after", matching("\\d+"))
                .willReturn(okJson("""
                        {"meta": {}, "payload": [
                          {"id": %d3, "content": "Vous êtes là ?", "conversation_id": %d, "message_type": 0,
                           "private": false, "created_at": 1767225720,
                           "sender": {"id": 701, "name": "Awa Koné", "type": "contact"}, "attachments": []}]}"""
                        .formatted(id, id))));
    }

    static String agent(long id, String name, String email, String role) {
        return """
                {"id": %d, "account_id": 1, "availability_status": "online", "confirmed": true, "email": "%s",
                 "available_name": "%s", "name": "%s", "role": "%s", "thumbnail": ""}"""
                .formatted(id, email, name, name, role);
    }

    static String contact(long id) {
        return """
                {"id": %d, "name": "Awa Koné", "phone_number": "+2250701020304", "email": null,
                 "identifier": null, "thumbnail": "", "created_at": 1767225000}""".formatted(id);
    }

    static String conversation(long id, Long assignee) {
        String assigneeJson = assignee == null ? "null"
                : agent(assignee, "agent " + assignee, "a" + assignee + "@yeswechange.ci", "agent");
        return """
                {"id": %d, "account_id": 1, "inbox_id": 3, "status": "open", "priority": null,
                 "meta": {"sender": %s, "channel": "Channel::Api", "assignee": %s, "team": null},
                 "messages": [], "labels": [], "unread_count": 1, "created_at": 1767225600,
                 "last_activity_at": 1767225660, "timestamp": 1767225660}""".formatted(id, contact(701), assigneeJson);
    }
}
