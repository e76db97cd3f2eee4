package com.yeswechange.whatsapp.reporting.streams;

/**
 * One thing that happened, before it is bucketed: a measure, an optional dimension ({@code name=value}), the agent it
 * belongs to (or null) and a value (1 for counts, seconds for durations). Its time is the record's event time.
 */
public record Fact(Measure measure, String dimension, Long agentId, double value) {

    public static Fact count(Measure measure) {
        return new Fact(measure, null, null, 1);
    }

    public static Fact count(Measure measure, String dimensionName, String dimensionValue) {
        return new Fact(measure, dimensionName + "=" + dimensionValue, null, 1);
    }

    public static Fact seconds(Measure measure, double seconds) {
        return new Fact(measure, null, null, seconds);
    }

    public Fact forAgent(Long agent) {
        return new Fact(measure, dimension, agent, value);
    }
}
