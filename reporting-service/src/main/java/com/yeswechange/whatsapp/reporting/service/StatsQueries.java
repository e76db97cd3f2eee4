package com.yeswechange.whatsapp.reporting.service;

import com.yeswechange.whatsapp.reporting.streams.ReportingTopology;
import com.yeswechange.whatsapp.reporting.streams.StatKey;
import com.yeswechange.whatsapp.reporting.streams.Stats;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * Interactive queries on the stats store. Every instance answers from its own copy: the store's partitions it runs
 * (active) and those it follows as a standby replica ({@code num.standby.replicas} = instances - 1), so a period's
 * range scan sees every key without routing to other instances. A standby copy may lag by a commit interval.
 */
@ApplicationScoped
public class StatsQueries {

    private final KafkaStreams streams;

    public StatsQueries(KafkaStreams streams) {
        this.streams = streams;
    }

    /** Everything from the first day to the last (inclusive), merged. */
    public Figures days(LocalDate first, LocalDate last) {
        Figures figures = new Figures();
        scan(StatKey.dayRangeStart(first), StatKey.dayRangeEnd(last),
                (key, stats) -> figures.add(key.measure(), key.scope(), stats));
        return figures;
    }

    /** One Figures per day from first to last (days without data are absent). */
    public Map<LocalDate, Figures> perDay(LocalDate first, LocalDate last) {
        Map<LocalDate, Figures> days = new TreeMap<>();
        scan(StatKey.dayRangeStart(first), StatKey.dayRangeEnd(last), (key, stats) -> days
                .computeIfAbsent(LocalDate.parse(key.bucket()), d -> new Figures()).add(key.measure(), key.scope(), stats));
        return days;
    }

    /** One Figures per hour of a day, keyed {@code 2026-12-05T14} (hours without data are absent). */
    public Map<String, Figures> perHour(LocalDate day) {
        Map<String, Figures> hours = new TreeMap<>();
        scan(StatKey.hourRangeStart(day), StatKey.hourRangeEnd(day), (key, stats) -> hours
                .computeIfAbsent(key.bucket(), h -> new Figures()).add(key.measure(), key.scope(), stats));
        return hours;
    }

    private interface Visitor {
        void visit(StatKey key, Stats stats);
    }

    private void scan(String from, String to, Visitor visitor) {
        try (KeyValueIterator<String, Stats> entries = store().range(from, to)) {
            while (entries.hasNext()) {
                KeyValue<String, Stats> entry = entries.next();
                visitor.visit(StatKey.decode(entry.key), entry.value);
            }
        } catch (InvalidStateStoreException e) {
            throw unavailable(e);
        }
    }

    private ReadOnlyKeyValueStore<String, Stats> store() {
        try {
            return streams.store(StoreQueryParameters.fromNameAndType(ReportingTopology.STATS_STORE,
                    QueryableStoreTypes.<String, Stats>keyValueStore()).enableStaleStores());
        } catch (InvalidStateStoreException e) {
            throw unavailable(e);
        }
    }

    private StatsUnavailableException unavailable(InvalidStateStoreException e) {
        return new StatsUnavailableException("the stream aggregates are not queryable right now (Kafka Streams is "
                + streams.state() + "); try again shortly", e);
    }
}
