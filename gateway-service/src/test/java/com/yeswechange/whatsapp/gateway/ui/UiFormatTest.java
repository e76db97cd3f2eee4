package com.yeswechange.whatsapp.gateway.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class UiFormatTest {

    private static final ZoneId ABIDJAN = ZoneId.of("Africa/Abidjan");
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    /** Saturday 5 December 2026, 15:06:00 UTC (Abidjan is UTC+0 all year). */
    private static final Instant NOW = Instant.parse("2026-12-05T15:06:00Z");

    private final UiFormat fr = new UiFormat(Locale.FRANCE, ABIDJAN, NOW);
    private final UiFormat en = new UiFormat(Locale.ENGLISH, ABIDJAN, NOW);

    @Test
    void relativeTimesInFrench() {
        assertThat(fr.relative(NOW.minusSeconds(20))).isEqualTo("à l'instant");
        assertThat(fr.relative(NOW.minusSeconds(5 * 60 + 10))).isEqualTo("il y a 5 min");
        assertThat(fr.relative(NOW.minusSeconds(3 * 3600))).isEqualTo("il y a 3 h");
        assertThat(fr.relative(Instant.parse("2026-12-04T08:30:00Z"))).isEqualTo("hier 08:30");
        assertThat(fr.relative(Instant.parse("2026-03-12T10:00:00Z"))).isEqualTo("12 mars");
        assertThat(fr.relative(Instant.parse("2025-03-12T10:00:00Z"))).isEqualTo("12 mars 2025");
        assertThat(fr.relative(null)).isEmpty();
    }

    @Test
    void relativeTimesInEnglish() {
        assertThat(en.relative(NOW.minusSeconds(5))).isEqualTo("just now");
        assertThat(en.relative(NOW.minusSeconds(42 * 60))).isEqualTo("42 min ago");
        assertThat(en.relative(Instant.parse("2026-12-04T08:30:00Z"))).isEqualTo("yesterday 08:30");
        assertThat(en.relative(Instant.parse("2026-03-12T10:00:00Z"))).isEqualTo("12 Mar");
    }

    @Test
    void aClockSkewedFutureInstantIsJustNow() {
        assertThat(fr.relative(NOW.plusSeconds(30))).isEqualTo("à l'instant");
    }

    @Test
    void timesAreShownInTheConfiguredZoneNotTheServers() {
        Instant at = Instant.parse("2026-12-05T09:15:00Z");
        assertThat(fr.time(at)).isEqualTo("09:15");
        assertThat(new UiFormat(Locale.FRANCE, PARIS, NOW).time(at)).isEqualTo("10:15");
        assertThat(fr.dateTime(at)).isEqualTo("5 déc. 2026 09:15");
    }

    @Test
    void yesterdayIsDecidedInTheUiZone() {
        // 23:30 UTC on the 4th is still the 4th in Abidjan (yesterday) but already the 5th in Paris (today)
        Instant lateEvening = Instant.parse("2026-12-04T23:30:00Z");
        assertThat(fr.relative(lateEvening)).isEqualTo("hier 23:30");
        UiFormat parisMorning = new UiFormat(Locale.FRANCE, PARIS, Instant.parse("2026-12-05T22:00:00Z"));
        assertThat(parisMorning.relative(lateEvening)).isEqualTo("il y a 22 h");
    }

    @Test
    void snoozeInputRoundTripsInTheUiZone() {
        assertThat(fr.tomorrowMorning()).isEqualTo(Instant.parse("2026-12-06T09:00:00Z"));
        assertThat(fr.localInput(fr.tomorrowMorning())).isEqualTo("2026-12-06T09:00");
        UiFormat paris = new UiFormat(Locale.FRANCE, PARIS, NOW);
        assertThat(paris.parseLocalInput("2026-12-06T09:00")).isEqualTo(Instant.parse("2026-12-06T08:00:00Z"));
    }

    @Test
    void durationsForReports() {
        assertThat(fr.duration(45)).isEqualTo("45 s");
        assertThat(fr.duration(252)).isEqualTo("4 min 12 s");
        assertThat(fr.duration(7500)).isEqualTo("2 h 05 min");
        assertThat(fr.duration(3 * 86400 + 4 * 3600)).isEqualTo("3 j 4 h");
        assertThat(en.duration(3 * 86400 + 4 * 3600)).isEqualTo("3 d 4 h");
        assertThat(fr.duration(null)).isEqualTo("–");
        assertThat(fr.duration(-1)).isEqualTo("–");
    }

    @Test
    void numbersAndSizesFollowTheLanguage() {
        assertThat(fr.number(1234)).isEqualTo("1\u202f234");
        assertThat(en.number(1234)).isEqualTo("1,234");
        assertThat(fr.size(830)).isEqualTo("830 o");
        assertThat(fr.size(12 * 1024)).isEqualTo("12 Ko");
        assertThat(fr.size(1468006)).isEqualTo("1,4 Mo");
        assertThat(en.size(1468006)).isEqualTo("1.4 MB");
    }

    @Test
    void phoneNumbersGoThroughPhoneFormat() {
        assertThat(fr.phone("whatsapp:+2250707123456")).isEqualTo("+225 07 07 12 34 56");
    }
}
