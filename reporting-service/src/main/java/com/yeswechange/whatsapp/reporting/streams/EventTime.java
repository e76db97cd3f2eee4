package com.yeswechange.whatsapp.reporting.streams;

import com.yeswechange.whatsapp.events.ChatwootEvent;
import com.yeswechange.whatsapp.events.DispatchEvent;
import com.yeswechange.whatsapp.events.InboundEvent;
import com.yeswechange.whatsapp.events.StatusEvent;
import java.time.Instant;

/** The one rule for when an event happened: Chatwoot's own timestamp, else when its webhook reached us. */
final class EventTime {

    private EventTime() {
    }

    static Instant of(Object event) {
        return switch (event) {
            case InboundEvent e -> e.receivedAt();
            case ChatwootEvent e -> e.occurredAt() != null ? e.occurredAt() : e.receivedAt();
            case StatusEvent e -> e.receivedAt();
            case DispatchEvent e -> e.at();
            case null, default -> null;
        };
    }
}
