package com.yeswechange.whatsapp.testsupport;

import com.yeswechange.whatsapp.events.Topics;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.kafka.KafkaCompanionResource;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Points a {@code @QuarkusTest} at the shared in-JVM broker ({@link KafkaBroker}) and creates the contract's topics
 * and their dead-letter topics. Use with {@code @QuarkusTestResource(KafkaBrokerResource.class)}; inject a
 * {@code KafkaCompanion} with {@code @InjectKafkaCompanion} to read and write topics from the test.
 */
public class KafkaBrokerResource extends KafkaCompanionResource implements QuarkusTestResourceLifecycleManager {

    /** The contract's topics and their dead-letter topics. */
    static final List<String> TOPICS = Stream.concat(Topics.ALL.stream(), Topics.ALL.stream().map(Topics::dlq)).toList();

    @Override
    public Map<String, String> start() {
        String bootstrap = KafkaBroker.bootstrapServers();
        KafkaBroker.createTopics(TOPICS, Set.of(Topics.WHATSAPP_DISPATCH));
        kafkaCompanion = new io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion(bootstrap);
        return Map.of("kafka.bootstrap.servers", bootstrap);
    }

    @Override
    public void stop() {
        if (kafkaCompanion != null) {
            kafkaCompanion.close();
        }
        // the broker itself is shared by every test class of the JVM and stops with it
    }
}
