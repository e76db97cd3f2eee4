package com.yeswechange.whatsapp.reporting.streams;

import static com.yeswechange.whatsapp.reporting.TestEvents.WHATSAPP_INBOX;
import static com.yeswechange.whatsapp.reporting.TestEvents.agentReply;
import static com.yeswechange.whatsapp.reporting.TestEvents.botMessage;
import static com.yeswechange.whatsapp.reporting.TestEvents.conversationCreated;
import static com.yeswechange.whatsapp.reporting.TestEvents.customerMessage;
import static com.yeswechange.whatsapp.reporting.TestEvents.dispatch;
import static com.yeswechange.whatsapp.reporting.TestEvents.handoff;
import static com.yeswechange.whatsapp.reporting.TestEvents.incoming;
import static com.yeswechange.whatsapp.reporting.TestEvents.privateNote;
import static com.yeswechange.whatsapp.reporting.TestEvents.status;
import static com.yeswechange.whatsapp.reporting.TestEvents.statusChanged;
import static org.assertj.core.api.Assertions.assertThat;

import com.yeswechange.whatsapp.events.ChatwootEvent;
import com.yeswechange.whatsapp.events.DispatchEvent.Outcome;
import com.yeswechange.whatsapp.events.EventJson;
import com.yeswechange.whatsapp.events.Topics;
import com.yeswechange.whatsapp.reporting.TestEvents;
import com.yeswechange.whatsapp.reporting.metrics.FactMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Properties;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Every aggregate of the topology, fed through TopologyTestDriver, including duplicates, late and out-of-order events. */
class ReportingTopologyTest {

    static final ZoneId ABIDJAN = ZoneId.of("Africa/Abidjan");
    static final String DAY = "2026-12-05";
    static final Instant T0 = Instant.parse(DAY + "T09:00:00Z");
    static final String PHONE = "+2250701020304";
    static final long AGENT = 2;
    static final long OTHER_AGENT = 3;

    TopologyTestDriver driver;
    TestInputTopic<String, String> inbound;
    TestInputTopic<String, String> chatwoot;
    TestInputTopic<String, String> statuses;
    TestInputTopic<String, String> dispatches;
    KeyValueStore<String, Stats> stats;
    SimpleMeterRegistry registry;

    @BeforeEach
    void start() throws Exception {
        startWith(ABIDJAN);
    }

    void startWith(ZoneId zone) throws Exception {
        if (driver != null) {
            driver.close();
        }
        registry = new SimpleMeterRegistry();
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "reporting-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, Files.createTempDirectory("reporting-topology").toString());
        props.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
                LogAndContinueExceptionHandler.class.getName());
        driver = new TopologyTestDriver(ReportingTopology.build(
                new ReportingTopology.Settings(zone, WHATSAPP_INBOX, Duration.ofDays(7)), new FactMetrics(registry)),
                props);
        StringSerializer strings = new StringSerializer();
        inbound = driver.createInputTopic(Topics.WHATSAPP_INBOUND, strings, strings);
        chatwoot = driver.createInputTopic(Topics.CHATWOOT_EVENTS, strings, strings);
        statuses = driver.createInputTopic(Topics.WHATSAPP_STATUS, strings, strings);
        dispatches = driver.createInputTopic(Topics.WHATSAPP_DISPATCH, strings, strings);
        stats = driver.getKeyValueStore(ReportingTopology.STATS_STORE);
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    // ---- helpers

    void inbound(Object event, String phone) {
        inbound.pipeInput(phone, EventJson.write(event));
    }

    void chatwoot(ChatwootEvent event) {
        chatwoot.pipeInput(event.conversationId().toString(), EventJson.write(event));
    }

    Stats day(String day, Measure measure, String scope) {
        Stats value = stats.get("D|" + day + "|" + measure + "|" + scope);
        return value == null ? Stats.EMPTY : value;
    }

    long count(Measure measure) {
        return day(DAY, measure, StatKey.ALL).count();
    }

    long count(Measure measure, String scope) {
        return day(DAY, measure, scope).count();
    }

    static Instant at(String time) {
        return Instant.parse(DAY + "T" + time + "Z");
    }

    // ---- inbound

