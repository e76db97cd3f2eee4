package com.yeswechange.whatsapp.outbound.service;

import com.yeswechange.whatsapp.events.DispatchEvent;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;

/** The service's Micrometer meters, in one place so names and tags stay consistent. */
@ApplicationScoped
public class OutboundMetrics {

    private final MeterRegistry registry;

    public OutboundMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Every final dispatch outcome: {@code outbound_dispatch_total{kind,outcome,error_code}}. */
    public void outcome(DispatchEvent entry) {
        registry.counter("outbound.dispatch", "kind", entry.kind().name(), "outcome", entry.outcome().name(),
                "error_code", entry.errorCode() == null ? "none" : entry.errorCode()).increment();
    }

    /** One Twilio Messages.create call and what it proved. */
    public void twilioCall(String result, Duration took) {
        Timer.builder("outbound.twilio.calls").description("Twilio Messages.create calls, one per attempt")
                .tag("result", result).register(registry).record(took);
    }

    /** From the Chatwoot event (when the agent pressed send) to Twilio's answer. */
    public void latency(String kind, Instant eventAt, Instant answeredAt) {
        if (eventAt != null && !answeredAt.isBefore(eventAt)) {
            Timer.builder("outbound.send.latency").description("Chatwoot event to Twilio answer")
                    .tag("kind", kind).register(registry).record(Duration.between(eventAt, answeredAt));
        }
    }

    public void retry(String reason) {
        registry.counter("outbound.send.retries", "reason", reason).increment();
    }

    public void reconciliation(boolean found) {
        registry.counter("outbound.reconciliations", "found", Boolean.toString(found)).increment();
    }

    public void duplicateIgnored() {
        registry.counter("outbound.duplicates.ignored").increment();
    }

    public void deadLettered(String topic) {
        registry.counter("outbound.dlq.records", "topic", topic).increment();
    }

    public void tick(String status, boolean applied) {
        registry.counter("outbound.ticks", "status", status, "applied", Boolean.toString(applied)).increment();
    }
}
