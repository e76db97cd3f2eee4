package com.yeswechange.whatsapp.reporting.streams;

import java.util.List;
import java.util.function.Function;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/** Stateless: each event yields its facts (no memory of other events needed). */
final class FactProcessor<V> implements Processor<String, V, String, Double> {

    private final Function<V, List<Fact>> factsOf;
    private final FactEmitter emitter;
    private ProcessorContext<String, Double> context;

    FactProcessor(Function<V, List<Fact>> factsOf, FactEmitter emitter) {
        this.factsOf = factsOf;
        this.emitter = emitter;
    }

    @Override
    public void init(ProcessorContext<String, Double> context) {
        this.context = context;
    }

    @Override
    public void process(Record<String, V> record) {
        for (Fact fact : factsOf.apply(record.value())) {
            emitter.emit(context, fact, record.timestamp());
        }
    }
}
