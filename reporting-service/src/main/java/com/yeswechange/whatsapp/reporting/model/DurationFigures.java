package com.yeswechange.whatsapp.reporting.model;

import com.yeswechange.whatsapp.reporting.streams.Stats;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A duration's distribution in seconds; the averages and quantiles are null when there is no sample. */
@Schema(description = "Distribution of a duration in seconds (p50/p90 estimated from a histogram, within min..max)")
public record DurationFigures(long count, Double avgSeconds, Double p50Seconds, Double p90Seconds, Double maxSeconds) {

    public static DurationFigures of(Stats stats) {
        if (stats.count() == 0) {
            return new DurationFigures(0, null, null, null, null);
        }
        return new DurationFigures(stats.count(), round(stats.average()), round(stats.quantile(0.5)),
                round(stats.quantile(0.9)), round(stats.max()));
    }

    private static Double round(Double seconds) {
        return seconds == null ? null : Math.round(seconds * 10) / 10.0;
    }
}
