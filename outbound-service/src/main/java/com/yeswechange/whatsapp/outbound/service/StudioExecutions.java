package com.yeswechange.whatsapp.outbound.service;

import com.yeswechange.whatsapp.events.InboundEvent;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Studio execution each customer came from, as the handoff recorded it on whatsapp.inbound. The service reads that
 * topic from its beginning at every start (its own consumer group, nothing committed), so this survives restarts for
 * as long as the topic retains the handoff.
 */
@ApplicationScoped
public class StudioExecutions {

    /** A Studio flow execution (FW…, FN…). */
    public record Execution(String flowSid, String executionSid) {
    }

    private final Map<String, Execution> byCustomer = new ConcurrentHashMap<>();

    public void handoffSeen(InboundEvent event) {
        if (event.isHandoff() && event.customerPhone() != null && event.studioExecutionSid() != null
                && !event.studioExecutionSid().isBlank()) {
            byCustomer.put(event.customerPhone(), new Execution(event.studioFlowSid(), event.studioExecutionSid()));
        }
    }

    public Optional<Execution> forCustomer(String customerPhone) {
        return Optional.ofNullable(byCustomer.get(customerPhone));
    }

    /** The execution was ended (or is gone): a later resolve must not end it again. */
    public void ended(String customerPhone, Execution execution) {
        byCustomer.remove(customerPhone, execution);
    }
}
