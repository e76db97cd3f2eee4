package com.yeswechange.whatsapp.reporting.rest;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.yeswechange.whatsapp.reporting.TestEvents.agentReply;
import static com.yeswechange.whatsapp.reporting.TestEvents.conversationCreated;
import static com.yeswechange.whatsapp.reporting.TestEvents.customerMessage;
import static com.yeswechange.whatsapp.reporting.TestEvents.dispatch;
import static com.yeswechange.whatsapp.reporting.TestEvents.handoff;
import static com.yeswechange.whatsapp.reporting.TestEvents.incoming;
import static com.yeswechange.whatsapp.reporting.TestEvents.status;
import static com.yeswechange.whatsapp.reporting.TestEvents.statusChanged;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.yeswechange.whatsapp.events.ChatwootEvent;
import com.yeswechange.whatsapp.events.DispatchEvent.Outcome;
import com.yeswechange.whatsapp.events.EventJson;
import com.yeswechange.whatsapp.events.Topics;
import com.yeswechange.whatsapp.reporting.ChatwootStandIn;
import com.yeswechange.whatsapp.reporting.client.ChatwootReports;
import com.yeswechange.whatsapp.testsupport.KafkaBrokerResource;
import io.quarkus.cache.CacheManager;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kafka.InjectKafkaCompanion;
import io.restassured.path.json.JsonPath;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The service on the real in-JVM broker with a WireMock Chatwoot: events go into the contract topics, the REST answers
 * come out of the Kafka Streams stores and Chatwoot's v2 reports. The events are fed once; the tests read them.
 */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(ChatwootStandIn.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReportingFlowTest {

    static final ZoneId ZONE = ZoneId.of("Africa/Abidjan");
    static final String ALICE = "+2250701000001";
    static final String BOB = "+2250701000002";
    static final long AGENT_ONE = 2;
    static final long AGENT_TWO = 3;
    static boolean fed;

    @InjectKafkaCompanion
    KafkaCompanion kafka;

    @ChatwootStandIn.Server
    WireMockServer chatwoot;

    @Inject
    CacheManager caches;

    /** Noon today in the reporting zone: every event is "today" whenever the test runs. */
    static Instant noon() {
        return LocalDate.now(ZONE).atTime(12, 0).atZone(ZONE).toInstant();
    }

    @BeforeEach
    void chatwootAnswers() {
        chatwoot.resetAll();
        chatwoot.stubFor(get(urlPathEqualTo("/api/v2/accounts/1/reports/summary")).willReturn(okJson("""
                {"conversations_count":7,"incoming_messages_count":40,"outgoing_messages_count":35,
                 "avg_first_response_time":95.5,"avg_resolution_time":1800.0,"resolutions_count":5,
                 "reply_time":60.0,"previous":{"conversations_count":3}}""")));
        chatwoot.stubFor(get(urlPathEqualTo("/api/v2/accounts/1/summary_reports/agent")).willReturn(okJson("""
                [{"id":2,"conversations_count":4,"resolved_conversations_count":3,"avg_resolution_time":1500.0,
                  "avg_first_response_time":80.0,"avg_reply_time":50.0},
                 {"id":4,"conversations_count":1,"resolved_conversations_count":1,"avg_resolution_time":900.0,
                  "avg_first_response_time":30.0,"avg_reply_time":20.0}]""")));
        chatwoot.stubFor(get(urlPathEqualTo("/api/v1/accounts/1/agents")).willReturn(okJson("""
                [{"id":2,"name":"Agent One","available_name":"Agent One","email":"agent1@yeswechange.ci","role":"agent"},
                 {"id":3,"name":"Agent Two","available_name":"Agent Two","email":"agent2@yeswechange.ci","role":"agent"},
                 {"id":4,"name":"Agent Three","available_name":"Agent Three","email":"agent3@yeswechange.ci","role":"agent"}]""")));
        chatwoot.stubFor(get(urlPathEqualTo("/api/v1/accounts/1/conversations/meta"))
                .withQueryParam("status", WireMock.equalTo("open"))
                .willReturn(okJson("{\"meta\":{\"mine_count\":0,\"assigned_count\":3,\"unassigned_count\":1,\"all_count\":4}}")));
        chatwoot.stubFor(get(urlPathEqualTo("/api/v1/accounts/1/conversations/meta"))
                .withQueryParam("status", WireMock.equalTo("pending"))
                .willReturn(okJson("{\"meta\":{\"mine_count\":0,\"assigned_count\":0,\"unassigned_count\":2,\"all_count\":2}}")));
        caches.getCache(ChatwootReports.REPORTS_CACHE).orElseThrow().invalidateAll().await().indefinitely();
        caches.getCache(ChatwootReports.COUNTS_CACHE).orElseThrow().invalidateAll().await().indefinitely();
        feedOnce();
    }

    /**
     * Alice: handoff at noon, conversation 501, agent one answers after 5 min (twice delivered), resolves at 20 min.
     * Bob: handoff at 12:01, conversation 502, agent two answers after 10 min. Deliveries: one delivered, one refused
     * outside the 24-hour window, one send failed on a rate limit. One record in a dead-letter topic.
     */
    void feedOnce() {
        if (fed) {
            return;
        }
        Instant t = noon();
        produce(Topics.WHATSAPP_INBOUND, ALICE, handoff("FN-alice", ALICE, t));
        produce(Topics.WHATSAPP_INBOUND, ALICE, handoff("FN-alice", ALICE, t));
        produce(Topics.WHATSAPP_INBOUND, ALICE, customerMessage("SM-alice-1", ALICE, t.plusSeconds(5)));
        produce(Topics.WHATSAPP_INBOUND, BOB, handoff("FN-bob", BOB, t.plusSeconds(60)));
        chatwootEvent(conversationCreated(501, ALICE, t.plusSeconds(10)));
        chatwootEvent(incoming(501, 1, ALICE, t.plusSeconds(11)));
        chatwootEvent(agentReply(501, 2, AGENT_ONE, ALICE, t.plusSeconds(300)));
        chatwootEvent(agentReply(501, 2, AGENT_ONE, ALICE, t.plusSeconds(300)));
        chatwootEvent(statusChanged(501, "resolved", AGENT_ONE, ALICE, t.plusSeconds(1200)));
        chatwootEvent(conversationCreated(502, BOB, t.plusSeconds(60)));
        chatwootEvent(agentReply(502, 3, AGENT_TWO, BOB, t.plusSeconds(660)));
        produce(Topics.WHATSAPP_STATUS, "SM1", status("SM1", "delivered", null, t.plusSeconds(301)));
        produce(Topics.WHATSAPP_STATUS, "SM9", status("SM9", "failed", "63016", t.plusSeconds(400)));
        produce(Topics.WHATSAPP_DISPATCH, "2", dispatch("2", Outcome.SENT, null, AGENT_ONE, t.plusSeconds(300)));
        produce(Topics.WHATSAPP_DISPATCH, "3", dispatch("3", Outcome.FAILED, "63018", AGENT_TWO, t.plusSeconds(660)));
        kafka.produceStrings().fromRecords(new ProducerRecord<>(Topics.dlq(Topics.WHATSAPP_STATUS), "SMX", "{}"))
                .awaitCompletion();
        fed = true;
        Awaitility.await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            JsonPath today = given().get("/api/reports/dashboard?period=today").then().statusCode(200)
                    .extract().jsonPath();
            assertThat(today.getInt("stream.queueTime.count")).isEqualTo(2);
            assertThat(today.getInt("stream.conversationsResolved")).isEqualTo(1);
            assertThat(today.getMap("stream.sendsByOutcome")).hasSize(2);
            assertThat(today.getList("stream.deliveryFailures")).hasSize(2);
        });
    }

    void produce(String topic, String key, Object event) {
        kafka.produceStrings().fromRecords(new ProducerRecord<>(topic, key, EventJson.write(event))).awaitCompletion();
    }

    void chatwootEvent(ChatwootEvent event) {
        produce(Topics.CHATWOOT_EVENTS, event.conversationId().toString(), event);
    }

    @Test
    @Order(1)
    void dashboardCombinesTheStreamAndChatwoot() {
        JsonPath d = given().get("/api/reports/dashboard?period=today").then().statusCode(200)
                .contentType("application/json").extract().jsonPath();

        assertThat(d.getString("period")).isEqualTo("today");
        assertThat(d.getString("timeZone")).isEqualTo("Africa/Abidjan");
        assertThat(d.getBoolean("degraded")).isFalse();
        assertThat(d.getInt("stream.handoffs")).isEqualTo(2);
        assertThat(d.getInt("stream.messagesIn")).isEqualTo(1);
        assertThat(d.getInt("stream.messagesOut")).isEqualTo(2);
        assertThat(d.getInt("stream.conversationsOpened")).isEqualTo(2);
        assertThat(d.getInt("stream.conversationsResolved")).isEqualTo(1);
        assertThat(d.getDouble("stream.queueTime.maxSeconds")).isEqualTo(600.0);
        assertThat(d.getDouble("stream.queueTime.avgSeconds")).isEqualTo(450.0);
        assertThat(d.getInt("stream.firstResponse.count")).isEqualTo(2);
        assertThat(d.getDouble("stream.firstResponse.maxSeconds")).isEqualTo(600.0);
        assertThat(d.getDouble("stream.resolutionTime.maxSeconds")).isEqualTo(1190.0);
        assertThat(d.getMap("stream.sendsByOutcome")).containsEntry("SENT", 1).containsEntry("FAILED", 1);
        assertThat(d.getList("stream.deliveryFailures.reason")).containsExactlyInAnyOrder("63016", "63018");
        assertThat(d.getString("stream.deliveryFailures.find { it.reason == '63016' }.description"))
                .contains("24-hour window");
        assertThat(d.getInt("stream.windowBlocked")).isEqualTo(1);

        assertThat(d.getBoolean("chatwoot.available")).isTrue();
        assertThat(d.getInt("chatwoot.conversations")).isEqualTo(7);
        assertThat(d.getDouble("chatwoot.avgFirstResponseSeconds")).isEqualTo(95.5);
        assertThat(d.getInt("chatwoot.resolutions")).isEqualTo(5);
        assertThat(d.getInt("chatwoot.open")).isEqualTo(4);
        assertThat(d.getInt("chatwoot.pending")).isEqualTo(2);
        assertThat(d.getInt("chatwoot.unassigned")).isEqualTo(1);

        assertThat(d.getList("agents.agentId", Integer.class)).containsExactly(2, 3, 4);
        assertThat(d.getString("agents.find { it.agentId == 2 }.name")).isEqualTo("Agent One");
        assertThat(d.getInt("agents.find { it.agentId == 2 }.replies")).isEqualTo(1);
        assertThat(d.getInt("agents.find { it.agentId == 2 }.resolved")).isEqualTo(1);
        assertThat(d.getDouble("agents.find { it.agentId == 3 }.queueTime.maxSeconds")).isEqualTo(600.0);
        assertThat(d.getInt("agents.find { it.agentId == 2 }.chatwoot.conversations")).isEqualTo(4);
        assertThat(d.getInt("agents.find { it.agentId == 4 }.replies")).isZero();

        long startOfDay = LocalDate.now(ZONE).atStartOfDay(ZONE).toEpochSecond();
        chatwoot.verify(getRequestedFor(urlPathEqualTo("/api/v2/accounts/1/reports/summary"))
                .withHeader("api_access_token", WireMock.equalTo("test-admin-token"))
                .withQueryParam("type", WireMock.equalTo("account"))
                .withQueryParam("since", WireMock.equalTo(Long.toString(startOfDay))));
        chatwoot.verify(getRequestedFor(urlPathEqualTo("/api/v1/accounts/1/conversations/meta"))
                .withQueryParam("inbox_id", WireMock.equalTo("3")));
    }

    @Test
    @Order(2)
    void chatwootIsAskedOnceWhileItsAnswerIsFresh() {
        given().get("/api/reports/dashboard?period=week").then().statusCode(200);
        given().get("/api/reports/dashboard?period=week").then().statusCode(200);
        given().get("/api/reports/agents?period=week").then().statusCode(200);

        chatwoot.verify(1, getRequestedFor(urlPathEqualTo("/api/v2/accounts/1/reports/summary")));
        chatwoot.verify(1, getRequestedFor(urlPathEqualTo("/api/v2/accounts/1/summary_reports/agent")));
    }

    @Test
    @Order(3)
    void agentsTableForTheMonth() {
        JsonPath a = given().get("/api/reports/agents?period=month").then().statusCode(200)
                .header(ReportsResource.DEGRADED_HEADER, nullValue()).extract().jsonPath();

        assertThat(a.getList("agentId", Integer.class)).containsExactly(2, 3, 4);
        assertThat(a.getString("find { it.agentId == 3 }.email")).isEqualTo("agent2@yeswechange.ci");
        assertThat(a.getInt("find { it.agentId == 3 }.replies")).isEqualTo(1);
        assertThat(a.getDouble("find { it.agentId == 2 }.firstResponse.maxSeconds")).isEqualTo(290.0);
        assertThat(a.getDouble("find { it.agentId == 2 }.chatwoot.avgReplySeconds")).isEqualTo(50.0);
        long startOfMonth = LocalDate.now(ZONE).withDayOfMonth(1).atStartOfDay(ZONE).toEpochSecond();
        chatwoot.verify(getRequestedFor(urlPathEqualTo("/api/v2/accounts/1/summary_reports/agent"))
                .withQueryParam("since", WireMock.equalTo(Long.toString(startOfMonth))));
    }

    @Test
    @Order(4)
    void dayByDayAndHourByHour() {
        LocalDate today = LocalDate.now(ZONE);
        JsonPath daily = given().get("/api/reports/daily?from=" + today.minusDays(1) + "&to=" + today)
                .then().statusCode(200).extract().jsonPath();
        assertThat(daily.getList("bucket")).containsExactly(today.minusDays(1).toString(), today.toString());
        assertThat(daily.getList("numbers.handoffs", Integer.class)).containsExactly(0, 2);

        JsonPath hourly = given().get("/api/reports/hourly?date=" + today).then().statusCode(200).extract().jsonPath();
        assertThat(hourly.getList("bucket")).hasSize(24);
        assertThat(hourly.getInt("find { it.bucket == '" + today + "T12' }.numbers.handoffs")).isEqualTo(2);
        assertThat(hourly.getInt("find { it.bucket == '" + today + "T11' }.numbers.handoffs")).isZero();
    }

    @Test
    @Order(5)
    void badRequestsGetAJsonError() {
        given().get("/api/reports/dashboard?period=year").then().statusCode(400)
                .contentType("application/json")
                .body("error", equalTo("invalid_request"))
                .body("message", containsString("today, week, month"));
        given().get("/api/reports/agents?period=").then().statusCode(200).body("agentId", hasItems(2, 3));
        given().get("/api/reports/daily?from=yesterday").then().statusCode(400).body("error", equalTo("invalid_request"));
        given().get("/api/reports/daily?from=2026-12-05&to=2026-12-01").then().statusCode(400)
                .body("message", containsString("before"));
        given().get("/api/reports/daily?from=2026-01-01&to=2026-12-01").then().statusCode(400)
                .body("message", containsString("92 days"));
    }

    @Test
    @Order(6)
    void businessNumbersAreExportedToPrometheus() {
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(given().get("/q/metrics").then().statusCode(200).extract().asString())
                        .contains("whatsapp_dlq_records{application=\"reporting-service\",service=\"reporting\","
                                + "topic=\"whatsapp.status.dlq\"} 1.0"));
        String metrics = given().get("/q/metrics").then().extract().asString();
        assertThat(metrics)
                .contains("reporting_handoffs_total{agent=\"none\",application=\"reporting-service\","
                        + "service=\"reporting\"} 2.0")
                .contains("reporting_sends_total{agent=\"3\",application=\"reporting-service\",outcome=\"FAILED\","
                        + "service=\"reporting\"} 1.0")
                .contains("reporting_queue_time_seconds_count{agent=\"3\",application=\"reporting-service\","
                        + "service=\"reporting\"} 1")
                .contains("reporting_queue_time_seconds_bucket{agent=\"3\",application=\"reporting-service\","
                        + "service=\"reporting\",le=\"600.0\"} 1")
                .contains("reporting_streams_running{application=\"reporting-service\",service=\"reporting\"} 1.0");
    }

    @Test
    @Order(7)
    void everyMetricOfTheAlertsAndDashboardsIsExported() {
        MonitoringFiles monitoring = MonitoringFiles.load();
        assertThat(monitoring.alertExpressions()).hasSizeGreaterThanOrEqualTo(5);
        assertThat(monitoring.dashboardExpressions()).hasSizeGreaterThanOrEqualTo(10);
        assertThat(monitoring.metricNamesUsed()).isNotEmpty();

        // Kafka Streams creates its task metrics once tasks are assigned, and Micrometer's Kafka binder picks up new
        // Kafka metrics on its next refresh (every 60 s): wait for one refresh rather than race it.
        Awaitility.await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
            String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
            assertThat(monitoring.metricNamesUsed())
                    .allSatisfy(name -> assertThat(MonitoringFiles.isExported(name, metrics))
                            .as("metric %s used by an alert or a dashboard is exported", name).isTrue());
        });
    }

    @Test
    @Order(8)
    void theApiIsDocumented() {
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths.keySet()", hasItems("/api/reports/dashboard", "/api/reports/agents",
                        "/api/reports/daily", "/api/reports/hourly"))
                .body("paths.'/api/reports/dashboard'.get.parameters.name", hasItems("period"));
    }

    @Test
    @Order(9)
    void withChatwootDownTheAnswerSaysSoAndKeepsTheStreamNumbers() {
        chatwoot.resetAll();
        chatwoot.stubFor(get(anyUrl()).willReturn(aResponse().withStatus(503).withBody("maintenance")));

        JsonPath d = given().get("/api/reports/dashboard?period=today").then().statusCode(200).extract().jsonPath();
        assertThat(d.getBoolean("degraded")).isTrue();
        assertThat(d.getBoolean("chatwoot.available")).isFalse();
        assertThat(d.getString("chatwoot.error")).startsWith("Chatwoot reports unavailable");
        assertThat(d.getString("chatwoot.error")).doesNotContain("maintenance").doesNotContain("test-admin-token");
        assertThat((Object) d.get("chatwoot.conversations")).isNull();
        assertThat(d.getInt("stream.handoffs")).isEqualTo(2);
        assertThat(d.getList("agents.agentId", Integer.class)).containsExactly(2, 3);
        assertThat((Object) d.get("agents[0].name")).isNull();

        given().get("/api/reports/agents?period=today").then().statusCode(200)
                .header(ReportsResource.DEGRADED_HEADER, startsWith("Chatwoot reports unavailable"))
                .body("agentId", hasItems(2, 3))
                .body("name", everyItem(nullValue()));
    }
}
