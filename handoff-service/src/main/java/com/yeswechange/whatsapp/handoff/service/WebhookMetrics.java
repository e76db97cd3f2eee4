package com.yeswechange.whatsapp.handoff.service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;

/**
 * Webhook counters: {@code handoff.webhooks} tagged {@code endpoint}, {@code outcome} (accepted, rejected, ignored) and
 * {@code reason}; {@code handoff.webhooks.durable.write} times the wait for Kafka's acknowledgement.
 */
@ApplicationScoped
public class WebhookMetrics {

    public static final String WEBHOOKS = "handoff.webhooks";
    public static final String DURABLE_WRITE = "handoff.webhooks.durable.write";

    private final MeterRegistry registry;

    public WebhookMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void accepted(String endpoint) {
        count(endpoint, "accepted", "none");
    }

    public void rejected(String endpoint, String reason) {
        count(endpoint, "rejected", reason);
    }

    public void ignored(String endpoint, String reason) {
        count(endpoint, "ignored", reason);
    }

    public void durableWrite(String topic, boolean success, Duration took) {
        Timer.builder(DURABLE_WRITE)
                .description("Time from a webhook's arrival to Kafka's acknowledgement of its record")
                .tag("topic", topic)
                .tag("outcome", success ? "acked" : "failed")
                .register(registry)
                .record(took);
    }

    private void count(String endpoint, String outcome, String reason) {
        Counter.builder(WEBHOOKS)
                .description("Webhooks received, by endpoint, outcome and reason")
                .tag("endpoint", endpoint)
                .tag("outcome", outcome)
                .tag("reason", reason)
                .register(registry)
                .increment();
    }
}
