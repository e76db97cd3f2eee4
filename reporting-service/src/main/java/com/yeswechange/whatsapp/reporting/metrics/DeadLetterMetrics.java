package com.yeswechange.whatsapp.reporting.metrics;

import com.yeswechange.whatsapp.events.Topics;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * {@code whatsapp_dlq_records{topic}}: how many records each dead-letter topic holds (sum of its partitions' end
 * offsets minus start offsets), read every {@code reporting.dlq-refresh-interval}. The platform's one view of its dead
 * letters: an alert fires when one grows.
 */
@ApplicationScoped
public class DeadLetterMetrics {

    private static final Logger LOG = Logger.getLogger(DeadLetterMetrics.class);
    static final List<String> DLQ_TOPICS = Topics.ALL.stream().map(Topics::dlq).toList();

    private final Map<String, AtomicLong> sizes = new ConcurrentHashMap<>();
    private final String bootstrapServers;
    private Admin admin;

    public DeadLetterMetrics(MeterRegistry registry,
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
        for (String topic : DLQ_TOPICS) {
            AtomicLong size = new AtomicLong();
            sizes.put(topic, size);
            Gauge.builder("whatsapp.dlq.records", size, AtomicLong::get)
                    .tags(Tags.of("topic", topic))
                    .description("records in the dead-letter topic")
                    .register(registry);
        }
    }

    @Scheduled(every = "${reporting.dlq-refresh-interval:30s}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void refresh() {
        try {
            Admin client = admin();
            Map<String, TopicDescription> topics = client.describeTopics(DLQ_TOPICS).allTopicNames()
                    .get(10, TimeUnit.SECONDS);
            Map<TopicPartition, OffsetSpec> earliest = new HashMap<>();
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            topics.values().forEach(t -> t.partitions().forEach(p -> {
                TopicPartition tp = new TopicPartition(t.name(), p.partition());
                earliest.put(tp, OffsetSpec.earliest());
                latest.put(tp, OffsetSpec.latest());
            }));
            var starts = client.listOffsets(earliest).all().get(10, TimeUnit.SECONDS);
            var ends = client.listOffsets(latest).all().get(10, TimeUnit.SECONDS);
            Map<String, Long> totals = new HashMap<>();
            ends.forEach((tp, end) -> totals.merge(tp.topic(), end.offset() - starts.get(tp).offset(), Long::sum));
            totals.forEach((topic, total) -> sizes.get(topic).set(total));
        } catch (Exception e) {
            // a missing DLQ topic or a broker hiccup: keep the last values, try again at the next tick
            LOG.debugf("could not read the dead-letter topics' sizes: %s", e.toString());
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Refreshes now (for tests and operators). */
    public Map<String, Long> sizesNow() {
        refresh();
        Map<String, Long> now = new HashMap<>();
        sizes.forEach((topic, size) -> now.put(topic, size.get()));
        return now;
    }

    private synchronized Admin admin() {
        if (admin == null) {
            admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                    AdminClientConfig.CLIENT_ID_CONFIG, "reporting-service-dlq-metrics"));
        }
        return admin;
    }

    @PreDestroy
    synchronized void close() {
        if (admin != null) {
            admin.close();
        }
    }
}
