package com.yeswechange.whatsapp.outbound.messaging;

import com.yeswechange.whatsapp.events.EventJson;
import com.yeswechange.whatsapp.events.InboundEvent;
import com.yeswechange.whatsapp.outbound.service.StudioExecutions;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/** Remembers from whatsapp.inbound which Studio execution each handed-off customer came from. */
@ApplicationScoped
public class HandoffConsumer {

    private static final Logger LOG = Logger.getLogger(HandoffConsumer.class);

    private final StudioExecutions executions;

    public HandoffConsumer(StudioExecutions executions) {
        this.executions = executions;
    }

    @Incoming("whatsapp-inbound")
    public void consume(String json) {
        try {
            executions.handoffSeen(EventJson.read(json, InboundEvent.class));
        } catch (IllegalArgumentException unreadable) {
            // handoff-service dead-letters what it cannot read; here it only means no Studio execution to end
            LOG.warnf("unreadable whatsapp.inbound record ignored: %s", unreadable.getMessage());
        }
    }
}
