package com.yeswechange.whatsapp.chatwoot.dto;

import java.time.Instant;

/**
 * Parameters of the v2 reports. metric: conversations_count, incoming_messages_count, outgoing_messages_count,
 * avg_first_response_time, avg_resolution_time, resolutions_count, reply_time. type: account, agent, inbox, label,
 * team (id names the agent/inbox/... ). groupBy: hour, day, week, month, year. since/until are sent as unix seconds.
 */
public record ReportQuery(
        String metric,
        String type,
        Long id,
        Instant since,
        Instant until,
        String groupBy,
        String timezoneOffset,
        Boolean businessHours) {

    /** The whole account over [since, until). */
    public static ReportQuery account(Instant since, Instant until) {
        return new ReportQuery(null, "account", null, since, until, null, null, null);
    }

    public ReportQuery withMetric(String value) {
        return new ReportQuery(value, type, id, since, until, groupBy, timezoneOffset, businessHours);
    }

    public ReportQuery withType(String value, Long valueId) {
        return new ReportQuery(metric, value, valueId, since, until, groupBy, timezoneOffset, businessHours);
    }

    public ReportQuery withGroupBy(String value) {
        return new ReportQuery(metric, type, id, since, until, value, timezoneOffset, businessHours);
    }

    /** Hours from UTC as Chatwoot expects it, e.g. "0" for Abidjan. */
    public ReportQuery withTimezoneOffset(String value) {
        return new ReportQuery(metric, type, id, since, until, groupBy, value, businessHours);
    }

    public String sinceSeconds() {
        return since == null ? null : Long.toString(since.getEpochSecond());
    }

    public String untilSeconds() {
        return until == null ? null : Long.toString(until.getEpochSecond());
    }
}
