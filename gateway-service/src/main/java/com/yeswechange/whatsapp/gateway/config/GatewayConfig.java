package com.yeswechange.whatsapp.gateway.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The gateway's own settings (prefix {@code gateway}); Chatwoot's are in the shared ChatwootConfig. */
@ConfigMapping(prefix = "gateway")
public interface GatewayConfig {

    /** Seconds between the UI's polls when the live stream is down (CHATWOOT_POLLING_INTERVAL, the seed's name). */
    @WithDefault("4")
    int pollingIntervalSeconds();

    /** How often the live stream sends a heartbeat event, so proxies keep it open and the UI notices a dead stream. */
    @WithDefault("15S")
    Duration sseHeartbeat();

    RateLimit rateLimit();

    interface RateLimit {
        /** Reads per agent per minute (GET under /api/). */
        @WithDefault("600")
        int readsPerMinute();

        /** Changes per agent per minute (POST, PUT, PATCH, DELETE under /api/): replies, notes, status, assignments. */
        @WithDefault("60")
        int writesPerMinute();
    }
}
