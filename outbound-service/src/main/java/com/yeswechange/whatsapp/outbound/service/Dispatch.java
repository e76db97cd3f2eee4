package com.yeswechange.whatsapp.outbound.service;

import com.yeswechange.whatsapp.events.DispatchEvent;
import java.time.Instant;

/**
 * One thing to send once: its ledger key and what the ledger entries about it say.
 *
 * @param dispatchId     the ledger key (the Chatwoot message id for a reply)
 * @param customerPhone  E.164, without {@code whatsapp:}
 * @param eventAt        when the Chatwoot event happened, for the latency metric
 */
public record Dispatch(String dispatchId, DispatchEvent.Kind kind, long conversationId, Long messageId,
        String customerPhone, Long agentId, Instant eventAt) {

    public Dispatch as(DispatchEvent.Kind otherKind) {
        return new Dispatch(dispatchId, otherKind, conversationId, messageId, customerPhone, agentId, eventAt);
    }

    public DispatchEvent entry(DispatchEvent.Outcome outcome, String messageSid, String errorCode, String reason,
            int attempt) {
        return new DispatchEvent(DispatchEvent.CURRENT_VERSION, dispatchId, kind, outcome, conversationId, messageId,
                customerPhone, messageSid, errorCode, reason, attempt, agentId, Instant.now());
    }
}
