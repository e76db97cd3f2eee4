package com.yeswechange.whatsapp.reporting.streams;

/** Told of every fact once, as it is produced (the Prometheus metrics listen here). */
@FunctionalInterface
public interface FactListener {

    FactListener NONE = fact -> {
    };

    void onFact(Fact fact);
}
