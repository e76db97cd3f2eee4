package com.yeswechange.whatsapp.sandbox;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import com.twilio.http.HttpClient;
import com.twilio.http.HttpMethod;
import com.twilio.http.Request;
import com.twilio.http.Response;

/**
 * Points the real Twilio SDK at the sandbox: the SDK builds https://api.twilio.com/… and https://studio.twilio.com/…
 * URLs, this client sends them to the sandbox instead (the SDK has no base-URL option, TOOLCHAIN.md).
 */
class SandboxTwilioHttpClient extends HttpClient {

    private final String sandboxBaseUrl;
    private final java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();

    SandboxTwilioHttpClient(String sandboxBaseUrl) {
        this.sandboxBaseUrl = sandboxBaseUrl;
    }

    @Override
    public Response makeRequest(Request request) {
        String url = request.constructURL().toString().replaceFirst("^https://[a-z]+\\.twilio\\.com", sandboxBaseUrl);
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url)).header("Authorization",
                "Basic " + Base64.getEncoder().encodeToString((request.getUsername() + ":" + request.getPassword())
                        .getBytes(StandardCharsets.UTF_8)));
        if (request.getMethod() == HttpMethod.POST) {
            builder.header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(request.encodeFormBody()));
        } else {
            builder.GET();
        }
        try {
            HttpResponse<String> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.body(), response.statusCode());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
