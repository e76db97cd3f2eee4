package com.yeswechange.whatsapp.reporting.streams;

import java.time.Instant;
import java.time.ZoneId;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/** Turns a fact into its stats-store keys (day and hour, overall and per agent) and forwards one record per key. */
final class FactEmitter {

    private final ZoneId zone;
    private final FactListener listener;

    FactEmitter(ZoneId zone, FactListener listener) {
        this.zone = zone;
        this.listener = listener;
    }

    void emit(ProcessorContext<String, Double> context, Fact fact, long timestamp) {
        listener.onFact(fact);
        for (String key : StatKey.keysOf(fact, Instant.ofEpochMilli(timestamp), zone)) {
            context.forward(new Record<>(key, fact.value(), timestamp));
        }
    }
}
