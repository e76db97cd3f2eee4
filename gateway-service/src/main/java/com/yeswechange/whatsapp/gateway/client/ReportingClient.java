package com.yeswechange.whatsapp.gateway.client;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * reporting-service with a short timeout and a circuit breaker: when it is slow or down the dashboard falls back to
 * Chatwoot's own reports at once instead of waiting on every page load.
 */
@ApplicationScoped
public class ReportingClient {

    private final ReportingApi api;

    public ReportingClient(@RestClient ReportingApi api) {
        this.api = api;
    }

    @Timeout(3_000)
    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.5, delay = 30_000)
    public Map<String, Object> dashboard(String period) {
        return api.dashboard(period);
    }

    @Timeout(3_000)
    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.5, delay = 30_000)
    public List<Map<String, Object>> agents(String period) {
        return api.agents(period);
    }
}
