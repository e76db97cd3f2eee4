package com.yeswechange.whatsapp.reporting.service;

import com.yeswechange.whatsapp.reporting.streams.Measure;
import com.yeswechange.whatsapp.reporting.streams.StatKey;
import com.yeswechange.whatsapp.reporting.streams.Stats;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** Aggregates of one span of buckets (a period, a day, an hour), merged per measure and scope. */
public final class Figures {

    private final Map<Measure, Map<String, Stats>> byMeasure = new EnumMap<>(Measure.class);

    void add(Measure measure, String scope, Stats stats) {
        byMeasure.computeIfAbsent(measure, m -> new TreeMap<>()).merge(scope, stats, Stats::merge);
    }

    public Stats stats(Measure measure, String scope) {
        return byMeasure.getOrDefault(measure, Map.of()).getOrDefault(scope, Stats.EMPTY);
    }

    public Stats overall(Measure measure) {
        return stats(measure, StatKey.ALL);
    }

    public Stats ofAgent(Measure measure, long agentId) {
        return stats(measure, "agent=" + agentId);
    }

    /** Counts per value of a dimension, e.g. {@code byDimension(SENDS, "outcome")} = {SENT: 12, FAILED: 1}. */
    public Map<String, Long> byDimension(Measure measure, String name) {
        Map<String, Long> counts = new TreeMap<>();
        String prefix = name + "=";
        byMeasure.getOrDefault(measure, Map.of()).forEach((scope, stats) -> {
            if (scope.startsWith(prefix)) {
                counts.put(scope.substring(prefix.length()), stats.count());
            }
        });
        return counts;
    }

    /** Every agent that has a number in these figures. */
    public Set<Long> agentIds() {
        Set<Long> ids = new TreeSet<>();
        byMeasure.values().forEach(scopes -> scopes.keySet().stream()
                .filter(scope -> scope.startsWith("agent="))
                .forEach(scope -> ids.add(Long.parseLong(scope.substring("agent=".length())))));
        return ids;
    }
}
