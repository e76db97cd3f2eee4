package com.yeswechange.whatsapp.handoff;

import org.awaitility.Awaitility;

import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;

/** Everything on one topic since the broker started, read continuously by a test. */
public final class TopicRecords implements AutoCloseable {

    private final ConsumerTask<String, String> task;

    public TopicRecords(KafkaCompanion companion, String topic) {
        this.task = companion.consumeStrings()
                .withOffsetReset(OffsetResetStrategy.EARLIEST)
                .withGroupId("test-" + topic + "-" + System.nanoTime())
                .fromTopics(topic);
    }

    public List<ConsumerRecord<String, String>> matching(Predicate<ConsumerRecord<String, String>> filter) {
        return task.getRecords().stream().filter(filter).toList();
    }

    /** Waits until a record matching {@code filter} has arrived, and returns it. */
    public ConsumerRecord<String, String> await(Predicate<ConsumerRecord<String, String>> filter) {
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> !matching(filter).isEmpty());
        return matching(filter).get(0);
    }

    /** Waits until at least {@code count} records match, and returns them all. */
    public List<ConsumerRecord<String, String>> awaitAtLeast(int count, Predicate<ConsumerRecord<String, String>> filter) {
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> matching(filter).size() >= count);
        return matching(filter);
    }

    public static Predicate<ConsumerRecord<String, String>> valueContains(String text) {
        return record -> record.value() != null && record.value().contains(text);
    }

    @Override
    public void close() {
        task.stop();
    }
}
