package com.yeswechange.whatsapp.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.yeswechange.whatsapp.gateway.security.RateLimiter;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-12-05T10:00:15Z"));
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    };

    @Test
    void allowsTheLimitPerMinuteAndSaysWhenToComeBack() {
        RateLimiter limiter = new RateLimiter(3, clock);
        assertThat(limiter.acquire("agent1")).isZero();
        assertThat(limiter.acquire("agent1")).isZero();
        assertThat(limiter.acquire("agent1")).isZero();
        assertThat(limiter.acquire("agent1")).isEqualTo(45);
        // another agent has their own budget
        assertThat(limiter.acquire("agent2")).isZero();
        // a new minute, a new budget
        now.set(Instant.parse("2026-12-05T10:01:00Z"));
        assertThat(limiter.acquire("agent1")).isZero();
    }
}
