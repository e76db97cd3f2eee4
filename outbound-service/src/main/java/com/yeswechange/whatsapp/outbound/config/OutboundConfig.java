package com.yeswechange.whatsapp.outbound.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/** outbound-service's own settings (OUTBOUND_* environment variables). */
@ConfigMapping(prefix = "outbound")
public interface OutboundConfig {

    /**
     * OUTBOUND_WHATSAPP_INBOX_IDS: the Chatwoot inboxes whose replies go to WhatsApp (comma-separated); defaults to
     * CHATWOOT_WHATSAPP_INBOX_ID.
     */
    Optional<Set<Long>> whatsappInboxIds();

    /**
     * OUTBOUND_STATUS_CALLBACK_BASE_URL: the public root of handoff-service, where Twilio posts status callbacks
     * (defaults to HANDOFF_PUBLIC_BASE_URL). Without it no StatusCallback is set and no ticks come back.
     */
    Optional<String> statusCallbackBaseUrl();

    /** The status callback path on handoff-service. */
    @WithDefault("/api/webhooks/twilio/status")
    String statusCallbackPath();

    ClosingMessage closingMessage();

    Send send();

    interface ClosingMessage {
        /** OUTBOUND_CLOSING_MESSAGE_ENABLED. */
        @WithDefault("true")
        boolean enabled();

        /** OUTBOUND_CLOSING_MESSAGE_TEXT: what the customer reads when the agent resolves the conversation. */
        @WithDefault("Merci de nous avoir contacté ! Notre échange est terminé ; écrivez-nous à tout moment si vous "
                + "avez encore besoin d'aide.")
        String text();
    }

    interface Send {
        /** OUTBOUND_SEND_MAX_ATTEMPTS: Twilio calls per message before it is marked failed and dead-lettered. */
        @WithDefault("5")
        int maxAttempts();

        /** OUTBOUND_SEND_INITIAL_BACKOFF: the first wait after a rate limit or a 5xx; doubled each time. */
        @WithDefault("500ms")
        Duration initialBackoff();

        /** OUTBOUND_SEND_MAX_BACKOFF: the longest wait between two attempts. */
        @WithDefault("8s")
        Duration maxBackoff();

        /** OUTBOUND_SEND_RATE_PER_SECOND: messages per second per WhatsApp sender (Twilio's default is 80). */
        @WithDefault("80")
        double ratePerSecond();

        /** OUTBOUND_SEND_CUSTOMER_WINDOW: how long after the customer's last message free text may be sent. */
        @WithDefault("24h")
        Duration customerWindow();

        /**
         * OUTBOUND_SEND_RECONCILE_SKEW: how far before the PENDING entry a Twilio message may be dated and still be
         * ours (clock skew between us and Twilio).
         */
        @WithDefault("60s")
        Duration reconcileSkew();
    }
}
