package com.yeswechange.whatsapp.reporting.client;

import com.yeswechange.whatsapp.chatwoot.AssigneeType;
import com.yeswechange.whatsapp.chatwoot.ChatwootClient;
import com.yeswechange.whatsapp.chatwoot.ConversationStatus;
import com.yeswechange.whatsapp.chatwoot.dto.ConversationCountsDTO;
import com.yeswechange.whatsapp.chatwoot.dto.ConversationQuery;
import com.yeswechange.whatsapp.chatwoot.dto.ReportQuery;
import com.yeswechange.whatsapp.reporting.config.ReportingConfig;
import com.yeswechange.whatsapp.reporting.service.ReportPeriod;
import io.quarkus.cache.CacheResult;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/**
 * Chatwoot's v2 reports and conversation counts through the shared {@link ChatwootClient}, cached briefly
 * ({@code quarkus.cache.caffeine.*.expire-after-write}): dashboards refresh often, Chatwoot limits v2 reports and
 * {@code conversations/meta} per token. Failures are not cached: the next call tries again.
 */
@ApplicationScoped
public class ChatwootReports {

    public static final String REPORTS_CACHE = "chatwoot-reports";
    public static final String COUNTS_CACHE = "chatwoot-counts";

    private final ChatwootClient chatwoot;
    private final ReportingConfig config;

    public ChatwootReports(ChatwootClient chatwoot, ReportingConfig config) {
        this.chatwoot = chatwoot;
        this.config = config;
    }

    /** The account's summary, per-agent summary and agent list for the period, from its start until now. */
    @CacheResult(cacheName = REPORTS_CACHE)
    public ChatwootSnapshot snapshot(ReportPeriod period) {
        ReportPeriod.Range range = period.range(config.timeZone(), Instant.now());
        return new ChatwootSnapshot(
                chatwoot.reportSummary(ReportQuery.account(range.from(), range.to())),
                chatwoot.agentSummaryReport(range.from(), range.to()),
                chatwoot.listAgents());
    }

    /** Open, pending and unassigned conversations of the WhatsApp inbox (two conversations/meta calls). */
    @CacheResult(cacheName = COUNTS_CACHE)
    public ConversationCounts counts() {
        ConversationCountsDTO open = chatwoot.conversationCounts(
                ConversationQuery.of(ConversationStatus.OPEN, AssigneeType.ALL).withInboxId(chatwoot.whatsappInboxId()));
        ConversationCountsDTO pending = chatwoot.conversationCounts(
                ConversationQuery.of(ConversationStatus.PENDING, AssigneeType.ALL)
                        .withInboxId(chatwoot.whatsappInboxId()));
        return new ConversationCounts(orZero(open.allCount()), orZero(pending.allCount()),
                orZero(open.unassignedCount()));
    }

    private static long orZero(Long value) {
        return value == null ? 0 : value;
    }
}