    @Nested
    class Inbound {

        @Test
        void countsHandoffsAndCustomerMessagesPerDayAndHour() {
            inbound(handoff("FN1", PHONE, at("09:00:00")), PHONE);
            inbound(customerMessage("SM1", PHONE, at("09:01:00")), PHONE);
            inbound(customerMessage("SM2", PHONE, at("10:30:00")), PHONE);

            assertThat(count(Measure.HANDOFFS)).isEqualTo(1);
            assertThat(count(Measure.MESSAGES_IN)).isEqualTo(2);
            assertThat(stats.get("H|" + DAY + "T09|MESSAGES_IN|all").count()).isEqualTo(1);
            assertThat(stats.get("H|" + DAY + "T10|MESSAGES_IN|all").count()).isEqualTo(1);
            assertThat(registry.get("reporting.messages.in").counter().count()).isEqualTo(2);
        }

        @Test
        void aRedeliveredMessageCountsOnce() {
            inbound(customerMessage("SM1", PHONE, at("09:01:00")), PHONE);
            inbound(customerMessage("SM1", PHONE, at("09:01:00")), PHONE);
            inbound(handoff("FN1", PHONE, at("09:00:00")), PHONE);
            inbound(handoff("FN1", PHONE, at("09:00:00")), PHONE);

            assertThat(count(Measure.MESSAGES_IN)).isEqualTo(1);
            assertThat(count(Measure.HANDOFFS)).isEqualTo(1);
        }

        @Test
        void aLateEventLandsInItsOwnDayAndLeavesTodayAlone() {
            inbound(customerMessage("SM1", PHONE, at("09:01:00")), PHONE);
            inbound(customerMessage("SM0", PHONE, Instant.parse("2026-12-04T23:59:00Z")), PHONE);

            assertThat(count(Measure.MESSAGES_IN)).isEqualTo(1);
            assertThat(day("2026-12-04", Measure.MESSAGES_IN, StatKey.ALL).count()).isEqualTo(1);
        }

        @Test
        void daysAreThoseOfTheReportingTimeZone() throws Exception {
            startWith(ZoneId.of("Europe/Paris"));
            // 23:30 UTC is already the next day in Paris
            inbound(customerMessage("SM1", PHONE, Instant.parse("2026-12-05T23:30:00Z")), PHONE);

            assertThat(day("2026-12-06", Measure.MESSAGES_IN, StatKey.ALL).count()).isEqualTo(1);
            assertThat(day(DAY, Measure.MESSAGES_IN, StatKey.ALL).count()).isZero();
        }

        @Test
        void idsAreForgottenAfterTheRetentionSoTheStoreStaysBounded() {
            inbound(customerMessage("SM1", PHONE, at("09:01:00")), PHONE);
            // stream time moves 8 days on (retention: 7 days), then the purge runs
            inbound(customerMessage("SM2", PHONE, at("09:01:00").plus(Duration.ofDays(8))), PHONE);
            driver.advanceWallClockTime(Duration.ofMinutes(11));
            KeyValueStore<String, Long> seen = driver.getKeyValueStore(ReportingTopology.SEEN_INBOUND);
            assertThat(seen.get("MESSAGE:SM1")).isNull();
            assertThat(seen.get("MESSAGE:SM2")).isNotNull();

            // a re-delivery that old is no longer recognised: the price of a bounded store
            inbound(customerMessage("SM1", PHONE, at("09:01:00")), PHONE);
            assertThat(count(Measure.MESSAGES_IN)).isEqualTo(2);
        }

        @Test
        void anUnreadableRecordIsSkippedAndTheNextOneCounts() {
            inbound.pipeInput(PHONE, "{not json");
            inbound(customerMessage("SM1", PHONE, at("09:01:00")), PHONE);

            assertThat(count(Measure.MESSAGES_IN)).isEqualTo(1);
        }
    }

    // ---- conversations

    @Nested
    class Conversations {

