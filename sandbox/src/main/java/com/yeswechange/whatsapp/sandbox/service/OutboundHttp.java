package com.yeswechange.whatsapp.sandbox.service;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import com.yeswechange.whatsapp.sandbox.model.OutgoingCall;

/** Makes the sandbox's own HTTP calls (webhooks, callbacks) and records each one with the answer it got. */
@ApplicationScoped
public class OutboundHttp {

    private static final Logger LOG = Logger.getLogger(OutboundHttp.class);
    /** Chatwoot's WEBHOOK_TIMEOUT default; Twilio allows 15 s, Studio 10 s: 5 s is the strictest. */
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    @Inject
    SandboxStore store;

    /** POSTs and records the call; never throws. Returns the HTTP status, or null when no answer came. */
    public Integer post(String kind, String event, String url, Map<String, String> headers, String contentType,
            String body) {
        Map<String, String> allHeaders = new LinkedHashMap<>();
        allHeaders.put("Content-Type", contentType);
        allHeaders.putAll(headers);
        Integer status = null;
        String error = null;
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT)
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
            allHeaders.forEach(request::header);
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            status = response.statusCode();
            if (status / 100 != 2) {
                error = status + " " + abbreviate(response.body());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            error = "interrupted";
        } catch (Exception e) {
            error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        }
        if (error != null) {
            LOG.warnf("%s %s to %s failed: %s", kind, event, url, error);
        }
        record(kind, event, url, allHeaders, body, status, error);
        return status;
    }

    /** Records a call that was deliberately not made (a fault switch), so tests can see it was skipped. */
    public void recordSkipped(String kind, String event, String url, String body, String why) {
        record(kind, event, url, Map.of(), body, null, why);
    }

    private void record(String kind, String event, String url, Map<String, String> headers, String body,
            Integer status, String error) {
        synchronized (store) {
            store.outgoingCalls.add(new OutgoingCall(store.nextCallSeq(), kind, event, url, Map.copyOf(headers), body,
                    status, error, Instant.now()));
        }
    }

    /** application/x-www-form-urlencoded as Twilio writes it (java.net.URLEncoder, UTF-8). */
    public static String formEncode(Map<String, String> params) {
        return params.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static String abbreviate(String text) {
        return text == null || text.length() <= 200 ? text : text.substring(0, 200) + "…";
    }
}
