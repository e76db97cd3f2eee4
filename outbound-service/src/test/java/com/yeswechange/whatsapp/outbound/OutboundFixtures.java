package com.yeswechange.whatsapp.outbound;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.yeswechange.whatsapp.events.ChatwootEvent;
import com.yeswechange.whatsapp.events.EventJson;
import com.yeswechange.whatsapp.testsupport.SpecFiles;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.ProducerRecord;

/** Events, stand-in answers and checks shared by the component tests. */
final class OutboundFixtures {

    static final String ACCOUNT_SID = "ACd42548387317631745a9084a2bc8f824";
    static final String FROM = "whatsapp:+2252722405060";
    static final long INBOX = 3;
    static final String MESSAGES_PATH = "/2010-04-01/Accounts/" + ACCOUNT_SID + "/Messages.json";
    private static final DateTimeFormatter RFC_2822 =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss Z", Locale.US).withZone(ZoneOffset.UTC);
    private static final AtomicLong IDS = new AtomicLong(ThreadLocalRandom.current().nextLong(1_000, 1_000_000) * 1000);

    private OutboundFixtures() {
    }

    static long nextId() {
        return IDS.incrementAndGet();
    }

    /** A unique Ivorian mobile number per test. */
    static String nextPhone() {
        return "+22507" + String.format("%08d", nextId() % 100_000_000);
    }

    static String sid() {
        StringBuilder hex = new StringBuilder("SM");
        for (int i = 0; i < 32; i++) {
            hex.append(Integer.toHexString(ThreadLocalRandom.current().nextInt(16)));
        }
        return hex.toString();
    }

    static ChatwootEvent.Message outgoing(long id, String content, List<ChatwootEvent.Attachment> attachments) {
        return new ChatwootEvent.Message(id, content, "outgoing", false, "text", null, "User", 2L, "sent",
                attachments, Instant.now());
    }

    static ChatwootEvent messageEvent(long conversationId, String phone, long inbox, ChatwootEvent.Message message) {
        return new ChatwootEvent(1, "delivery-" + nextId(), ChatwootEvent.MESSAGE_CREATED, 1L, inbox, conversationId,
                "open", 2L, message, new ChatwootEvent.Contact(10L, "Awa Koné", phone, "whatsapp:" + phone),
                Instant.now(), Instant.now());
    }

    static ChatwootEvent reply(long conversationId, String phone, long messageId, String content) {
        return messageEvent(conversationId, phone, INBOX, outgoing(messageId, content, List.of()));
    }

    static ChatwootEvent resolved(long conversationId, String phone, String deliveryId) {
        return new ChatwootEvent(1, deliveryId, ChatwootEvent.CONVERSATION_STATUS_CHANGED, 1L, INBOX,
                conversationId, "resolved", 2L, null,
                new ChatwootEvent.Contact(10L, "Awa Koné", phone, "whatsapp:" + phone), Instant.now(), Instant.now());
    }

    static void publish(KafkaCompanion kafka, String topic, String key, Object event) {
        kafka.produceStrings().fromRecords(new ProducerRecord<>(topic, key, EventJson.write(event)))
                .awaitCompletion();
    }

    // ------------------------------------------------------------------ stand-in answers

    /** Chatwoot: the customer wrote {@code lastInbound}; notes and status updates are accepted. */
    static void chatwootConversation(WireMockServer server, long conversationId, Instant lastInbound) {
        String base = "/api/v1/accounts/1/conversations/" + conversationId;
        server.stubFor(get(urlPathEqualTo(base + "/messages")).willReturn(okJson("""
                {"meta":{},"payload":[{"id":1,"content":"Bonjour","message_type":0,"created_at":%d,"private":false,
                "status":"sent","conversation_id":%d}]}""".formatted(lastInbound.getEpochSecond(), conversationId))));
        server.stubFor(post(urlPathEqualTo(base + "/messages")).willReturn(okJson("""
                {"id":%d,"content":"note","message_type":1,"private":true,"conversation_id":%d}"""
                .formatted(nextId(), conversationId))));
        server.stubFor(patch(urlPathMatching(base + "/messages/\\d+")).willReturn(okJson("""
                {"id":1,"message_type":1,"conversation_id":%d}""".formatted(conversationId))));
    }

