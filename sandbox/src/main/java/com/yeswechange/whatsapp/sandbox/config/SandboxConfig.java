package com.yeswechange.whatsapp.sandbox.config;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The sandbox's settings; the properties file maps the services' own variables (CHATWOOT_*, TWILIO_*) onto them. */
@ConfigMapping(prefix = "sandbox")
public interface SandboxConfig {

    /** Base of the URLs the sandbox hands out (attachment data_url, media URLs). */
    String publicBaseUrl();

    Chatwoot chatwoot();

    Twilio twilio();

    interface Chatwoot {
        long accountId();

        /** The administrator's access token (CHATWOOT_API_TOKEN). */
        String adminToken();

        String platformToken();

        String webhookSecret();

        long whatsappInboxId();

        Optional<List<String>> webhookUrls();

        Optional<String> inboxCallbackUrl();

        @WithDefault("30")
        int metaRateLimit();

        @WithDefault("true")
        boolean metaRateLimitEnabled();
    }

    interface Twilio {
        String accountSid();

        String authToken();

        String whatsappFrom();

        String studioFlowSid();

        Optional<String> messagesWebhookUrl();

        Optional<String> statusCallbackUrl();

        Optional<String> studioHandoffUrl();

        Duration callbackStep();
    }
}
