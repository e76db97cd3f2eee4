package com.yeswechange.whatsapp.handoff.rest;

import com.yeswechange.whatsapp.handoff.config.HandoffConfig;
import com.yeswechange.whatsapp.handoff.service.ChatwootSignature;
import com.yeswechange.whatsapp.handoff.service.TwilioSignature;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigUtils;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The checks every webhook passes before anything is written: content type, size and signature. Signatures are
 * checked against the public URL (HANDOFF_PUBLIC_BASE_URL + the path and query as received), so they hold behind an
 * ingress or proxy.
 */
@ApplicationScoped
public class WebhookVerifier {

    private static final Logger LOG = Logger.getLogger(WebhookVerifier.class);

    private final HandoffConfig config;
    private final Optional<TwilioSignature> twilio;
    private final Optional<ChatwootSignature> chatwoot;

    public WebhookVerifier(HandoffConfig config) {
        this.config = config;
        this.twilio = config.twilioAuthToken().filter(token -> !token.isBlank()).map(TwilioSignature::new);
        this.chatwoot = config.chatwootWebhookSecret().filter(secret -> !secret.isBlank())
                .map(secret -> new ChatwootSignature(secret, config.chatwootMaxSkew()));
    }

    void onStart(@Observes StartupEvent start) {
        guardSkipSwitch(config.skipSignatureChecks(), ConfigUtils.getProfiles());
        if (twilio.isEmpty() && !config.skipSignatureChecks()) {
            LOG.error("TWILIO_AUTH_TOKEN is not set: every Twilio webhook will be refused (403)");
        }
        if (chatwoot.isEmpty() && !config.skipSignatureChecks()) {
            LOG.error("CHATWOOT_WEBHOOK_SECRET is not set: every Chatwoot webhook will be refused (403)");
        }
    }

    /** The skip switch exists only outside prod: in prod it stops the start; elsewhere it warns loudly. */
    static void guardSkipSwitch(boolean skip, List<String> profiles) {
        if (!skip) {
            return;
        }
        if (profiles.contains("prod")) {
            throw new IllegalStateException("HANDOFF_SKIP_SIGNATURE_CHECKS=true is refused in the prod profile");
        }
        LOG.warn("""

                *****************************************************************************************
                *  HANDOFF_SKIP_SIGNATURE_CHECKS=true: webhook signatures are NOT checked.              *
                *  Anyone who can reach this service can inject WhatsApp and Chatwoot events.           *
                *  Never run like this outside a local experiment.                                      *
                *****************************************************************************************""");
    }

    /** The URL Twilio signed: public base URL, then the path and raw query this request arrived with. */
    public String publicUrl(UriInfo uri) {
        String base = config.publicBaseUrl().replaceAll("/+$", "");
        String query = uri.getRequestUri().getRawQuery();
        return base + uri.getRequestUri().getRawPath() + (query == null ? "" : "?" + query);
    }

    public void requireContentType(String endpoint, String contentType, String... accepted) {
        String type = contentType == null ? "" : contentType.split(";", 2)[0].trim();
        for (String candidate : accepted) {
            if (candidate.equalsIgnoreCase(type)) {
                return;
            }
        }
        throw new WebhookRejectedException(endpoint, 415, "unsupported_media_type",
                "Content-Type must be " + String.join(" or ", accepted) + (type.isEmpty() ? "" : ", not " + type));
    }

    public void requireSize(String endpoint, byte[] body) {
        if (body.length > config.maxBodyBytes()) {
            throw new WebhookRejectedException(endpoint, 413, "too_large",
                    "body of " + body.length + " bytes exceeds " + config.maxBodyBytes());
        }
    }

    /** A Twilio signature must be present before the body is even parsed. */
    public void requireTwilioSignaturePresent(String endpoint, String signature) {
        if (!config.skipSignatureChecks() && (signature == null || signature.isBlank())) {
            throw new WebhookRejectedException(endpoint, 403, "missing_signature", "X-Twilio-Signature is missing");
        }
    }

    public void checkTwilioForm(String endpoint, String url, Map<String, String> params, String signature) {
        if (config.skipSignatureChecks()) {
            return;
        }
        if (!twilioSignature(endpoint).validForm(url, params, signature)) {
            throw forged(endpoint, "X-Twilio-Signature does not match this request");
        }
    }

    public void checkTwilioJson(String endpoint, String url, String rawBody, String signature) {
        if (config.skipSignatureChecks()) {
            return;
        }
        if (!twilioSignature(endpoint).validJson(url, rawBody, signature)) {
            throw forged(endpoint, "X-Twilio-Signature (with bodySHA256) does not match this request");
        }
    }

    public void checkChatwoot(String endpoint, String timestamp, String signature, byte[] rawBody, Instant now) {
        if (config.skipSignatureChecks()) {
            return;
        }
        ChatwootSignature checker = chatwoot.orElseThrow(() -> forged(endpoint, "no webhook secret is configured"));
        switch (checker.verify(timestamp, signature, rawBody, now)) {
            case VALID -> {
            }
            case MISSING -> throw new WebhookRejectedException(endpoint, 403, "missing_signature",
                    "X-Chatwoot-Signature and X-Chatwoot-Timestamp are required");
            case STALE -> throw new WebhookRejectedException(endpoint, 403, "stale_timestamp",
                    "X-Chatwoot-Timestamp is outside the allowed window");
            case FORGED -> throw forged(endpoint, "X-Chatwoot-Signature does not match this request");
        }
    }

    private TwilioSignature twilioSignature(String endpoint) {
        return twilio.orElseThrow(() -> forged(endpoint, "no Twilio auth token is configured"));
    }

    private static WebhookRejectedException forged(String endpoint, String message) {
        return new WebhookRejectedException(endpoint, 403, "forged_signature", message);
    }
}
