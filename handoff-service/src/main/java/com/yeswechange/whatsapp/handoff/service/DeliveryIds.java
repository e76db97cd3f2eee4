package com.yeswechange.whatsapp.handoff.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The X-Chatwoot-Delivery ids seen recently. A delivery older than the timestamp window is refused anyway, so ids only
 * need remembering for twice that window. An id is reserved before the Kafka write and released if it fails, so a
 * concurrent duplicate is never written twice.
 */
@ApplicationScoped
public class DeliveryIds {

    private static final int MAX_REMEMBERED = 100_000;

    private final Map<String, Instant> seen = new LinkedHashMap<>();

    /** True if the id is new (and now reserved); false for a repeated delivery. */
    public synchronized boolean reserve(String deliveryId, Instant now, Duration remember) {
        forgetOlderThan(now.minus(remember));
        if (seen.containsKey(deliveryId)) {
            return false;
        }
        seen.put(deliveryId, now);
        return true;
    }

    /** Forgets a reservation whose record could not be stored, so the sender may try again. */
    public synchronized void release(String deliveryId) {
        seen.remove(deliveryId);
    }

    private void forgetOlderThan(Instant limit) {
        Iterator<Map.Entry<String, Instant>> oldestFirst = seen.entrySet().iterator();
        while (oldestFirst.hasNext()) {
            Map.Entry<String, Instant> entry = oldestFirst.next();
            if (entry.getValue().isBefore(limit) || seen.size() > MAX_REMEMBERED) {
                oldestFirst.remove();
            } else {
                return;
            }
        }
    }
}
