package com.yeswechange.whatsapp.gateway.ui;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.ZoneId;

/** The agent UI's settings (prefix {@code ui}, so {@code UI_TIME_ZONE} sets the zone). */
@ConfigMapping(prefix = "ui")
public interface UiConfig {

    /** The zone every date is shown in, whatever the server's or the browser's: the agents work in Abidjan. */
    @WithDefault("Africa/Abidjan")
    ZoneId timeZone();
}
