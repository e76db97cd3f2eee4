package com.yeswechange.whatsapp.chatwoot;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/**
 * Where Chatwoot is and who we are there. Environment variables follow the usual mapping:
 * {@code chatwoot.base-url} ← {@code CHATWOOT_BASE_URL}, and so on.
 */
@ConfigMapping(prefix = "chatwoot")
public interface ChatwootConfig {

    /** Chatwoot's root URL, e.g. http://localhost:3000 (CHATWOOT_BASE_URL). */
    String baseUrl();

    /** The account every /api/v1|v2/accounts/{id} call targets (CHATWOOT_ACCOUNT_ID). */
    long accountId();

    /** The default api_access_token: a user's or agent bot's token for the account (CHATWOOT_API_TOKEN). */
    String apiToken();

    /** A platform app's token for /platform/api/v1, needed only to fetch agents' own tokens (CHATWOOT_PLATFORM_TOKEN). */
    Optional<String> platformToken();

    /** The API inbox that carries WhatsApp conversations (CHATWOOT_WHATSAPP_INBOX_ID). */
    long whatsappInboxId();

    /** How long reads may retry on a 429 before giving up; longer Retry-After values are not waited for. */
    @WithDefault("30")
    int maxRetryAfterSeconds();

    /** Longest a single attempt may take, on top of the REST client's connect/read timeouts. */
    @WithDefault("15s")
    Duration timeout();

    /** Retries of idempotent reads (writes are never retried). */
    Retry retry();

    /** The one circuit breaker in front of every Chatwoot call. */
    CircuitBreaker circuitBreaker();

    interface Retry {
        /** Retries after the first attempt. */
        @WithDefault("2")
        int maxRetries();

        /** Wait before a retry, unless a 429's Retry-After says otherwise. */
        @WithDefault("300ms")
        Duration delay();

        /** Random extra wait, so many callers do not retry in step. */
        @WithDefault("100ms")
        Duration jitter();

        /** Retrying stops once the call has taken this long in total. */
        @WithDefault("60s")
        Duration maxDuration();
    }

    interface CircuitBreaker {
        /** How many recent calls are looked at. */
        @WithDefault("10")
        int requestVolumeThreshold();

        /** Share of those calls that must have failed (5xx, unreachable, timeout) to open the circuit. */
        @WithDefault("0.5")
        double failureRatio();

        /** How long the circuit stays open before trial calls are let through. */
        @WithDefault("10s")
        Duration delay();

        /** Successful trial calls needed to close it again. */
        @WithDefault("2")
        int successThreshold();
    }
}
