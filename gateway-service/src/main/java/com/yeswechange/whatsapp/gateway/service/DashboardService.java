package com.yeswechange.whatsapp.gateway.service;

import com.yeswechange.whatsapp.chatwoot.ChatwootClient;
import com.yeswechange.whatsapp.chatwoot.dto.AgentSummaryReportDTO;
import com.yeswechange.whatsapp.chatwoot.dto.ReportQuery;
import com.yeswechange.whatsapp.chatwoot.dto.ReportSummaryDTO;
import com.yeswechange.whatsapp.gateway.client.ReportingClient;
import com.yeswechange.whatsapp.gateway.view.Counts;
import com.yeswechange.whatsapp.gateway.view.Dashboard;
import io.quarkus.cache.CacheResult;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * The dashboard's numbers: reporting-service first (it adds what only the event stream knows, such as queue time
 * and delivery failures); when it does not answer, Chatwoot's v2 reports. Cached per period and shared.
 */
@ApplicationScoped
public class DashboardService {

    public static final Set<String> PERIODS = Set.of("today", "week", "month");
    public static final String REPORTS = "reports";
    /** YesWeChange works in Abidjan (UTC+0, no daylight saving). */
    static final ZoneId ZONE = ZoneId.of("Africa/Abidjan");

    private static final Logger LOG = Logger.getLogger(DashboardService.class);

    @Inject
    ReportingClient reporting;

    @Inject
    ChatwootClient chatwoot;

    @Inject
    ConversationService conversations;

    @Inject
    CurrentAgent agent;

    @Inject
    DashboardService self;

    Clock clock = Clock.systemUTC();

    /** Supervisors' and admins' numbers for today, week or month, with the open conversation counts. */
    public Dashboard dashboard(String period) {
        if (!agent.isSupervisor()) {
            throw new NotAllowedException("the dashboard is for supervisors and admins");
        }
        String wanted = period == null ? "today" : period;
        if (!PERIODS.contains(wanted)) {
            throw new InvalidInputException("period", "one of today, week, month");
        }
        Dashboard numbers = self.numbers(wanted);
        Counts counts = conversations.counts(ConversationFilter.mine());
        return new Dashboard(numbers.period(), numbers.source(), numbers.summary(), numbers.agents(), counts);
    }

    /** The period's numbers without counts; shared by all supervisors for a short while. */
    @CacheResult(cacheName = REPORTS)
    public Dashboard numbers(String period) {
        try {
            Map<String, Object> summary = reporting.dashboard(period);
            List<Map<String, Object>> agents = reporting.agents(period);
            return new Dashboard(period, "reporting", summary, agents, null);
        } catch (RuntimeException unavailable) {
            LOG.warnf("reporting-service did not answer (%s); using Chatwoot's reports",
                    unavailable.getClass().getSimpleName());
            return fromChatwoot(period);
        }
    }

    private Dashboard fromChatwoot(String period) {
        Instant since = start(period, clock.instant());
        Instant until = clock.instant();
        ReportSummaryDTO s = chatwoot.reportSummary(ReportQuery.account(since, until));
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("conversations", s.conversationsCount());
        summary.put("incoming_messages", s.incomingMessagesCount());
        summary.put("outgoing_messages", s.outgoingMessagesCount());
        summary.put("resolutions", s.resolutionsCount());
        summary.put("avg_first_response_seconds", s.avgFirstResponseTime());
        summary.put("avg_resolution_seconds", s.avgResolutionTime());
        summary.put("reply_time_seconds", s.replyTime());
        List<Map<String, Object>> agents = chatwoot.agentSummaryReport(since, until).stream()
                .map(DashboardService::agentRow).toList();
        return new Dashboard(period, "chatwoot", summary, agents, null);
    }

    private static Map<String, Object> agentRow(AgentSummaryReportDTO row) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("agent_id", row.id());
        values.put("conversations", row.conversationsCount());
        values.put("resolved", row.resolvedConversationsCount());
        values.put("avg_first_response_seconds", row.avgFirstResponseTime());
        values.put("avg_resolution_seconds", row.avgResolutionTime());
        values.put("avg_reply_seconds", row.avgReplyTime());
        return values;
    }

    /** Start of today, of this week (Monday) or of this month, in Abidjan. */
    static Instant start(String period, Instant now) {
        LocalDate today = now.atZone(ZONE).toLocalDate();
        LocalDate first = switch (period) {
            case "week" -> today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case "month" -> today.withDayOfMonth(1);
            default -> today;
        };
        return first.atStartOfDay(ZONE).toInstant();
    }
}
