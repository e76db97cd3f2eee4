package com.yeswechange.whatsapp.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.kafka.KafkaCompanionResource;
import java.util.Map;

/**
 * Points a {@code @QuarkusTest} at the shared in-JVM broker ({@link KafkaBroker}) and creates the contract's topics
 * and their dead-letter topics. Use with {@code @QuarkusTestResource(KafkaBrokerResource.class)}; inject a
 * {@code KafkaCompanion} with {@code @InjectKafkaCompanion} to read and write topics from the test.
 */
public class KafkaBrokerResource extends KafkaCompanionResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        String bootstrap = KafkaBroker.bootstrapServers();
        KafkaBroker.createContractTopics();
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
