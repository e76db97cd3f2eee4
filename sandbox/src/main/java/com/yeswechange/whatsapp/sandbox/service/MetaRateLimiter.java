package com.yeswechange.whatsapp.sandbox.service;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.yeswechange.whatsapp.sandbox.config.SandboxConfig;

/**
 * conversations/meta's limit: N requests per token per minute, counted in fixed one-minute windows as rack-attack's
 * throttle does. Answers how many seconds to wait, or 0 when the request may pass.
 */
@ApplicationScoped
public class MetaRateLimiter {

    private static final long PERIOD_SECONDS = 60;

    @Inject
    SandboxConfig config;

    @Inject
    Faults faults;

    Clock clock = Clock.systemUTC();

    private final Map<String, long[]> windows = new HashMap<>();

    /** Counts one request for this token; returns the Retry-After seconds when it is over the limit, else 0. */
    public synchronized long acquire(String token) {
        boolean enabled = faults.metaRateLimitEnabled != null ? faults.metaRateLimitEnabled
                : config.chatwoot().metaRateLimitEnabled();
        if (!enabled) {
            return 0;
        }
        long now = clock.millis() / 1000;
        long window = now / PERIOD_SECONDS;
        long[] state = windows.computeIfAbsent(token, t -> new long[] { window, 0 });
        if (state[0] != window) {
            state[0] = window;
            state[1] = 0;
        }
        state[1]++;
        return state[1] > config.chatwoot().metaRateLimit() ? PERIOD_SECONDS - now % PERIOD_SECONDS : 0;
    }

    public synchronized void reset() {
        windows.clear();
    }
}
