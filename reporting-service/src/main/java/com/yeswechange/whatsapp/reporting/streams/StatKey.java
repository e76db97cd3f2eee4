package com.yeswechange.whatsapp.reporting.streams;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * The key of one aggregate in the stats store: {@code <D|H>|<bucket>|<measure>|<scope>}, where the bucket is a day
 * ({@code 2026-12-05}) or an hour ({@code 2026-12-05T14}) of the reporting time zone and the scope is {@code all},
 * {@code agent=<id>}, or a dimension such as {@code reason=63016}. Keys sort by bucket, so a period is a range scan.
 */
public record StatKey(Granularity granularity, String bucket, Measure measure, String scope) {

    public static final String ALL = "all";
    private static final String SEP = "|";
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH");

    public enum Granularity {
        DAY("D"),
        HOUR("H");

        private final String prefix;

        Granularity(String prefix) {
            this.prefix = prefix;
        }

        public String prefix() {
            return prefix;
        }
    }

    /** The four keys a fact adds to: its day and its hour, overall (or its dimension) and for its agent, if any. */
    public static List<String> keysOf(Fact fact, Instant at, ZoneId zone) {
        ZonedDateTime local = at.atZone(zone);
        String day = local.toLocalDate().toString();
        String hour = local.format(HOUR);
        List<String> keys = new ArrayList<>(4);
        String scope = fact.dimension() == null ? ALL : fact.dimension();
        keys.add(new StatKey(Granularity.DAY, day, fact.measure(), scope).encode());
        keys.add(new StatKey(Granularity.HOUR, hour, fact.measure(), scope).encode());
        if (fact.agentId() != null) {
            String agentScope = "agent=" + fact.agentId();
            keys.add(new StatKey(Granularity.DAY, day, fact.measure(), agentScope).encode());
            keys.add(new StatKey(Granularity.HOUR, hour, fact.measure(), agentScope).encode());
        }
        return keys;
    }

    public String encode() {
        return granularity.prefix() + SEP + bucket + SEP + measure.name() + SEP + scope;
    }

    public static StatKey decode(String key) {
        String[] parts = key.split("\\|", 4);
        Granularity granularity = parts[0].equals("D") ? Granularity.DAY : Granularity.HOUR;
        return new StatKey(granularity, parts[1], Measure.valueOf(parts[2]), parts[3]);
    }

    /** Lowest key of the day {@code from} (inclusive). */
    public static String dayRangeStart(LocalDate from) {
        return "D" + SEP + from + SEP;
    }

    /** A key above every key of the day {@code to}. */
    public static String dayRangeEnd(LocalDate to) {
        return "D" + SEP + to + SEP + '\uffff';
    }

    /** The hours of one day: from {@code H|<day>T00|} to above {@code H|<day>T23|...}. */
    public static String hourRangeStart(LocalDate day) {
        return "H" + SEP + day + "T";
    }

    public static String hourRangeEnd(LocalDate day) {
        return "H" + SEP + day + "T" + '\uffff';
    }
}
