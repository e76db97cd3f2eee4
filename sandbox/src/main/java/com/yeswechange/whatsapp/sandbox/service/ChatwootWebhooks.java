package com.yeswechange.whatsapp.sandbox.service;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.yeswechange.whatsapp.sandbox.config.SandboxConfig;

/**
 * Sends Chatwoot webhooks as v4.15.1 does: a JSON POST per event to each account webhook URL and to the API inbox's
 * callback URL, signed with {@code X-Chatwoot-Timestamp}/{@code X-Chatwoot-Signature}, a fresh
 * {@code X-Chatwoot-Delivery} per request, never retried. Deliveries run on one background thread, in event order.
 */
@ApplicationScoped
public class ChatwootWebhooks {

    public static final String KIND = "chatwoot-webhook";
    public static final String INBOX_KIND = "chatwoot-inbox-callback";

    @Inject
    SandboxConfig config;

    @Inject
    ObjectMapper mapper;

    @Inject
    OutboundHttp http;

    @Inject
    Faults faults;

    private final ExecutorService sender = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "chatwoot-webhooks");
        t.setDaemon(true);
        return t;
    });

    @PreDestroy
    void stop() {
        sender.shutdownNow();
    }

    /**
     * Queues one event. The payload is serialized now (callers hold the store lock), so it shows the state of this
     * instant. {@code onInboxCallbackFailure} gets the error text when the API-inbox callback fails.
     */
    public void publish(String event, Map<String, Object> payload, Consumer<String> onInboxCallbackFailure) {
        String body;
        try {
            body = mapper.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        List<String> accountUrls = config.chatwoot().webhookUrls().orElse(List.of()).stream().map(String::trim)
                .filter(u -> !u.isEmpty()).toList();
        String inboxUrl = config.chatwoot().inboxCallbackUrl().map(String::trim).filter(u -> !u.isEmpty())
                .orElse(null);
        boolean disabled = faults.webhooksDisabled;
        sender.execute(() -> {
            for (String url : accountUrls) {
                deliver(KIND, event, url, body, disabled);
            }
            if (inboxUrl != null) {
                Integer status = deliver(INBOX_KIND, event, inboxUrl, body, disabled);
                if (!disabled && (status == null || status / 100 != 2) && onInboxCallbackFailure != null) {
                    onInboxCallbackFailure.accept(status == null ? "Connection failed" : status + " " + reason(status));
                }
            }
        });
    }

    private Integer deliver(String kind, String event, String url, String body, boolean disabled) {
        if (disabled) {
            http.recordSkipped(kind, event, url, body, "webhooks disabled by fault switch");
            return null;
        }
        long timestamp = Instant.now().getEpochSecond();
        Map<String, String> headers = Map.of("Accept", "application/json", "X-Chatwoot-Delivery",
                UUID.randomUUID().toString(), "X-Chatwoot-Timestamp", Long.toString(timestamp),
                "X-Chatwoot-Signature", Signatures.chatwoot(config.chatwoot().webhookSecret(), timestamp, body));
        return http.post(kind, event, url, headers, "application/json", body);
    }

    private static String reason(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 500 -> "Internal Server Error";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            default -> "Error";
        };
    }
}
