package com.yeswechange.whatsapp.handoff.rest;

import com.yeswechange.whatsapp.handoff.service.WebhookMetrics;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Turns refusals into JSON error bodies, counted by endpoint and reason. */
public class WebhookErrors {

    private static final Logger LOG = Logger.getLogger(WebhookErrors.class);

    private final WebhookMetrics metrics;

    public WebhookErrors(WebhookMetrics metrics) {
        this.metrics = metrics;
    }

    @ServerExceptionMapper
    public Response rejected(WebhookRejectedException rejection) {
        metrics.rejected(rejection.endpoint(), rejection.reason());
        LOG.infof("webhook %s refused (%d %s): %s", rejection.endpoint(), rejection.status(), rejection.reason(),
                rejection.getMessage());
        return error(rejection.status(), rejection.reason(), rejection.getMessage());
    }

    static Response error(int status, String reason, String message) {
        return Response.status(status)
                .type(MediaType.APPLICATION_JSON)
                .entity(Map.of("error", message, "reason", reason))
                .build();
    }
}
