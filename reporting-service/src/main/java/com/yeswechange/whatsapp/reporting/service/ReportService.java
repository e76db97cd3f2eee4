package com.yeswechange.whatsapp.reporting.service;

import com.yeswechange.whatsapp.chatwoot.ChatwootException;
import com.yeswechange.whatsapp.chatwoot.dto.AgentDTO;
import com.yeswechange.whatsapp.chatwoot.dto.AgentSummaryReportDTO;
import com.yeswechange.whatsapp.chatwoot.dto.ReportSummaryDTO;
import com.yeswechange.whatsapp.reporting.client.ChatwootReports;
import com.yeswechange.whatsapp.reporting.client.ChatwootSnapshot;
import com.yeswechange.whatsapp.reporting.client.ConversationCounts;
import com.yeswechange.whatsapp.reporting.config.ReportingConfig;
import com.yeswechange.whatsapp.reporting.model.AgentRow;
import com.yeswechange.whatsapp.reporting.model.AgentsReport;
import com.yeswechange.whatsapp.reporting.model.BucketNumbers;
import com.yeswechange.whatsapp.reporting.model.ChatwootNumbers;
import com.yeswechange.whatsapp.reporting.model.Dashboard;
import com.yeswechange.whatsapp.reporting.model.DurationFigures;
import com.yeswechange.whatsapp.reporting.model.FailureCount;
import com.yeswechange.whatsapp.reporting.model.StreamNumbers;
import com.yeswechange.whatsapp.reporting.streams.Measure;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Puts the two sources together: the stream aggregates (what only our events know: handoffs, queue time, delivery
 * outcomes) and Chatwoot's own reports (conversations, first response, resolution as Chatwoot computes them, and the
 * live open/pending/unassigned counts). Either may be missing: the answer then says so ({@code degraded}) instead of
 * failing.
 */
@ApplicationScoped
public class ReportService {

    private static final Logger LOG = Logger.getLogger(ReportService.class);
    /** The longest span the daily endpoint answers in one call. */
    static final int MAX_DAYS = 92;

    private final StatsQueries stats;
    private final ChatwootReports chatwoot;
    private final ReportingConfig config;

    public ReportService(StatsQueries stats, ChatwootReports chatwoot, ReportingConfig config) {
        this.stats = stats;
        this.chatwoot = chatwoot;
        this.config = config;
    }

    public Dashboard dashboard(ReportPeriod period) {
        ReportPeriod.Range range = period.range(config.timeZone(), Instant.now());
        Figures figures = null;
        String streamError = null;
        try {
            figures = stats.days(range.firstDay(), range.lastDay());
        } catch (StatsUnavailableException e) {
            streamError = e.getMessage();
        }
        ChatwootNumbers chatwootNumbers;
        ChatwootSnapshot snapshot = null;
        try {
            snapshot = chatwoot.snapshot(period);
            chatwootNumbers = chatwootNumbers(snapshot.summary(), chatwoot.counts());
        } catch (RuntimeException e) {
            chatwootNumbers = ChatwootNumbers.unavailable(describe(e));
            snapshot = null;
        }
        List<AgentRow> agents = agentRows(figures, snapshot);
        return new Dashboard(period.label(), config.timeZone().getId(), range.from(), range.to(),
                streamError != null || !chatwootNumbers.available(),
                figures == null ? null : streamNumbers(figures), streamError, chatwootNumbers, agents);
    }

    /** The per-agent table; without the stream it fails (503), without Chatwoot it is degraded (no names). */
    public AgentsReport agents(ReportPeriod period) {
        ReportPeriod.Range range = period.range(config.timeZone(), Instant.now());
        Figures figures = stats.days(range.firstDay(), range.lastDay());
        ChatwootSnapshot snapshot = null;
        String chatwootError = null;
        try {
            snapshot = chatwoot.snapshot(period);
        } catch (RuntimeException e) {
            chatwootError = describe(e);
        }
        return new AgentsReport(agentRows(figures, snapshot), chatwootError);
    }

    /** The stream numbers of each day from first to last (inclusive); days without events are all zeros. */
    public List<BucketNumbers> daily(LocalDate first, LocalDate last) {
        if (last.isBefore(first)) {
            throw new InvalidRequestException("'to' (" + last + ") is before 'from' (" + first + ")");
        }
        if (ChronoUnit.DAYS.between(first, last) >= MAX_DAYS) {
            throw new InvalidRequestException("at most " + MAX_DAYS + " days per request");
        }
        Map<LocalDate, Figures> days = stats.perDay(first, last);
        return first.datesUntil(last.plusDays(1))
                .map(day -> new BucketNumbers(day.toString(), streamNumbers(days.getOrDefault(day, new Figures()))))
                .toList();
    }