    /** Twilio accepts every message to {@code phone}, answering a fresh sid each time. */
    static void twilioAccepts(WireMockServer server, String phone) {
        server.stubFor(post(urlPathEqualTo(MESSAGES_PATH))
                .withRequestBody(containing("To=" + encoded("whatsapp:" + phone)))
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                        .withBody(messageJson("SM{{randomValue length=32 type='HEXADECIMAL' uppercase=false}}",
                                phone, "", Instant.now()))
                        .withTransformers("response-template")));
    }

    /** Twilio's message list for {@code phone} holds these messages (newest first), as JSON objects. */
    static void twilioLists(WireMockServer server, String phone, String... messages) {
        server.stubFor(get(urlPathEqualTo(MESSAGES_PATH))
                .withQueryParam("To", equalTo("whatsapp:" + phone))
                .willReturn(okJson("""
                        {"messages":[%s],"end":0,"first_page_uri":"%s?PageSize=50&Page=0","next_page_uri":null,
                        "page":0,"page_size":50,"previous_page_uri":null,"start":0,"uri":"%s?PageSize=50&Page=0"}"""
                        .formatted(String.join(",", messages), MESSAGES_PATH, MESSAGES_PATH))));
    }

    static String messageJson(String sid, String phone, String body, Instant created) {
        return """
                {"sid":"%s","account_sid":"%s","to":"whatsapp:%s","from":"%s","body":"%s","status":"queued",
                "direction":"outbound-api","date_created":"%s","date_updated":"%s","date_sent":null,
                "num_media":"0","num_segments":"1","api_version":"2010-04-01","error_code":null,
                "uri":"/2010-04-01/Accounts/%s/Messages/%s.json"}"""
                .formatted(sid, ACCOUNT_SID, phone, FROM, body, RFC_2822.format(created), RFC_2822.format(created),
                        ACCOUNT_SID, sid);
    }

    static String twilioError(int code, int status, String message) {
        return """
                {"code":%d,"message":"%s","more_info":"https://www.twilio.com/docs/errors/%d","status":%d}"""
                .formatted(code, message, code, status);
    }

    static String encoded(String value) {
        return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    // ------------------------------------------------------------------ what reached the stand-ins

    /** The Messages.create calls made for {@code phone}, as decoded form parameters. */
    static List<Map<String, List<String>>> twilioSends(WireMockServer server, String phone) {
        List<Map<String, List<String>>> sends = new ArrayList<>();
        for (LoggedRequest request : server.findAll(postRequestedFor(urlPathEqualTo(MESSAGES_PATH))
                .withRequestBody(containing("To=" + encoded("whatsapp:" + phone))))) {
            sends.add(form(request.getBodyAsString()));
        }
        return sends;
    }

    static int twilioLookups(WireMockServer server, String phone) {
        return server.findAll(com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(
                urlPathEqualTo(MESSAGES_PATH)).withQueryParam("To", equalTo("whatsapp:" + phone))).size();
    }

    static List<LoggedRequest> chatwootNotes(WireMockServer server, long conversationId) {
        return server.findAll(postRequestedFor(
                urlPathEqualTo("/api/v1/accounts/1/conversations/" + conversationId + "/messages")));
    }

    static List<LoggedRequest> chatwootStatusUpdates(WireMockServer server, long conversationId, long messageId) {
        return server.findAll(com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor(
                urlPathEqualTo("/api/v1/accounts/1/conversations/" + conversationId + "/messages/" + messageId)));
    }

    static Map<String, List<String>> form(String body) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            params.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
        return params;
    }

    // ------------------------------------------------------------------ the Twilio spec

    private static Set<String> createMessageParameters;
    private static List<String> createMessageRequired;

    /** Every Messages.create request must use only parameter names the Twilio spec defines, and its required ones. */
    static void assertValidCreateMessage(Map<String, List<String>> params) {
        loadSpec();
        assertThat(createMessageParameters).containsAll(params.keySet());
        assertThat(params.keySet()).containsAll(createMessageRequired);
    }

    private static synchronized void loadSpec() {
        if (createMessageParameters != null) {
            return;
        }
        try {
            JsonNode spec = EventJson.mapper().readTree(SpecFiles.bytes("twilio/twilio_api_v2010.json"));
            JsonNode schema = spec.path("paths").path("/2010-04-01/Accounts/{AccountSid}/Messages.json")
                    .path("post").path("requestBody").path("content")
                    .path("application/x-www-form-urlencoded").path("schema");
            Set<String> names = new HashSet<>();
            schema.path("properties").fieldNames().forEachRemaining(names::add);
            List<String> required = new ArrayList<>();
            schema.path("required").forEach(node -> required.add(node.asText()));
            assertThat(names).as("Messages.create parameters in the spec").contains("To", "Body", "MediaUrl");
            createMessageParameters = names;
            createMessageRequired = required;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Everything WireMock did not match returns 404 (never a silent success). */
    static void unmatchedIsNotFound(WireMockServer server) {
        server.stubFor(any(urlMatching(".*")).atPriority(10).willReturn(aResponse().withStatus(404)));
    }
}
