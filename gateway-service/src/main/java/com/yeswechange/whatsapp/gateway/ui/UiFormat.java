package com.yeswechange.whatsapp.gateway.ui;

import io.quarkus.qute.TemplateData;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * Formats dates, durations and numbers for one page render, in the agent's language and the UI's time zone
 * (the agents work in Abidjan: dates are never shown in the server's or the browser's zone).
 * Templates reach it as {@code fmt}: {@code {fmt.relative(c.lastActivityAt)}}.
 */
@TemplateData
public final class UiFormat {

    private final Locale locale;
    private final ZoneId zone;
    private final Instant now;
    private final boolean french;

    public UiFormat(Locale locale, ZoneId zone, Instant now) {
        this.locale = locale;
        this.zone = zone;
        this.now = now;
        this.french = !"en".equals(locale.getLanguage());
    }

    public Locale locale() {
        return locale;
    }

    public ZoneId zone() {
        return zone;
    }

    /** "à l'instant", "il y a 5 min", "il y a 3 h", "hier 14:05", "12 mars", "12 mars 2025" (or English). */
    public String relative(Instant at) {
        if (at == null) {
            return "";
        }
        Duration ago = Duration.between(at, now);
        if (ago.isNegative() || ago.toSeconds() < 60) {
            return french ? "à l'instant" : "just now";
        }
        if (ago.toMinutes() < 60) {
            return french ? "il y a " + ago.toMinutes() + " min" : ago.toMinutes() + " min ago";
        }
        LocalDate day = at.atZone(zone).toLocalDate();
        LocalDate today = now.atZone(zone).toLocalDate();
        if (ago.toHours() < 12 || day.equals(today)) {
            return french ? "il y a " + ago.toHours() + " h" : ago.toHours() + " h ago";
        }
        String time = time(at);
        if (day.equals(today.minusDays(1))) {
            return (french ? "hier " : "yesterday ") + time;
        }
        String pattern = day.getYear() == today.getYear() ? "d MMM" : "d MMM yyyy";
        return DateTimeFormatter.ofPattern(pattern, locale).format(day);
    }

    /** Hours and minutes in the UI zone: "14:05". */
    public String time(Instant at) {
        return at == null ? "" : DateTimeFormatter.ofPattern("HH:mm", locale).format(at.atZone(zone));
    }

    /** Full date and time for tooltips: "5 déc. 2026, 15:06" / "Dec 5, 2026, 3:06 PM". */
    public String dateTime(Instant at) {
        if (at == null) {
            return "";
        }
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(locale)
                .format(at.atZone(zone));
    }

    /** The ISO instant, for {@code <time datetime>} and scripts. */
    public String iso(Instant at) {
        return at == null ? "" : at.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /** A value for {@code <input type="datetime-local">} in the UI zone, e.g. tomorrow 09:00 for snooze. */
    public String localInput(Instant at) {
        return at == null ? "" : DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm").format(at.atZone(zone));
    }

    /** Parses a {@code datetime-local} value typed in the UI zone. */
    public Instant parseLocalInput(String value) {
        return java.time.LocalDateTime.parse(value).atZone(zone).toInstant();
    }

    /** Tomorrow at 09:00 in the UI zone: the default snooze. */
    public Instant tomorrowMorning() {
        ZonedDateTime local = now.atZone(zone).plusDays(1).withHour(9).withMinute(0).withSecond(0).withNano(0);
        return local.toInstant();
    }

    /** A duration for reports: "45 s", "4 min 12 s", "2 h 05 min", "3 j 4 h" ("3 d 4 h"). Null or negative: "–". */
    public String duration(Number seconds) {
        if (seconds == null || seconds.doubleValue() < 0) {
            return "–";
        }
        long s = Math.round(seconds.doubleValue());
        if (s < 60) {
            return s + " s";
        }
        if (s < 3600) {
            return (s / 60) + " min " + (s % 60) + " s";
        }
        if (s < 86400) {
            return (s / 3600) + " h " + String.format("%02d", (s % 3600) / 60) + " min";
        }
        return (s / 86400) + (french ? " j " : " d ") + ((s % 86400) / 3600) + " h";
    }

    /** A count with the language's grouping: "1 234" (narrow no-break space) or "1,234". */
    public String number(Number n) {
        return n == null ? "–" : java.text.NumberFormat.getIntegerInstance(locale).format(n);
    }

    /** A phone number, +225 grouped in pairs. */
    public String phone(String raw) {
        return PhoneFormat.format(raw);
    }

    /** File sizes for attachments: "830 o" / "12 Ko" / "1,4 Mo" (B/KB/MB in English). */
    public String size(Number bytes) {
        if (bytes == null) {
            return "";
        }
        long b = bytes.longValue();
        String unit = french ? "o" : "B";
        if (b < 1024) {
            return b + " " + unit;
        }
        if (b < 1024 * 1024) {
            return (b / 1024) + " " + (french ? "Ko" : "KB");
        }
        return String.format(locale, "%.1f %s", b / (1024.0 * 1024.0), french ? "Mo" : "MB");
    }
}
