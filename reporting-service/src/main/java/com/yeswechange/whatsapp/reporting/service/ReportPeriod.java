package com.yeswechange.whatsapp.reporting.service;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The dashboard's periods, in the reporting time zone: today, this week (from Monday), this month. */
public enum ReportPeriod {
    TODAY,
    WEEK,
    MONTH;

    /** The days the period covers, up to and including today, and its start and end instants. */
    public record Range(LocalDate firstDay, LocalDate lastDay, Instant from, Instant to) {
    }

    public static ReportPeriod parse(String value) {
        if (value == null || value.isBlank()) {
            return TODAY;
        }
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("period must be one of " + names() + ", not '" + value + "'");
        }
    }

    public static String names() {
        return Arrays.stream(values()).map(ReportPeriod::label).collect(Collectors.joining(", "));
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public Range range(ZoneId zone, Instant now) {
        LocalDate today = now.atZone(zone).toLocalDate();
        LocalDate first = switch (this) {
            case TODAY -> today;
            case WEEK -> today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTH -> today.withDayOfMonth(1);
        };
        return new Range(first, today, first.atStartOfDay(zone).toInstant(), now);
    }
}
