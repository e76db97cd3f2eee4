package com.yeswechange.whatsapp.gateway.messaging;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import jakarta.enterprise.context.ApplicationScoped;

/** The in-memory fan-out of live events from this instance's Kafka consumer to every open stream. */
@ApplicationScoped
public class LiveEvents {

    /** Events a slow stream may fall behind by before the oldest are dropped (the UI re-reads on reconnect). */
    static final int BUFFER = 256;

    private final BroadcastProcessor<LiveEvent> processor = BroadcastProcessor.create();

    public void publish(LiveEvent event) {
        processor.onNext(event);
    }

    /** Every event published from now on. */
    public Multi<LiveEvent> stream() {
        return processor.onOverflow().buffer(BUFFER);
    }
}