    /** The stream numbers of each hour of a day (00 to 23). */
    public List<BucketNumbers> hourly(LocalDate day) {
        Map<String, Figures> hours = stats.perHour(day);
        return java.util.stream.IntStream.range(0, 24)
                .mapToObj(h -> day + "T" + (h < 10 ? "0" + h : Integer.toString(h)))
                .map(hour -> new BucketNumbers(hour, streamNumbers(hours.getOrDefault(hour, new Figures()))))
                .toList();
    }

    public LocalDate today() {
        return LocalDate.now(config.timeZone());
    }

    static StreamNumbers streamNumbers(Figures f) {
        List<FailureCount> failures = f.byDimension(Measure.DELIVERY_FAILURES, "reason").entrySet().stream()
                .map(e -> new FailureCount(e.getKey(), FailureReasons.describe(e.getKey()), e.getValue()))
                .sorted(Comparator.comparingLong(FailureCount::count).reversed()
                        .thenComparing(FailureCount::reason))
                .toList();
        return new StreamNumbers(
                f.overall(Measure.HANDOFFS).count(),
                f.overall(Measure.CONVERSATIONS_OPENED).count(),
                f.overall(Measure.CONVERSATIONS_RESOLVED).count(),
                f.overall(Measure.MESSAGES_IN).count(),
                f.overall(Measure.MESSAGES_OUT).count(),
                DurationFigures.of(f.overall(Measure.QUEUE_TIME)),
                DurationFigures.of(f.overall(Measure.FIRST_RESPONSE)),
                DurationFigures.of(f.overall(Measure.RESOLUTION_TIME)),
                f.byDimension(Measure.SENDS, "outcome"),
                f.byDimension(Measure.DELIVERY_STATUSES, "status"),
                failures,
                f.overall(Measure.WINDOW_BLOCKED).count());
    }

    private static ChatwootNumbers chatwootNumbers(ReportSummaryDTO s, ConversationCounts counts) {
        return new ChatwootNumbers(true, null, s.conversationsCount(), s.resolutionsCount(),
                s.incomingMessagesCount(), s.outgoingMessagesCount(), s.avgFirstResponseTime(),
                s.avgResolutionTime(), s.replyTime(), counts.open(), counts.pending(), counts.unassigned());
    }

    /** One row per agent known to the stream or to Chatwoot's per-agent summary, busiest first. */
    private static List<AgentRow> agentRows(Figures figures, ChatwootSnapshot snapshot) {
        Set<Long> ids = new TreeSet<>(figures == null ? Set.of() : figures.agentIds());
        Map<Long, AgentSummaryReportDTO> summaries = snapshot == null ? Map.of()
                : snapshot.agentSummaries().stream().collect(Collectors.toMap(AgentSummaryReportDTO::id,
                        Function.identity(), (a, b) -> a));
        Map<Long, AgentDTO> agents = snapshot == null ? Map.of()
                : snapshot.agents().stream().collect(Collectors.toMap(AgentDTO::id, Function.identity(), (a, b) -> a));
        summaries.forEach((id, summary) -> {
            if (summary.conversationsCount() != null && summary.conversationsCount() > 0) {
                ids.add(id);
            }
        });
        Figures f = figures == null ? new Figures() : figures;
        return ids.stream().map(id -> {
            AgentDTO agent = agents.get(id);
            AgentSummaryReportDTO summary = summaries.get(id);
            return new AgentRow(id,
                    agent == null ? null : agent.availableName() != null ? agent.availableName() : agent.name(),
                    agent == null ? null : agent.email(),
                    f.ofAgent(Measure.MESSAGES_OUT, id).count(),
                    f.ofAgent(Measure.CONVERSATIONS_RESOLVED, id).count(),
                    DurationFigures.of(f.ofAgent(Measure.FIRST_RESPONSE, id)),
                    DurationFigures.of(f.ofAgent(Measure.QUEUE_TIME, id)),
                    DurationFigures.of(f.ofAgent(Measure.RESOLUTION_TIME, id)),
                    summary == null ? null : new AgentRow.ChatwootAgentNumbers(summary.conversationsCount(),
                            summary.resolvedConversationsCount(), summary.avgFirstResponseTime(),
                            summary.avgResolutionTime(), summary.avgReplyTime()));
        }).sorted(Comparator.comparingLong(AgentRow::replies).reversed().thenComparingLong(AgentRow::agentId))
                .toList();
    }

    /** Why Chatwoot's numbers are missing, in words fit for a response (never a token or a raw body). */
    private static String describe(RuntimeException e) {
        if (e instanceof ChatwootException ce) {
            LOG.warnf("Chatwoot reports unavailable: %s (HTTP %d)", ce.getClass().getSimpleName(), ce.status());
            return ce.status() > 0
                    ? "Chatwoot reports unavailable: Chatwoot answered HTTP " + ce.status()
                    : "Chatwoot reports unavailable: Chatwoot cannot be reached";
        }
        LOG.warnf("Chatwoot reports unavailable: %s", e.toString());
        return "Chatwoot reports unavailable: " + e.getClass().getSimpleName();
    }
}
