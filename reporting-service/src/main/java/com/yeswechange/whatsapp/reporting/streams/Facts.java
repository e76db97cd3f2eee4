package com.yeswechange.whatsapp.reporting.streams;

import com.yeswechange.whatsapp.events.DeliveryStatus;
import com.yeswechange.whatsapp.events.DispatchEvent;
import com.yeswechange.whatsapp.events.InboundEvent;
import com.yeswechange.whatsapp.events.StatusEvent;
import java.util.ArrayList;
import java.util.List;

/** The facts of the events that need no memory: inbound messages, send outcomes and delivery statuses. */
final class Facts {

    /** Twilio's error for a free-form message outside the customer's 24-hour window. */
    static final String OUTSIDE_WINDOW = "63016";
    static final String UNKNOWN_REASON = "unknown";

    private Facts() {
    }

    static List<Fact> ofInbound(InboundEvent event) {
        return List.of(Fact.count(event.isHandoff() ? Measure.HANDOFFS : Measure.MESSAGES_IN));
    }

    /** Only final outcomes count: PENDING is written before the Twilio call and is followed by the real outcome. */
    static List<Fact> ofDispatch(DispatchEvent event) {
        if (!event.isFinal()) {
            return List.of();
        }
        List<Fact> facts = new ArrayList<>();
        facts.add(Fact.count(Measure.SENDS, "outcome", event.outcome().name()).forAgent(event.agentId()));
        if (event.outcome() == DispatchEvent.Outcome.FAILED) {
            facts.add(Fact.count(Measure.DELIVERY_FAILURES, "reason", reason(event.errorCode())));
        }
        if (OUTSIDE_WINDOW.equals(event.errorCode())) {
            facts.add(Fact.count(Measure.WINDOW_BLOCKED));
        }
        return facts;
    }

    static List<Fact> ofStatus(StatusEvent event) {
        DeliveryStatus status = event.deliveryStatus();
        List<Fact> facts = new ArrayList<>();
        facts.add(Fact.count(Measure.DELIVERY_STATUSES, "status", status.twilioValue()));
        if (status.isFailure()) {
            facts.add(Fact.count(Measure.DELIVERY_FAILURES, "reason", reason(event.errorCode())));
            if (OUTSIDE_WINDOW.equals(event.errorCode())) {
                facts.add(Fact.count(Measure.WINDOW_BLOCKED));
            }
        }
        return facts;
    }

    private static String reason(String errorCode) {
        return errorCode == null || errorCode.isBlank() ? UNKNOWN_REASON : errorCode.trim();
    }
}
