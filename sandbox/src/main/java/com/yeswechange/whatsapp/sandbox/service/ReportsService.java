package com.yeswechange.whatsapp.sandbox.service;

import static com.yeswechange.whatsapp.sandbox.service.Json.obj;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.function.Predicate;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.yeswechange.whatsapp.sandbox.model.Conversation;
import com.yeswechange.whatsapp.sandbox.model.Message;
import com.yeswechange.whatsapp.sandbox.model.User;

/**
 * Chatwoot's v2 reports (API-NOTES.md §1 Reports) computed from the sandbox's own conversations and messages: times
 * in seconds, counts over [since, until], averages null over an empty set.
 */
@ApplicationScoped
public class ReportsService {

    static final List<String> METRICS = List.of("conversations_count", "incoming_messages_count",
            "outgoing_messages_count", "avg_first_response_time", "avg_resolution_time", "resolutions_count",
            "reply_time");

    @Inject
    SandboxStore store;

    /** The period and scope of one report. */
    public record Scope(Instant since, Instant until, String type, Long id) {

        public static Scope of(String since, String until, String type, Long id) {
            Instant end = until == null || until.isBlank() ? Instant.now() : Instant.ofEpochSecond(parse(until));
            Instant start = since == null || since.isBlank() ? end.minus(Duration.ofDays(7))
                    : Instant.ofEpochSecond(parse(since));
            return new Scope(start, end, type == null ? "account" : type, id);
        }

        private static long parse(String unix) {
            try {
                return Long.parseLong(unix.trim());
            } catch (NumberFormatException e) {
                throw ApiException.unprocessable("since/until must be unix seconds");
            }
        }

        Scope previous() {
            Duration length = Duration.between(since, until);
            return new Scope(since.minus(length), since, type, id);
        }

        boolean contains(Instant t) {
            return t != null && !t.isBefore(since) && !t.isAfter(until);
        }
    }

    public Map<String, Object> summary(Scope scope) {
        synchronized (store) {
            Map<String, Object> current = summaryOf(scope);
            Map<String, Object> previous = summaryOf(scope.previous());
            current.put("previous", previous);
            return current;
        }
    }

    private Map<String, Object> summaryOf(Scope scope) {
        Map<String, Object> json = obj();
        for (String metric : METRICS) {
            json.put(metric, metric(metric, scope));
        }
        return json;
    }

    /** GET /reports: a timeseries [{value, timestamp}] per group_by bucket. */
    public List<Map<String, Object>> timeseries(String metric, Scope scope, String groupBy) {
        if (!METRICS.contains(metric)) {
            throw ApiException.unprocessable("Invalid metric " + metric);
        }
        ChronoUnit unit = switch (groupBy == null ? "day" : groupBy) {
            case "hour" -> ChronoUnit.HOURS;
            case "day" -> ChronoUnit.DAYS;
            case "week" -> ChronoUnit.WEEKS;
            case "month" -> ChronoUnit.MONTHS;
            case "year" -> ChronoUnit.YEARS;
            default -> throw ApiException.unprocessable("Invalid group_by " + groupBy);
        };
        synchronized (store) {
            List<Map<String, Object>> points = new ArrayList<>();
            ZonedDateTime bucket = truncate(scope.since().atZone(ZoneOffset.UTC), unit);
            while (!bucket.toInstant().isAfter(scope.until())) {
                ZonedDateTime next = bucket.plus(1, unit);
                Instant start = bucket.toInstant().isBefore(scope.since()) ? scope.since() : bucket.toInstant();
                Instant end = next.toInstant().isAfter(scope.until()) ? scope.until() : next.toInstant().minusNanos(1);
                Object value = metric(metric, new Scope(start, end, scope.type(), scope.id()));
                points.add(obj("value", value == null ? 0 : value, "timestamp", bucket.toEpochSecond()));
                bucket = next;
            }
            return points;
        }
    }

    private static ZonedDateTime truncate(ZonedDateTime t, ChronoUnit unit) {
        return switch (unit) {
            case HOURS -> t.truncatedTo(ChronoUnit.HOURS);
            case DAYS -> t.truncatedTo(ChronoUnit.DAYS);
            case WEEKS -> t.truncatedTo(ChronoUnit.DAYS).minusDays(t.getDayOfWeek().getValue() - 1L);
            case MONTHS -> t.truncatedTo(ChronoUnit.DAYS).withDayOfMonth(1);
            default -> t.truncatedTo(ChronoUnit.DAYS).withDayOfYear(1);
        };
    }

