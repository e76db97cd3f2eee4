package com.yeswechange.whatsapp.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.yeswechange.whatsapp.events.ChatwootEvent;
import com.yeswechange.whatsapp.events.DispatchEvent;
import com.yeswechange.whatsapp.events.EventJson;
import com.yeswechange.whatsapp.events.StatusEvent;
import com.yeswechange.whatsapp.events.Topics;
import com.yeswechange.whatsapp.testsupport.KafkaBroker;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Events written to the real broker reach the live stream of the agents who may see them, and only theirs: agent1
 * (conversation 101), agent2 (103), supervisor1 (all). Records of one test share a key, so they arrive in order and
 * a later event proves an earlier one was filtered rather than late.
 */
@QuarkusTest
class LiveEventsTest {

    @TestHTTPResource("/api/events")
    URL events;

    private KafkaProducer<String, String> producer;
    private SseClient agent1;
    private SseClient agent2;
    private SseClient supervisor;

    @BeforeEach
    void openStreams() {
        ChatwootStandIn.reset();
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBroker.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer());
        agent1 = new SseClient(events.toString(), TestUsers.agent1());
        agent2 = new SseClient(events.toString(), TestUsers.agent2());
        supervisor = new SseClient(events.toString(), TestUsers.supervisor1());
        // the first heartbeat says the stream is subscribed
        for (SseClient stream : List.of(agent1, agent2, supervisor)) {
            await().atMost(Duration.ofSeconds(30)).until(() -> stream.received("heartbeat", "at"));
            assertThat(stream.status()).isEqualTo(200);
        }
    }

    @AfterEach
    void close() {
        agent1.close();
        agent2.close();
        supervisor.close();
        producer.close();
    }

    @Test
    void aMessageReachesTheAssignedAgentAndSupervisorsButNotAnotherAgent() {
        String run = UUID.randomUUID().toString();
        send(Topics.CHATWOOT_EVENTS, run, message(101, 2L, "for agent1 " + run));
        send(Topics.CHATWOOT_EVENTS, run, message(103, 3L, "for agent2 " + run));
        send(Topics.CHATWOOT_EVENTS, run, message(102, null, "for everyone " + run));

        await().atMost(Duration.ofSeconds(60)).until(() -> agent1.received("message.created", "for everyone " + run)
                && agent2.received("message.created", "for everyone " + run)
                && supervisor.received("message.created", "for everyone " + run));

        assertThat(agent1.received("message.created", "for agent1 " + run)).isTrue();
        assertThat(agent1.received("message.created", "for agent2 " + run)).isFalse();
        assertThat(agent2.received("message.created", "for agent2 " + run)).isTrue();
        assertThat(agent2.received("message.created", "for agent1 " + run)).isFalse();
        assertThat(supervisor.received("message.created", "for agent1 " + run)).isTrue();
        assertThat(supervisor.received("message.created", "for agent2 " + run)).isTrue();
    }

    @Test
    void anAssignmentChangeReachesTheOldAndNewAssigneeWithACountsHint() {
        long conversation = 5000 + (System.nanoTime() % 1000);
        String run = UUID.randomUUID().toString();
        send(Topics.CHATWOOT_EVENTS, run, conversationEvent(conversation, ChatwootEvent.CONVERSATION_UPDATED, 2L));
        send(Topics.CHATWOOT_EVENTS, run, conversationEvent(conversation, ChatwootEvent.CONVERSATION_UPDATED, 3L));
        send(Topics.CHATWOOT_EVENTS, run, message(102, null, "marker " + run));

        await().atMost(Duration.ofSeconds(60)).until(() -> agent1.received("message.created", "marker " + run)
                && agent2.received("message.created", "marker " + run));
        // agent1 saw it arrive and leave; agent2 only saw it arrive
        assertThat(agent1.events().stream().filter(e -> "conversation.updated".equals(e.name())
                && e.data().contains("\"conversationId\":" + conversation))).hasSize(2);
        assertThat(agent2.events().stream().filter(e -> "conversation.updated".equals(e.name())
                && e.data().contains("\"conversationId\":" + conversation))).hasSize(1);
        assertThat(agent2.received("counts.changed", "\"conversationId\":" + conversation)).isTrue();
    }

    @Test
    void deliveryTicksAndFailedSendsReachTheAssignedAgentOnly() {
        String run = UUID.randomUUID().toString();
        send(Topics.WHATSAPP_STATUS, run, EventJson.write(new StatusEvent(1, "SM" + run, "read", null, null,
                "whatsapp:+2250701020304", 101L, 77001L, Instant.now())));
        send(Topics.WHATSAPP_STATUS, run, EventJson.write(new StatusEvent(1, "SM" + run, "delivered", null, null,
                "whatsapp:+2250701020304", 103L, 77003L, Instant.now())));
        send(Topics.WHATSAPP_DISPATCH, run, EventJson.write(new DispatchEvent(1, "77004", DispatchEvent.Kind.REPLY,
                DispatchEvent.Outcome.FAILED, 101L, 77004L, "+2250701020304", null, "63016",
                "outside the 24-hour window", 1, 2L, Instant.now())));
        send(Topics.WHATSAPP_DISPATCH, run, EventJson.write(new DispatchEvent(1, "77005", DispatchEvent.Kind.REPLY,
                DispatchEvent.Outcome.SENT, 103L, 77005L, "+2250701020304", "SM1", null, null, 1, 3L,
                Instant.now())));

        await().atMost(Duration.ofSeconds(60)).until(() -> agent2.received("message.delivery", "77003")
                && agent2.received("message.dispatch", "77005")
                && agent1.received("message.delivery", "77001")
                && agent1.received("message.dispatch", "77004"));
        assertThat(agent1.received("message.dispatch", "63016")).isTrue();
        assertThat(agent2.received("message.delivery", "77001")).isFalse();
        assertThat(agent2.received("message.dispatch", "77004")).isFalse();
        assertThat(agent1.received("message.delivery", "77003")).isFalse();
        await().atMost(Duration.ofSeconds(60)).until(() -> supervisor.received("message.delivery", "77001")
                && supervisor.received("message.delivery", "77003")
                && supervisor.received("message.dispatch", "77004")
                && supervisor.received("message.dispatch", "77005"));
    }

    private void send(String topic, String key, String value) {
        try {
            producer.send(new ProducerRecord<>(topic, key, value)).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String message(long conversation, Long assignee, String content) {
        return EventJson.write(new ChatwootEvent(1, UUID.randomUUID().toString(), ChatwootEvent.MESSAGE_CREATED,
                1L, 3L, conversation, "open", assignee,
                new ChatwootEvent.Message(System.nanoTime(), content, "incoming", false, "text", "SM1", "Contact",
                        701L, null, List.of(), Instant.now()),
                new ChatwootEvent.Contact(701L, "Awa Koné", "+2250701020304", "whatsapp:+2250701020304"),
                Instant.now(), Instant.now()));
    }

    private static String conversationEvent(long conversation, String event, Long assignee) {
        return EventJson.write(new ChatwootEvent(1, UUID.randomUUID().toString(), event, 1L, 3L, conversation,
                "open", assignee, null, null, Instant.now(), Instant.now()));
    }
}
