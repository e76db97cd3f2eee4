package com.yeswechange.whatsapp.outbound.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Who we are at Twilio and where Twilio is (TWILIO_* environment variables). */
@ConfigMapping(prefix = "twilio")
public interface TwilioConfig {

    /** TWILIO_ACCOUNT_SID. */
    String accountSid();

    /** TWILIO_AUTH_TOKEN; never logged. */
    String authToken();

    /** TWILIO_WHATSAPP_FROM, e.g. {@code whatsapp:+2252722405060}. */
    String whatsappFrom();

    /** TWILIO_MESSAGING_SERVICE_SID: when set, messages are sent through this Messaging Service instead of From. */
    Optional<String> messagingServiceSid();

    /** TWILIO_API_BASE_URL: the REST API's root (a local stand-in in development). */
    @WithDefault("https://api.twilio.com")
    String apiBaseUrl();

    /** TWILIO_STUDIO_API_BASE_URL: Studio's REST root. */
    @WithDefault("https://studio.twilio.com")
    String studioApiBaseUrl();

    /** TWILIO_STUDIO_FLOW_SID: the bot's flow, used when a handoff did not name its own. */
    Optional<String> studioFlowSid();

    /** TWILIO_TEMPLATE_CONTENT_SID: the approved WhatsApp template (HX…) sent outside the 24-hour window. */
    Optional<String> templateContentSid();

    /**
     * TWILIO_TEMPLATE_CONTENT_VARIABLES: the template's ContentVariables as JSON, e.g. {@code {"1":"{{contact_name}}"}};
     * {@code {{contact_name}}} is replaced by the customer's name.
     */
    Optional<String> templateContentVariables();

    /** Connect and answer timeout of one Twilio call. */
    @WithDefault("10s")
    Duration requestTimeout();
}