        @Test
        void measuresFirstResponseAndResolutionOverallAndPerAgent() {
            chatwoot(conversationCreated(10, PHONE, at("09:00:00")));
            chatwoot(incoming(10, 1, PHONE, at("09:00:05")));
            chatwoot(botMessage(10, 2, PHONE, at("09:00:10")));
            chatwoot(privateNote(10, 3, AGENT, PHONE, at("09:01:00")));
            chatwoot(statusChanged(10, "open", AGENT, PHONE, at("09:01:30")));
            chatwoot(agentReply(10, 4, AGENT, PHONE, at("09:02:00")));
            chatwoot(agentReply(10, 5, AGENT, PHONE, at("09:05:00")));
            chatwoot(statusChanged(10, "resolved", AGENT, PHONE, at("09:10:00")));

            assertThat(count(Measure.CONVERSATIONS_OPENED)).isEqualTo(1);
            assertThat(count(Measure.MESSAGES_OUT)).isEqualTo(2);
            assertThat(count(Measure.MESSAGES_OUT, "agent=" + AGENT)).isEqualTo(2);
            Stats firstResponse = day(DAY, Measure.FIRST_RESPONSE, StatKey.ALL);
            assertThat(firstResponse.count()).isEqualTo(1);
            assertThat(firstResponse.max()).isEqualTo(120.0);
            assertThat(day(DAY, Measure.FIRST_RESPONSE, "agent=" + AGENT).count()).isEqualTo(1);
            assertThat(count(Measure.CONVERSATIONS_RESOLVED)).isEqualTo(1);
            assertThat(count(Measure.CONVERSATIONS_RESOLVED, "agent=" + AGENT)).isEqualTo(1);
            assertThat(day(DAY, Measure.RESOLUTION_TIME, StatKey.ALL).sum()).isEqualTo(600.0);
            assertThat(day(DAY, Measure.RESOLUTION_TIME, "agent=" + AGENT).count()).isEqualTo(1);
        }

        @Test
        void duplicateDeliveriesOfMessagesAndStatusesCountOnce() {
            ChatwootEvent reply = agentReply(10, 4, AGENT, PHONE, at("09:02:00"));
            ChatwootEvent resolved = statusChanged(10, "resolved", AGENT, PHONE, at("09:10:00"));
            chatwoot(conversationCreated(10, PHONE, at("09:00:00")));
            chatwoot(reply);
            // the same message from the API-inbox callback: another delivery id
            chatwoot(agentReply(10, 4, AGENT, PHONE, at("09:02:00")));
            chatwoot(resolved);
            chatwoot(resolved);
            // a conversation_updated carrying the same resolved status is no second resolution
            chatwoot(TestEvents.conversation(ChatwootEvent.CONVERSATION_UPDATED, 10, "resolved", AGENT, PHONE,
                    at("09:10:01")));

            assertThat(count(Measure.MESSAGES_OUT)).isEqualTo(1);
            assertThat(count(Measure.CONVERSATIONS_RESOLVED)).isEqualTo(1);
            assertThat(day(DAY, Measure.RESOLUTION_TIME, StatKey.ALL).count()).isEqualTo(1);
        }

        @Test
        void aReplySeenBeforeTheConversationCreationIsMeasuredWhenTheCreationArrives() {
            chatwoot(agentReply(10, 4, AGENT, PHONE, at("09:03:00")));
            assertThat(day(DAY, Measure.FIRST_RESPONSE, StatKey.ALL).count()).isZero();

            chatwoot(conversationCreated(10, PHONE, at("09:00:00")));

            assertThat(day(DAY, Measure.FIRST_RESPONSE, StatKey.ALL).max()).isEqualTo(180.0);
            assertThat(count(Measure.CONVERSATIONS_OPENED)).isEqualTo(1);
        }

