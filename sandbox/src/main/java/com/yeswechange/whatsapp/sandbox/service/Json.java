package com.yeswechange.whatsapp.sandbox.service;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

/** Small builders for Chatwoot's JSON: ordered maps (nulls kept) and its three time formats. */
public final class Json {

    private static final DateTimeFormatter ISO_MILLIS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private Json() {
    }

    /** An ordered map from alternating keys and values; null values are kept, as Rails renders them. */
    public static Map<String, Object> obj(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    /** Unix seconds, or null. */
    public static Long unix(Instant instant) {
        return instant == null ? null : instant.getEpochSecond();
    }

    /** Unix seconds where Rails writes {@code .to_i}: a missing time becomes 0. */
    public static long unixOrZero(Instant instant) {
        return instant == null ? 0 : instant.getEpochSecond();
    }

    /** Unix seconds with microseconds, as Rails' {@code .to_f}. */
    public static BigDecimal unixFloat(Instant instant) {
        if (instant == null) {
            return null;
        }
        BigDecimal seconds = BigDecimal.valueOf(instant.getEpochSecond())
                .add(BigDecimal.valueOf(instant.truncatedTo(ChronoUnit.MICROS).getNano() / 1000, 6))
                .stripTrailingZeros();
        // a plain decimal such as 1781686660.519127, never 1.78E+9
        return seconds.scale() < 1 ? seconds.setScale(1) : seconds;
    }

    /** ISO-8601 with milliseconds and Z, as ActiveSupport's TimeWithZone#as_json. */
    public static String iso(Instant instant) {
        return instant == null ? null : ISO_MILLIS.format(instant);
    }
}
