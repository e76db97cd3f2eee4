package com.yeswechange.whatsapp.handoff.client;

import com.yeswechange.whatsapp.events.InboundEvent;
import com.yeswechange.whatsapp.handoff.config.HandoffConfig;
import com.yeswechange.whatsapp.handoff.service.PermanentRouteException;
import com.yeswechange.whatsapp.handoff.service.TransientRouteException;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Hands a customer message back to the Twilio Studio flow (HANDOFF_STUDIO_WEBHOOK_URL) when the customer has no
 * conversation with an agent: the message is re-posted with the parameter names of Twilio's inbound webhook, so the
 * flow's "Incoming Message" trigger sees what it would have seen, authenticated with the account's credentials.
 */
@ApplicationScoped
public class StudioForwarder {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final HandoffConfig config;

    public StudioForwarder(HandoffConfig config) {
        this.config = config;
    }

    public boolean configured() {
        return url().isPresent();
    }

    public void forward(InboundEvent event) {
        String url = url().orElseThrow(() -> new IllegalStateException("no Studio webhook URL configured"));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(formOf(parameters(event))));
        String sid = config.twilioAccountSid().orElse("");
        String token = config.twilioAuthToken().orElse("");
        if (!sid.isBlank() && !token.isBlank()) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((sid + ":" + token).getBytes(StandardCharsets.UTF_8)));
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new TransientRouteException("Studio unreachable: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransientRouteException("Studio forward interrupted", e);
        }
        if (response.statusCode() >= 500 || response.statusCode() == 429) {
            throw new TransientRouteException("Studio answered HTTP " + response.statusCode(), null);
        }
        if (response.statusCode() >= 300) {
            throw new PermanentRouteException("Studio refused the message: HTTP " + response.statusCode());
        }
    }

    /** Twilio's inbound webhook parameters for this message. */
    static Map<String, String> parameters(InboundEvent event) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("MessageSid", event.messageSid());
        params.put("SmsMessageSid", event.messageSid());
        params.put("SmsSid", event.messageSid());
        params.put("From", event.from());
        putIfPresent(params, "To", event.to());
        params.put("Body", event.body() == null ? "" : event.body());
        putIfPresent(params, "ProfileName", event.profileName());
        if (event.customerPhone() != null && event.customerPhone().startsWith("+")) {
            params.put("WaId", event.customerPhone().substring(1));
        }
        putIfPresent(params, "MessageType", event.messageType());
        params.put("NumMedia", Integer.toString(event.media().size()));
        for (int i = 0; i < event.media().size(); i++) {
            putIfPresent(params, "MediaContentType" + i, event.media().get(i).contentType());
            params.put("MediaUrl" + i, event.media().get(i).url());
        }
        if (event.location() != null) {
            params.put("Latitude", String.valueOf(event.location().latitude()));
            params.put("Longitude", String.valueOf(event.location().longitude()));
            putIfPresent(params, "Address", event.location().address());
            putIfPresent(params, "Label", event.location().label());
        }
        return params;
    }

    private Optional<String> url() {
        return config.router().studioWebhookUrl().filter(value -> !value.isBlank());
    }

    private static void putIfPresent(Map<String, String> params, String name, String value) {
        if (value != null) {
            params.put(name, value);
        }
    }

    private static String formOf(Map<String, String> params) {
        return params.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
