package com.yeswechange.whatsapp.gateway.ui;

import com.yeswechange.whatsapp.gateway.messaging.LiveEvent;
import java.util.Locale;
import java.util.Map;

/** Which tick a live delivery event means: Twilio's statuses and outbound-service's outcomes to the UI's five. */
public final class UiTicks {

    private UiTicks() {
    }

    /**
     * progress, sent, delivered, read or failed; null when the event says nothing the tick shows (e.g. a dispatch
     * that succeeded: Twilio's own "sent" status follows).
     */
    public static String fromLiveEvent(String type, Map<String, Object> data) {
        Object raw = LiveEvent.MESSAGE_DISPATCH.equals(type) ? data.get("outcome") : data.get("status");
        if (raw == null) {
            return null;
        }
        String value = raw.toString().toLowerCase(Locale.ROOT);
        if (LiveEvent.MESSAGE_DISPATCH.equals(type)) {
            return "failed".equals(value) ? "failed" : null; // skipped (not for WhatsApp) and sent draw nothing
        }
        return switch (value) {
            case "read" -> "read";
            case "delivered", "partially_delivered" -> "delivered";
            case "sent" -> "sent";
            case "failed", "undelivered", "canceled" -> "failed";
            case "queued", "accepted", "sending", "scheduled" -> "progress";
            default -> null;
        };
    }

    /** Why a send failed, for the failed tick's tooltip. */
    public static String reason(Map<String, Object> data) {
        Object reason = data.get("reason") != null ? data.get("reason") : data.get("errorMessage");
        Object code = data.get("errorCode");
        if (reason == null && code == null) {
            return null;
        }
        return code == null ? reason.toString() : reason == null ? code.toString() : code + " " + reason;
    }
}
