package com.yeswechange.whatsapp.reporting.streams;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Lets each event through once: Twilio and Chatwoot re-deliver, producers retry, and a consumer may replay after a
 * crash. The ids seen are kept in a changelogged store for {@code retention} of stream time, then forgotten.
 */
final class Deduplicator<V> implements FixedKeyProcessor<String, V, V> {

    private final String storeName;
    private final Function<V, String> idOf;
    private final Duration retention;
    private FixedKeyProcessorContext<String, V> context;
    private KeyValueStore<String, Long> seen;

    Deduplicator(String storeName, Function<V, String> idOf, Duration retention) {
        this.storeName = storeName;
        this.idOf = idOf;
        this.retention = retention;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, V> context) {
        this.context = context;
        this.seen = context.getStateStore(storeName);
        context.schedule(Duration.ofMinutes(10), PunctuationType.WALL_CLOCK_TIME, now -> forgetOldIds());
    }

    @Override
    public void process(FixedKeyRecord<String, V> record) {
        String id = idOf.apply(record.value());
        if (id != null) {
            if (seen.get(id) != null) {
                return;
            }
            seen.put(id, record.timestamp());
        }
        context.forward(record);
    }

    private void forgetOldIds() {
        long horizon = context.currentStreamTimeMs() - retention.toMillis();
        List<String> old = new ArrayList<>();
        try (KeyValueIterator<String, Long> all = seen.all()) {
            while (all.hasNext()) {
                KeyValue<String, Long> entry = all.next();
                if (entry.value < horizon) {
                    old.add(entry.key);
                }
            }
        }
        old.forEach(seen::delete);
    }
}
