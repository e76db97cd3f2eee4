package com.yeswechange.whatsapp.reporting.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.yeswechange.whatsapp.chatwoot.dto.ReportSummaryDTO;
import com.yeswechange.whatsapp.reporting.client.ChatwootReports;
import com.yeswechange.whatsapp.reporting.client.ChatwootSnapshot;
import com.yeswechange.whatsapp.reporting.client.ConversationCounts;
import com.yeswechange.whatsapp.reporting.config.ReportingConfig;
import com.yeswechange.whatsapp.reporting.model.Dashboard;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.junit.jupiter.api.Test;

/** The parts of the composition the component test cannot reach: the stream side unavailable, bad day ranges. */
class ReportServiceTest {

    static final ReportingConfig CONFIG = new ReportingConfig() {
        @Override
        public ZoneId timeZone() {
            return ZoneId.of("Africa/Abidjan");
        }

        @Override
        public Duration dedupeRetention() {
            return Duration.ofDays(7);
        }

        @Override
        public String dlqRefreshInterval() {
            return "30s";
        }
    };

    /** A stats store that is restoring: every query fails as Kafka Streams makes it fail. */
    static final StatsQueries RESTORING = new StatsQueries(null) {
        @Override
        public Figures days(LocalDate first, LocalDate last) {
            throw new StatsUnavailableException("restoring", new InvalidStateStoreException("restoring"));
        }

        @Override
        public Map<LocalDate, Figures> perDay(LocalDate first, LocalDate last) {
            return Map.of();
        }
    };

    static final ChatwootReports CHATWOOT_UP = new ChatwootReports(null, CONFIG) {
        @Override
        public ChatwootSnapshot snapshot(ReportPeriod period) {
            return new ChatwootSnapshot(new ReportSummaryDTO(7L, 40L, 35L, 95.5, 1800.0, 5L, 60.0, null), List.of(),
                    List.of());
        }

        @Override
        public ConversationCounts counts() {
            return new ConversationCounts(4, 2, 1);
        }
    };

    @Test
    void withTheStreamUnavailableTheDashboardStillHasChatwootsNumbers() {
        Dashboard d = new ReportService(RESTORING, CHATWOOT_UP, CONFIG).dashboard(ReportPeriod.TODAY);

        assertThat(d.degraded()).isTrue();
        assertThat(d.stream()).isNull();
        assertThat(d.streamError()).isEqualTo("restoring");
        assertThat(d.chatwoot().available()).isTrue();
        assertThat(d.chatwoot().conversations()).isEqualTo(7);
        assertThat(d.chatwoot().unassigned()).isEqualTo(1);
    }

    @Test
    void theAgentsTableNeedsTheStream() {
        assertThatThrownBy(() -> new ReportService(RESTORING, CHATWOOT_UP, CONFIG).agents(ReportPeriod.WEEK))
                .isInstanceOf(StatsUnavailableException.class);
    }

    @Test
    void dayRangesAreCheckedAndDaysWithoutEventsAreZeros() {
        ReportService service = new ReportService(RESTORING, CHATWOOT_UP, CONFIG);
        LocalDate first = LocalDate.of(2026, 12, 1);

        assertThat(service.daily(first, first.plusDays(2)))
                .extracting(b -> b.bucket(), b -> b.numbers().handoffs())
                .containsExactly(tuple("2026-12-01", 0L),
                        tuple("2026-12-02", 0L),
                        tuple("2026-12-03", 0L));
        assertThatThrownBy(() -> service.daily(first, first.minusDays(1)))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("before");
        assertThatThrownBy(() -> service.daily(first, first.plusDays(ReportService.MAX_DAYS)))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("92 days");
    }
}
