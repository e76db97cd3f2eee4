package com.yeswechange.whatsapp.handoff.client;

import com.yeswechange.whatsapp.chatwoot.dto.AttachmentUpload;
import com.yeswechange.whatsapp.events.InboundEvent;
import com.yeswechange.whatsapp.handoff.config.HandoffConfig;
import com.yeswechange.whatsapp.handoff.service.PermanentRouteException;
import com.yeswechange.whatsapp.handoff.service.TransientRouteException;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

/**
 * Downloads a customer's media from Twilio: the MediaUrl needs HTTP Basic auth with the account credentials and
 * redirects to a CDN.
 */
@ApplicationScoped
public class TwilioMediaClient {

    private static final Map<String, String> EXTENSIONS = Map.of("image/jpeg", ".jpg", "image/png", ".png",
            "image/webp", ".webp", "image/gif", ".gif", "application/pdf", ".pdf", "audio/ogg", ".ogg",
            "audio/mpeg", ".mp3", "video/mp4", ".mp4", "text/vcard", ".vcf");

    private static final int ATTEMPTS = 3;

    private final HttpClient http = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NORMAL)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final HandoffConfig config;

    public TwilioMediaClient(HandoffConfig config) {
        this.config = config;
    }

    /**
     * The media as an attachment. Unreachable or 5xx is retried a few times; after that, or on a 4xx, the media is
     * reported unavailable ({@link PermanentRouteException}) so the customer's text still reaches the agent.
     */
    public AttachmentUpload download(InboundEvent.Media media) {
        for (int attempt = 1; ; attempt++) {
            try {
                return downloadOnce(media);
            } catch (TransientRouteException failure) {
                if (attempt >= ATTEMPTS) {
                    throw new PermanentRouteException(failure.getMessage() + " (after " + ATTEMPTS + " attempts)");
                }
                try {
                    Thread.sleep(250L * attempt);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw failure;
                }
            }
        }
    }

    private AttachmentUpload downloadOnce(InboundEvent.Media media) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(media.url()))
                .timeout(Duration.ofSeconds(30))
                .GET();
        String sid = config.twilioAccountSid().orElse("");
        String token = config.twilioAuthToken().orElse("");
        if (!sid.isBlank() && !token.isBlank()) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((sid + ":" + token).getBytes(StandardCharsets.UTF_8)));
        }
        HttpResponse<byte[]> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new TransientRouteException("media download failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransientRouteException("media download interrupted", e);
        }
        if (response.statusCode() >= 500 || response.statusCode() == 429) {
            throw new TransientRouteException("media download answered HTTP " + response.statusCode(), null);
        }
        if (response.statusCode() >= 300) {
            throw new PermanentRouteException("media download answered HTTP " + response.statusCode());
        }
        if (response.body().length > config.router().maxMediaBytes()) {
            throw new PermanentRouteException("media of " + response.body().length + " bytes is too large");
        }
        String contentType = media.contentType() != null ? media.contentType()
                : response.headers().firstValue("Content-Type").orElse("application/octet-stream");
        return new AttachmentUpload(filename(media.url(), contentType), contentType, response.body());
    }

    /** The media SID (last path segment) with an extension for its type, e.g. ME2efb….jpg. */
    static String filename(String url, String contentType) {
        String path = URI.create(url).getPath();
        String name = path == null || path.isEmpty() ? "media" : path.substring(path.lastIndexOf('/') + 1);
        String type = contentType.split(";", 2)[0].trim().toLowerCase(java.util.Locale.ROOT);
        return (name.isEmpty() ? "media" : name) + EXTENSIONS.getOrDefault(type, "");
    }
}
