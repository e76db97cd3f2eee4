package com.yeswechange.whatsapp.gateway.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.yeswechange.whatsapp.gateway.messaging.LiveEvent;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UiTicksTest {

    @Test
    void twilioStatusesBecomeTheFiveTicks() {
        assertThat(delivery("queued")).isEqualTo("progress");
        assertThat(delivery("sent")).isEqualTo("sent");
        assertThat(delivery("delivered")).isEqualTo("delivered");
        assertThat(delivery("partially_delivered")).isEqualTo("delivered");
        assertThat(delivery("read")).isEqualTo("read");
        assertThat(delivery("undelivered")).isEqualTo("failed");
        assertThat(delivery("failed")).isEqualTo("failed");
        assertThat(delivery("receiving")).isNull();
    }

    @Test
    void onlyAFailedDispatchDrawsATick() {
        assertThat(UiTicks.fromLiveEvent(LiveEvent.MESSAGE_DISPATCH, Map.of("outcome", "failed"))).isEqualTo("failed");
        assertThat(UiTicks.fromLiveEvent(LiveEvent.MESSAGE_DISPATCH, Map.of("outcome", "sent"))).isNull();
        assertThat(UiTicks.fromLiveEvent(LiveEvent.MESSAGE_DISPATCH, Map.of("outcome", "skipped"))).isNull();
    }

    @Test
    void theReasonJoinsCodeAndText() {
        Map<String, Object> data = new HashMap<>();
        assertThat(UiTicks.reason(data)).isNull();
        data.put("errorCode", "63016");
        assertThat(UiTicks.reason(data)).isEqualTo("63016");
        data.put("reason", "outside the 24-hour window");
        assertThat(UiTicks.reason(data)).isEqualTo("63016 outside the 24-hour window");
    }

    private static String delivery(String status) {
        return UiTicks.fromLiveEvent(LiveEvent.MESSAGE_DELIVERY, Map.of("status", status));
    }
}