        @Test
        void aReopenedConversationStartsANewCycleAndAStaleStatusIsIgnored() {
            chatwoot(conversationCreated(10, PHONE, at("09:00:00")));
            chatwoot(agentReply(10, 4, AGENT, PHONE, at("09:01:00")));
            chatwoot(statusChanged(10, "resolved", AGENT, PHONE, at("09:10:00")));
            chatwoot(statusChanged(10, "open", OTHER_AGENT, PHONE, at("11:00:00")));
            // a late copy of an older "resolved" must not resolve the reopened conversation
            chatwoot(statusChanged(10, "resolved", AGENT, PHONE, at("09:30:00")));
            chatwoot(agentReply(10, 5, OTHER_AGENT, PHONE, at("11:04:00")));
            chatwoot(statusChanged(10, "resolved", OTHER_AGENT, PHONE, at("11:20:00")));

            assertThat(count(Measure.CONVERSATIONS_OPENED)).isEqualTo(2);
            assertThat(count(Measure.CONVERSATIONS_RESOLVED)).isEqualTo(2);
            assertThat(count(Measure.CONVERSATIONS_RESOLVED, "agent=" + OTHER_AGENT)).isEqualTo(1);
            Stats firstResponse = day(DAY, Measure.FIRST_RESPONSE, StatKey.ALL);
            assertThat(firstResponse.count()).isEqualTo(2);
            assertThat(firstResponse.sum()).isEqualTo(60.0 + 240.0);
            assertThat(day(DAY, Measure.RESOLUTION_TIME, "agent=" + OTHER_AGENT).sum()).isEqualTo(1200.0);
        }

        @Test
        void conversationsOfOtherInboxesDoNotCount() {
            chatwoot(new ChatwootEvent(1, "d1", ChatwootEvent.CONVERSATION_CREATED, 1L, 99L, 11L, "open", null, null,
                    null, at("09:00:00"), at("09:00:00")));

            assertThat(count(Measure.CONVERSATIONS_OPENED)).isZero();
        }
    }

    // ---- queue time

    @Nested
    class QueueTime {

        @Test
        void fromHandoffToTheFirstAgentReplyOfThatCustomer() {
            inbound(handoff("FN1", PHONE, at("09:00:00")), PHONE);
            chatwoot(agentReply(10, 4, AGENT, PHONE, at("09:07:00")));
            chatwoot(agentReply(10, 5, AGENT, PHONE, at("09:09:00")));

            Stats queue = day(DAY, Measure.QUEUE_TIME, StatKey.ALL);
            assertThat(queue.count()).isEqualTo(1);
            assertThat(queue.max()).isEqualTo(420.0);
            assertThat(day(DAY, Measure.QUEUE_TIME, "agent=" + AGENT).count()).isEqualTo(1);
            assertThat(registry.get("reporting.queue.time").timer().count()).isEqualTo(1);
        }

        @Test
        void aHandoffArrivingAfterItsAnswerIsStillMatched() {
            chatwoot(agentReply(10, 4, AGENT, PHONE, at("09:05:00")));
            inbound(handoff("FN1", PHONE, at("09:02:00")), PHONE);

            assertThat(day(DAY, Measure.QUEUE_TIME, StatKey.ALL).max()).isEqualTo(180.0);
        }

        @Test
        void aRepeatedHandoffKeepsTheEarliestAndAReplayedOneIsIgnored() {
            inbound(handoff("FN1", PHONE, at("09:00:00")), PHONE);
            inbound(handoff("FN2", PHONE, at("09:03:00")), PHONE);
            chatwoot(agentReply(10, 4, AGENT, PHONE, at("09:10:00")));
            // the same handoff replayed under another id after it was answered
            inbound(handoff("FN1-retry", PHONE, at("09:00:00")), PHONE);
            chatwoot(agentReply(10, 5, AGENT, PHONE, at("09:12:00")));

            Stats queue = day(DAY, Measure.QUEUE_TIME, StatKey.ALL);
            assertThat(queue.count()).isEqualTo(1);
            assertThat(queue.max()).isEqualTo(600.0);
        }

        @Test
        void eachNewHandoffOfACustomerIsMeasuredAgainstItsOwnAnswer() {
            inbound(handoff("FN1", PHONE, at("09:00:00")), PHONE);
            chatwoot(agentReply(10, 4, AGENT, PHONE, at("09:01:00")));
            inbound(handoff("FN2", PHONE, at("14:00:00")), PHONE);
            chatwoot(agentReply(12, 9, OTHER_AGENT, PHONE, at("14:30:00")));

            Stats queue = day(DAY, Measure.QUEUE_TIME, StatKey.ALL);
            assertThat(queue.count()).isEqualTo(2);
            assertThat(queue.sum()).isEqualTo(60.0 + 1800.0);
            assertThat(day(DAY, Measure.QUEUE_TIME, "agent=" + OTHER_AGENT).max()).isEqualTo(1800.0);
        }

