package com.yeswechange.whatsapp.reporting.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class ReportPeriodTest {

    static final ZoneId ABIDJAN = ZoneId.of("Africa/Abidjan");
    // a Saturday
    static final Instant NOW = Instant.parse("2026-12-05T15:00:00Z");

    @Test
    void todayStartsAtMidnightInTheZone() {
        ReportPeriod.Range today = ReportPeriod.TODAY.range(ABIDJAN, NOW);
        assertThat(today.firstDay()).isEqualTo(LocalDate.of(2026, 12, 5));
        assertThat(today.lastDay()).isEqualTo(LocalDate.of(2026, 12, 5));
        assertThat(today.from()).isEqualTo(Instant.parse("2026-12-05T00:00:00Z"));
        assertThat(today.to()).isEqualTo(NOW);
    }

    @Test
    void aWeekStartsOnMondayAndAMonthOnTheFirst() {
        assertThat(ReportPeriod.WEEK.range(ABIDJAN, NOW).firstDay()).isEqualTo(LocalDate.of(2026, 11, 30));
        assertThat(ReportPeriod.MONTH.range(ABIDJAN, NOW).firstDay()).isEqualTo(LocalDate.of(2026, 12, 1));
    }

    @Test
    void theDayIsTheZonesDay() {
        ZoneId tokyo = ZoneId.of("Asia/Tokyo");
        ReportPeriod.Range today = ReportPeriod.TODAY.range(tokyo, NOW);
        // 15:00 UTC is already the 6th in Tokyo, which began at 15:00 UTC on the 5th
        assertThat(today.firstDay()).isEqualTo(LocalDate.of(2026, 12, 6));
        assertThat(today.from()).isEqualTo(Instant.parse("2026-12-05T15:00:00Z"));
    }

    @Test
    void parsesNamesInAnyCaseDefaultsToTodayAndRejectsTheRest() {
        assertThat(ReportPeriod.parse("Week")).isEqualTo(ReportPeriod.WEEK);
        assertThat(ReportPeriod.parse(null)).isEqualTo(ReportPeriod.TODAY);
        assertThat(ReportPeriod.parse(" ")).isEqualTo(ReportPeriod.TODAY);
        assertThatThrownBy(() -> ReportPeriod.parse("year")).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("today, week, month");
    }
}
