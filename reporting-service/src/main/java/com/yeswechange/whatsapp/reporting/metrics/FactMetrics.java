package com.yeswechange.whatsapp.reporting.metrics;

import com.yeswechange.whatsapp.reporting.streams.Fact;
import com.yeswechange.whatsapp.reporting.streams.FactListener;
import com.yeswechange.whatsapp.reporting.streams.Measure;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Locale;

/**
 * The business numbers as Prometheus metrics, recorded as each fact is produced: counters {@code reporting_<measure>}
 * (e.g. {@code reporting_handoffs_total}, {@code reporting_sends_total{outcome}}) and timers with fixed buckets
 * ({@code reporting_queue_time_seconds_bucket}, {@code reporting_first_response_seconds_bucket},
 * {@code reporting_resolution_time_seconds_bucket}). Every series has an {@code agent} tag: the Chatwoot user id, or
 * {@code none} (agent ids are a small set). The day-by-day truth is the stats store; these are for rates and alerts.
 */
@ApplicationScoped
public class FactMetrics implements FactListener {

    /** Timer buckets (seconds to a day): the alert and dashboard thresholds fall on them. */
    static final Duration[] DURATION_BUCKETS = {Duration.ofSeconds(30), Duration.ofMinutes(1), Duration.ofMinutes(2),
            Duration.ofMinutes(5), Duration.ofMinutes(10), Duration.ofMinutes(15), Duration.ofMinutes(30),
            Duration.ofHours(1), Duration.ofHours(2), Duration.ofHours(4), Duration.ofHours(8), Duration.ofDays(1)};

    static final String NO_AGENT = "none";

    private final MeterRegistry registry;

    public FactMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** The Micrometer name of a measure: {@code reporting.queue.time}, {@code reporting.first.response}, .... */
    public static String meterName(Measure measure) {
        return "reporting." + measure.name().toLowerCase(Locale.ROOT).replace('_', '.');
    }

    @Override
    public void onFact(Fact fact) {
        Tags tags = Tags.empty();
        if (fact.dimension() != null) {
            String[] nameValue = fact.dimension().split("=", 2);
            tags = tags.and(nameValue[0], nameValue[1]);
        }
        // every series of a metric must carry the same tag keys: facts without an agent say so
        tags = tags.and("agent", fact.agentId() == null ? NO_AGENT : fact.agentId().toString());
        String name = meterName(fact.measure());
        if (fact.measure().kind() == Measure.Kind.DURATION) {
            Timer.builder(name)
                    .tags(tags)
                    .serviceLevelObjectives(DURATION_BUCKETS)
                    .register(registry)
                    .record(Duration.ofMillis(Math.round(fact.value() * 1000)));
        } else {
            Counter.builder(name).tags(tags).register(registry).increment(fact.value());
        }
    }
}
