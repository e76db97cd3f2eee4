package com.yeswechange.whatsapp.outbound.client;

import com.twilio.http.HttpMethod;
import com.twilio.http.Request;
import com.twilio.http.Response;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The Twilio SDK's transport, owned by us for two reasons. It reaches the configured base URLs
 * (TWILIO_API_BASE_URL, TWILIO_STUDIO_API_BASE_URL) instead of the SDK's hard-coded {@code https://<domain>.twilio.com}.
 * And it sends every request exactly once: the SDK's own {@code reliableRequest} re-sends on any 5xx, which for
 * Messages.json can mean a duplicate WhatsApp message. Retries are decided by the caller, after reconciliation.
 *
 * <p>Transport failures are told apart: {@link TwilioUnreachableException} when the request never left (nothing can
 * have been sent), {@link TwilioOutcomeUnknownException} when it may have reached Twilio (timeout waiting for the
 * answer, connection dropped).
 */
public class TwilioHttpClient extends com.twilio.http.HttpClient {

    private final Map<String, String> baseUrlByDomain;
    private final Duration timeout;
    private final java.net.http.HttpClient http;

    /**
     * @param baseUrlByDomain Twilio's sub-domain ({@code api}, {@code studio}) → the root URL to use instead
     */
    public TwilioHttpClient(Map<String, String> baseUrlByDomain, Duration timeout) {
        this.baseUrlByDomain = Map.copyOf(baseUrlByDomain);
        this.timeout = timeout;
        this.http = java.net.http.HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(java.net.http.HttpClient.Redirect.NEVER)
                .build();
    }

    /** One attempt, never a silent re-send: the SDK calls this for every request. */
    @Override
    public Response reliableRequest(Request request) {
        return makeRequest(request);
    }

    @Override
    public Response reliableRequest(Request request, int[] retryCodes, int retries, long delayMillis) {
        return makeRequest(request);
    }

    @Override
    public Response makeRequest(Request request) {
        URI target = target(request.constructURL());
        HttpRequest.Builder builder = HttpRequest.newBuilder(target)
                .timeout(timeout)
                .header("Accept", "application/json");
        if (request.requiresAuthentication()) {
            builder.header("Authorization", request.getAuthString());
        }
        for (Map.Entry<String, List<String>> header : request.getHeaderParams().entrySet()) {
            if (isForwardable(header.getKey())) {
                header.getValue().forEach(value -> builder.header(header.getKey(), value));
            }
        }
        HttpMethod method = request.getMethod();
        if (method == HttpMethod.POST || method == HttpMethod.PUT) {
            builder.header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8");
            builder.method(method.toString(), HttpRequest.BodyPublishers.ofString(request.encodeFormBody()));
        } else {
            builder.method(method.toString(), HttpRequest.BodyPublishers.noBody());
        }
        try {
            HttpResponse<String> answer = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(answer.body(), answer.statusCode());
        } catch (ConnectException | HttpConnectTimeoutException notConnected) {
            throw new TwilioUnreachableException(method + " " + target.getPath() + ": " + notConnected, notConnected);
        } catch (IOException lost) {
            throw new TwilioOutcomeUnknownException(method + " " + target.getPath() + ": " + lost, lost);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new TwilioOutcomeUnknownException(method + " " + target.getPath() + ": interrupted", interrupted);
        }
    }

    /** The SDK's URL with its {@code https://<domain>.twilio.com} root swapped for the configured one. */
    URI target(URL sdkUrl) {
        String host = sdkUrl.getHost();
        String domain = host.substring(0, host.indexOf('.'));
        String base = baseUrlByDomain.get(domain);
        if (base == null) {
            throw new IllegalStateException("no base URL configured for Twilio domain " + domain);
        }
        String pathAndQuery = sdkUrl.getFile();
        return URI.create(stripTrailingSlash(base) + pathAndQuery);
    }

    private static String stripTrailingSlash(String base) {
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    /** The JDK client sets these itself and refuses them from callers. */
    private static boolean isForwardable(String name) {
        String lower = name.toLowerCase(java.util.Locale.ROOT);
        return !(lower.equals("host") || lower.equals("content-length") || lower.equals("connection")
                || lower.equals("authorization") || lower.equals("content-type") || lower.equals("accept"));
    }
}