    /** GET /reports/conversations?type=account|agent: live counts. */
    public Object conversationCounts(String type) {
        synchronized (store) {
            List<Conversation> open = store.conversations.values().stream().filter(c -> "open".equals(c.status))
                    .toList();
            if ("agent".equals(type)) {
                return store.users.values().stream().map(u -> obj("id", u.id, "name", u.name, "email", u.email,
                        "thumbnail", "", "availability", u.availability, "metric",
                        obj("open", open.stream().filter(c -> Objects.equals(c.assigneeId, u.id)).count(),
                                "unattended", open.stream().filter(c -> Objects.equals(c.assigneeId, u.id))
                                        .filter(ReportsService::unattended).count())))
                        .toList();
            }
            return obj("open", (long) open.size(), "unattended", open.stream().filter(ReportsService::unattended)
                    .count(), "unassigned", open.stream().filter(c -> c.assigneeId == null).count(), "pending",
                    store.conversations.values().stream().filter(c -> "pending".equals(c.status)).count());
        }
    }

    private static boolean unattended(Conversation c) {
        return c.firstReplyCreatedAt == null || c.waitingSince != null;
    }

    /** GET /summary_reports/agent */
    public List<Map<String, Object>> agentSummary(Scope scope) {
        synchronized (store) {
            return store.users.values().stream().sorted(Comparator.comparingLong((User u) -> u.id)).map(u -> {
                Scope agent = new Scope(scope.since(), scope.until(), "agent", u.id);
                return obj("id", u.id, "conversations_count", metric("conversations_count", agent),
                        "resolved_conversations_count", metric("resolutions_count", agent), "avg_resolution_time",
                        metric("avg_resolution_time", agent), "avg_first_response_time",
                        metric("avg_first_response_time", agent), "avg_reply_time", metric("reply_time", agent));
            }).toList();
        }
    }

    private Object metric(String metric, Scope scope) {
        Predicate<Conversation> inScope = scopeFilter(scope);
        Stream<Conversation> conversations = store.conversations.values().stream().filter(inScope);
        return switch (metric) {
            case "conversations_count" -> conversations.filter(c -> scope.contains(c.createdAt)).count();
            case "resolutions_count" -> conversations.filter(c -> "resolved".equals(c.status))
                    .filter(c -> scope.contains(c.resolvedAt)).count();
            case "incoming_messages_count" -> messages(scope, inScope).filter(m -> m.messageType == Message.INCOMING)
                    .count();
            case "outgoing_messages_count" -> messages(scope, inScope).filter(m -> m.messageType == Message.OUTGOING)
                    .filter(m -> !m.isPrivate).count();
            case "avg_first_response_time" -> average(conversations.filter(c -> c.firstReplyCreatedAt != null)
                    .filter(c -> scope.contains(c.firstReplyCreatedAt))
                    .mapToDouble(c -> seconds(c.createdAt, c.firstReplyCreatedAt)).average());
            case "avg_resolution_time" -> average(conversations.filter(c -> "resolved".equals(c.status))
                    .filter(c -> scope.contains(c.resolvedAt)).mapToDouble(c -> seconds(c.createdAt, c.resolvedAt))
                    .average());
            case "reply_time" -> average(conversations.flatMap(c -> replyTimes(c, scope).stream())
                    .mapToDouble(Double::doubleValue).average());
            default -> throw ApiException.unprocessable("Invalid metric " + metric);
        };
    }

    private Predicate<Conversation> scopeFilter(Scope scope) {
        if (scope.id() == null) {
            return c -> true;
        }
        return switch (scope.type()) {
            case "agent" -> c -> Objects.equals(c.assigneeId, scope.id());
            case "inbox" -> c -> c.inboxId == scope.id();
            case "team" -> c -> Objects.equals(c.teamId, scope.id());
            default -> c -> true;
        };
    }

    private Stream<Message> messages(Scope scope, Predicate<Conversation> inScope) {
        return store.messages.values().stream().filter(m -> scope.contains(m.createdAt))
                .filter(m -> inScope.test(store.conversations.get(m.conversationId)));
    }

    /** Seconds from each customer message that waited to the agent reply that answered it. */
    private List<Double> replyTimes(Conversation c, Scope scope) {
        List<Double> times = new ArrayList<>();
        Instant waitingFrom = null;
        for (Message m : store.messagesOf(c.id)) {
            if (m.messageType == Message.INCOMING && waitingFrom == null) {
                waitingFrom = m.createdAt;
            } else if (m.messageType == Message.OUTGOING && !m.isPrivate && waitingFrom != null) {
                if (scope.contains(m.createdAt)) {
                    times.add(seconds(waitingFrom, m.createdAt));
                }
                waitingFrom = null;
            }
        }
        return times;
    }

    private static double seconds(Instant from, Instant to) {
        return Duration.between(from, to).toMillis() / 1000.0;
    }

    private static Double average(OptionalDouble value) {
        return value.isPresent() ? value.getAsDouble() : null;
    }
}