        @Test
        void customersAreNotMixedUp() {
            inbound(handoff("FN1", PHONE, at("09:00:00")), PHONE);
            chatwoot(agentReply(20, 4, AGENT, "+2250799999999", at("09:01:00")));

            assertThat(day(DAY, Measure.QUEUE_TIME, StatKey.ALL).count()).isZero();
        }

        @Test
        void percentilesOverSeveralCustomers() {
            long[] waits = {60, 120, 180, 240, 300, 600, 900, 1200, 1800, 3000};
            for (int i = 0; i < waits.length; i++) {
                String phone = "+22507000000" + (10 + i);
                inbound(handoff("FN" + i, phone, at("09:00:00")), phone);
                chatwoot(agentReply(100 + i, 1000 + i, AGENT, phone, at("09:00:00").plusSeconds(waits[i])));
            }

            Stats queue = day(DAY, Measure.QUEUE_TIME, StatKey.ALL);
            assertThat(queue.count()).isEqualTo(10);
            assertThat(queue.max()).isEqualTo(3000.0);
            assertThat(queue.quantile(0.5)).isBetween(240.0, 300.0);
            assertThat(queue.quantile(0.9)).isBetween(1800.0, 3000.0);
        }
    }

    // ---- deliveries

    @Nested
    class Deliveries {

        @Test
        void sendsByOutcomeAndFailuresByReason() {
            dispatches.pipeInput("100", EventJson.write(dispatch("100", Outcome.PENDING, null, AGENT, at("09:00:00"))));
            dispatches.pipeInput("100", EventJson.write(dispatch("100", Outcome.SENT, null, AGENT, at("09:00:01"))));
            dispatches.pipeInput("100", EventJson.write(dispatch("100", Outcome.SENT, null, AGENT, at("09:00:01"))));
            dispatches.pipeInput("101", EventJson.write(dispatch("101", Outcome.FAILED, "63016", AGENT, at("09:01:00"))));
            dispatches.pipeInput("102", EventJson.write(dispatch("102", Outcome.SKIPPED, null, null, at("09:02:00"))));

            assertThat(count(Measure.SENDS, "outcome=SENT")).isEqualTo(1);
            assertThat(count(Measure.SENDS, "outcome=FAILED")).isEqualTo(1);
            assertThat(count(Measure.SENDS, "outcome=SKIPPED")).isEqualTo(1);
            assertThat(count(Measure.SENDS, "outcome=PENDING")).isZero();
            assertThat(count(Measure.SENDS, "agent=" + AGENT)).isEqualTo(2);
            assertThat(count(Measure.DELIVERY_FAILURES, "reason=63016")).isEqualTo(1);
            assertThat(count(Measure.WINDOW_BLOCKED)).isEqualTo(1);
            assertThat(registry.get("reporting.sends").tag("outcome", "SENT").counter().count()).isEqualTo(1);
        }

        @Test
        void statusesAndFailedDeliveriesCountOncePerStatus() {
            statuses.pipeInput("SM1", EventJson.write(status("SM1", "sent", null, at("09:00:00"))));
            statuses.pipeInput("SM1", EventJson.write(status("SM1", "delivered", null, at("09:00:02"))));
            statuses.pipeInput("SM1", EventJson.write(status("SM1", "delivered", null, at("09:00:02"))));
            statuses.pipeInput("SM2", EventJson.write(status("SM2", "failed", "63018", at("09:01:00"))));
            statuses.pipeInput("SM3", EventJson.write(status("SM3", "undelivered", null, at("09:02:00"))));

            assertThat(count(Measure.DELIVERY_STATUSES, "status=sent")).isEqualTo(1);
            assertThat(count(Measure.DELIVERY_STATUSES, "status=delivered")).isEqualTo(1);
            assertThat(count(Measure.DELIVERY_FAILURES, "reason=63018")).isEqualTo(1);
            assertThat(count(Measure.DELIVERY_FAILURES, "reason=unknown")).isEqualTo(1);
            assertThat(count(Measure.WINDOW_BLOCKED)).isZero();
        }
    }
}
