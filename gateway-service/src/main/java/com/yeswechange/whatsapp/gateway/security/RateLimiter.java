package com.yeswechange.whatsapp.gateway.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;

/**
 * A fixed one-minute window of allowed requests per key (an agent and a kind of request). Forgotten after two idle
 * minutes, so it holds one small entry per active agent.
 */
public class RateLimiter {

    private final int perMinute;
    private final Clock clock;
    private final Cache<String, Window> windows = Caffeine.newBuilder()
            .expireAfterAccess(Duration.ofMinutes(2)).build();

    public RateLimiter(int perMinute, Clock clock) {
        this.perMinute = perMinute;
        this.clock = clock;
    }

    /** Counts a request; returns 0 when allowed, else the seconds until the window resets (for Retry-After). */
    public long acquire(String key) {
        long minute = clock.millis() / 60_000;
        Window window = windows.asMap().compute(key, (k, current) ->
                current == null || current.minute != minute ? new Window(minute, 1) : current.next());
        if (window.count <= perMinute) {
            return 0;
        }
        long resetAt = (minute + 1) * 60_000;
        return Math.max(1, (resetAt - clock.millis() + 999) / 1000);
    }

    private record Window(long minute, int count) {
        Window next() {
            return new Window(minute, count + 1);
        }
    }
}
