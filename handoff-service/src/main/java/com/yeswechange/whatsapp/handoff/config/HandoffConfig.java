package com.yeswechange.whatsapp.handoff.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** handoff-service's own settings (env HANDOFF_*, plus the shared Twilio and Chatwoot secrets it checks with). */
@ConfigMapping(prefix = "handoff")
public interface HandoffConfig {

    /**
     * The public URL Twilio calls, scheme, host and port included (HANDOFF_PUBLIC_BASE_URL), e.g.
     * https://bridge.example.com. Twilio signs that URL, not the one this process sees behind an ingress.
     */
    String publicBaseUrl();

    /** Twilio's primary auth token (TWILIO_AUTH_TOKEN): checks X-Twilio-Signature, downloads media. */
    Optional<String> twilioAuthToken();

    /** Twilio account SID (TWILIO_ACCOUNT_SID): the user name of media downloads. */
    Optional<String> twilioAccountSid();

    /** Secret of Chatwoot's webhook signatures (CHATWOOT_WEBHOOK_SECRET). */
    Optional<String> chatwootWebhookSecret();

    /**
     * Skip every signature check (HANDOFF_SKIP_SIGNATURE_CHECKS). Refused in the prod profile; logs a loud warning
     * at start elsewhere. For local experiments only.
     */
    @WithDefault("false")
    boolean skipSignatureChecks();

    /** Largest webhook body accepted (HANDOFF_MAX_BODY_BYTES); larger ones get 413. */
    @WithDefault("262144")
    int maxBodyBytes();

    /** How far X-Chatwoot-Timestamp may be from our clock (HANDOFF_CHATWOOT_MAX_SKEW). */
    @WithDefault("5M")
    Duration chatwootMaxSkew();

    /** Longest wait for Kafka's acknowledgement before answering 503 (HANDOFF_KAFKA_WRITE_TIMEOUT). */
    @WithDefault("5S")
    Duration kafkaWriteTimeout();

    Router router();

    interface Router {

        /** First wait before retrying a failed Chatwoot call (HANDOFF_ROUTER_INITIAL_BACKOFF). */
        @WithDefault("500MS")
        Duration initialBackoff();

        /** Longest wait between retries while Chatwoot is down (HANDOFF_ROUTER_MAX_BACKOFF). */
        @WithDefault("30S")
        Duration maxBackoff();

        /**
         * Attempts for a record Chatwoot refuses outright (4xx) before it goes to the DLQ
         * (HANDOFF_ROUTER_MAX_ATTEMPTS). Unavailability (5xx, timeouts, 429) is retried without limit: nothing is
         * dropped while Chatwoot is down.
         */
        @WithDefault("3")
        int maxAttempts();

        /**
         * Where a customer message goes when the customer has no open conversation: the Studio flow's webhook URL
         * (HANDOFF_STUDIO_WEBHOOK_URL, e.g. https://webhooks.twilio.com/v1/Accounts/AC…/Flows/FW…). Unset: a new
         * conversation is opened instead.
         */
        Optional<String> studioWebhookUrl();

        /** Largest media file downloaded from Twilio and attached (HANDOFF_MAX_MEDIA_BYTES). */
        @WithDefault("16777216")
        int maxMediaBytes();
    }
}
