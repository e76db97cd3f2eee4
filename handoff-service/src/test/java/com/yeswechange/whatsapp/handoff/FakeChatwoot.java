package com.yeswechange.whatsapp.handoff;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stateful stand-in for the Chatwoot calls the router makes (contacts search/create, a contact's conversations,
 * conversation create/toggle_status, messages list/create), served by WireMock so every request is also in its
 * journal. Failure switches: the next N calls answer 503, message creation stored-but-answered-503, conversations
 * whose messages are refused with 422. Also serves Twilio media (Basic auth) and a Studio webhook.
 */
public class FakeChatwoot implements QuarkusTestResourceLifecycleManager {

    public static final String TWILIO_SID = "AC39921c4800568151c46ef9cc4c2e5d50";
    public static final String TWILIO_TOKEN = "test_auth_token_0123456789abcdef";
    public static final long INBOX = 3;

    public static final State STATE = new State();
    public static WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(WireMockConfiguration.options().dynamicPort().extensions(new Transformer()));
        server.start();
        server.stubFor(any(urlPathMatching("/api/v1/.*")).atPriority(10)
                .willReturn(aResponse().withTransformers("fake-chatwoot")));
        server.stubFor(get(urlPathMatching("/media/.*")).atPriority(1)
                .withBasicAuth(TWILIO_SID, TWILIO_TOKEN)
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "image/jpeg")
                        .withBody(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0x01, 0x02})));
        server.stubFor(get(urlPathMatching("/media/.*")).atPriority(2).willReturn(aResponse().withStatus(401)));
        server.stubFor(post(urlPathEqualTo("/studio/webhook")).willReturn(aResponse().withStatus(200)));
        server.stubFor(any(anyUrl()).atPriority(100).willReturn(aResponse().withStatus(404)));
        return Map.of("chatwoot.base-url", server.baseUrl(),
                "handoff.router.studio-webhook-url", server.baseUrl() + "/studio/webhook");
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }

    public static String mediaUrl(String mediaSid) {
        return server.baseUrl() + "/media/" + mediaSid;
    }

    /** Chatwoot's data, as the router left it. */
    public static final class State {
        private final ObjectMapper json = new ObjectMapper();
        private final AtomicLong ids = new AtomicLong(5000);
        public final Map<Long, ObjectNode> contacts = new ConcurrentHashMap<>();
        public final Map<Long, ObjectNode> conversations = new ConcurrentHashMap<>();
        public final Map<Long, List<ObjectNode>> messages = new ConcurrentHashMap<>();
        /** The next N Chatwoot calls answer 503 without doing anything. */
        public final AtomicInteger unavailableCalls = new AtomicInteger();
        /** The next N message creations are stored but answered 503 (the answer is lost). */
        public final AtomicInteger lostMessageAnswers = new AtomicInteger();
        /** Conversations whose new messages Chatwoot refuses (422). */
        public final Set<Long> refusingConversations = ConcurrentHashMap.newKeySet();

        public synchronized long addContact(String name, String phone) {
            long id = ids.incrementAndGet();
            ObjectNode contact = json.createObjectNode().put("id", id).put("name", name).put("phone_number", phone);
            contacts.put(id, contact);
            return id;
        }

        public synchronized long addConversation(long contactId, String status) {
            long id = ids.incrementAndGet();
            conversations.put(id, json.createObjectNode().put("id", id).put("inbox_id", INBOX)
                    .put("status", status).put("contact_id", contactId));
            messages.put(id, new ArrayList<>());
            return id;
        }

        public synchronized List<ObjectNode> conversationsOf(long contactId) {
            return conversations.values().stream().filter(c -> c.get("contact_id").asLong() == contactId).toList();
        }

        public synchronized Long contactByPhone(String phone) {
            return contacts.values().stream().filter(c -> phone.equals(c.path("phone_number").asText()))
                    .map(c -> c.get("id").asLong()).findFirst().orElse(null);
        }

        public synchronized List<ObjectNode> messagesOf(long conversationId) {
            return List.copyOf(messages.getOrDefault(conversationId, List.of()));
        }

        public synchronized List<ObjectNode> messagesWithSourceId(String sourceId) {
            return messages.values().stream().flatMap(List::stream)
                    .filter(m -> sourceId.equals(m.path("source_id").asText(null))).toList();
        }

        synchronized ResponseDefinition handle(Request request) throws Exception {
            if (unavailableCalls.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                return status(503, "{\"error\":\"down\"}");
            }
            String path = request.getUrl().split("\\?", 2)[0];
            String method = request.getMethod().getName();
            Matcher m;
            if (method.equals("GET") && path.equals("/api/v1/accounts/1/contacts/search")) {
                String q = request.queryParameter("q").firstValue();
                ArrayNode payload = json.createArrayNode();
                contacts.values().stream().filter(c -> c.path("phone_number").asText().contains(q))
                        .forEach(payload::add);
                return ok(json.createObjectNode().set("payload", payload));
            }
            if (method.equals("POST") && path.equals("/api/v1/accounts/1/contacts")) {
                JsonNode body = json.readTree(request.getBodyAsString());
                long id = addContact(body.path("name").asText(), body.path("phone_number").asText());
                ObjectNode payload = json.createObjectNode();
                payload.set("contact", contacts.get(id));
                payload.set("contact_inbox", json.createObjectNode().put("source_id", body.path("source_id").asText()));
                return ok(json.createObjectNode().set("payload", payload));
            }
            if (method.equals("GET") && (m = match("/api/v1/accounts/1/contacts/(\\d+)/conversations", path)) != null) {
                ArrayNode payload = json.createArrayNode();
                conversationsOf(Long.parseLong(m.group(1))).forEach(payload::add);
                return ok(json.createObjectNode().set("payload", payload));
            }
            if (method.equals("POST") && path.equals("/api/v1/accounts/1/conversations")) {
                JsonNode body = json.readTree(request.getBodyAsString());
                long id = addConversation(body.path("contact_id").asLong(), body.path("status").asText("open"));
                return ok(conversations.get(id));
            }
            if (method.equals("POST")
                    && (m = match("/api/v1/accounts/1/conversations/(\\d+)/toggle_status", path)) != null) {
                ObjectNode conversation = conversations.get(Long.parseLong(m.group(1)));
                String status = json.readTree(request.getBodyAsString()).path("status").asText();
                conversation.put("status", status);
                return ok(json.createObjectNode().set("payload", json.createObjectNode().put("success", true)
                        .put("conversation_id", conversation.get("id").asLong()).put("current_status", status)));
            }
            if ((m = match("/api/v1/accounts/1/conversations/(\\d+)/messages", path)) != null) {
                long conversationId = Long.parseLong(m.group(1));
                if (method.equals("GET")) {
                    ArrayNode payload = json.createArrayNode();
                    List<ObjectNode> all = messagesOf(conversationId);
                    all.subList(Math.max(0, all.size() - 20), all.size()).forEach(payload::add);
                    return ok(json.createObjectNode().set("payload", payload));
                }
                if (refusingConversations.contains(conversationId)) {
                    return status(422, "{\"message\":\"refused by the test\"}");
                }
                ObjectNode message = readMessage(request).put("id", ids.incrementAndGet())
                        .put("conversation_id", conversationId);
                messages.computeIfAbsent(conversationId, k -> new ArrayList<>()).add(message);
                if (lostMessageAnswers.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                    return status(503, "{\"error\":\"answer lost\"}");
                }
                return ok(message);
            }
            return status(404, "{\"error\":\"not faked: " + method + " " + path + "\"}");
        }

        /** A message from a JSON or multipart body; attachments are counted. */
        private ObjectNode readMessage(Request request) throws Exception {
            if (request.isMultipart()) {
                ObjectNode message = json.createObjectNode();
                int attachments = 0;
                for (Request.Part part : request.getParts()) {
                    if (part.getName().equals("attachments[]")) {
                        attachments++;
                        message.put("attachment_type", part.getHeader("Content-Type").firstValue());
                    } else {
                        message.put(part.getName(), new String(part.getBody().asBytes(), StandardCharsets.UTF_8));
                    }
                }
                return message.put("attachment_count", attachments);
            }
            return (ObjectNode) json.readTree(request.getBodyAsString());
        }

        public synchronized void reset() {
            unavailableCalls.set(0);
            lostMessageAnswers.set(0);
            refusingConversations.clear();
        }

        private ResponseDefinition ok(JsonNode body) {
            return status(200, body.toString());
        }

        private static ResponseDefinition status(int status, String body) {
            return new ResponseDefinitionBuilder().withStatus(status).withHeader("Content-Type", "application/json")
                    .withBody(body).build();
        }

        private static Matcher match(String regex, String path) {
            Matcher m = Pattern.compile(regex).matcher(path);
            return m.matches() ? m : null;
        }
    }

    static final class Transformer implements ResponseDefinitionTransformerV2 {
        @Override
        public ResponseDefinition transform(ServeEvent serveEvent) {
            try {
                return STATE.handle(serveEvent.getRequest());
            } catch (Exception e) {
                return new ResponseDefinitionBuilder().withStatus(500).withBody(e.toString()).build();
            }
        }

        @Override
        public boolean applyGlobally() {
            return false;
        }

        @Override
        public String getName() {
            return "fake-chatwoot";
        }
    }
}
