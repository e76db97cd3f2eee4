package com.yeswechange.whatsapp.reporting.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.time.ZoneId;

/** reporting-service settings (env REPORTING_*). */
@ConfigMapping(prefix = "reporting")
public interface ReportingConfig {

    /** REPORTING_TIME_ZONE: the zone in which days, weeks and months begin. */
    @WithDefault("Africa/Abidjan")
    ZoneId timeZone();

    /** REPORTING_DEDUPE_RETENTION: how long event ids are remembered to drop re-deliveries. */
    @WithDefault("P7D")
    Duration dedupeRetention();

    /** REPORTING_DLQ_REFRESH_INTERVAL: how often the dead-letter topics' sizes are read for the metrics. */
    @WithDefault("30s")
    String dlqRefreshInterval();
}
