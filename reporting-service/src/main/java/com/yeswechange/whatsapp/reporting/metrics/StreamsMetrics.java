package com.yeswechange.whatsapp.reporting.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.streams.KafkaStreams;

/**
 * Kafka Streams' own metrics (consumer lag {@code kafka_consumer_fetch_manager_records_lag_max}, dropped records,
 * process rates) and {@code reporting_streams_running} (1 while the topology runs or rebalances, 0 when it failed or
 * stopped).
 */
@ApplicationScoped
public class StreamsMetrics {

    void bind(@Observes StartupEvent start, KafkaStreams streams, MeterRegistry registry) {
        new KafkaStreamsMetrics(streams).bindTo(registry);
        Gauge.builder("reporting.streams.running", streams, s -> s.state().isRunningOrRebalancing() ? 1 : 0)
                .description("1 while the reporting topology runs, 0 when it has stopped or failed")
                .register(registry);
    }
}
