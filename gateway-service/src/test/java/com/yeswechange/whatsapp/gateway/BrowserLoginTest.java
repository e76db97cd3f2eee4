package com.yeswechange.whatsapp.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.yeswechange.whatsapp.testsupport.KeycloakServer;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A real browser-style login through Keycloak's code flow (redirect, login form, code exchange with the gateway
 * client's secret from the realm's placeholder), then cookie-authenticated API calls: CSRF is enforced on changes,
 * and logout ends the session at Keycloak.
 */
@QuarkusTest
class BrowserLoginTest {

    private static final Pattern FORM_ACTION = Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"");

    @TestHTTPResource("/")
    URL root;

    /** A browser's cookie jar, by host then name (paths, expiry and Secure do not matter for this walk-through). */
    private final Map<String, Map<String, String>> cookies = new ConcurrentHashMap<>();
    private final HttpClient browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeEach
    void allowThisPortAsRedirect() {
        ChatwootStandIn.reset();
        KeycloakServer.get().addRedirectUri(KeycloakServer.GATEWAY_CLIENT,
                "http://localhost:" + root.getPort() + "/*");
    }

    @Test
    void agentLogsInUsesTheApiWithTheSessionCookieAndCsrfAndLogsOut() throws Exception {
        // 1. a page without a session: off to Keycloak
        HttpResponse<String> page = get(root + "conversations");
        assertThat(page.statusCode()).isEqualTo(302);
        String login = page.headers().firstValue("Location").orElseThrow();
        assertThat(login).startsWith(KeycloakServer.get().realmUrl());

        // 2. Keycloak's login form, filled in as a person would
        HttpResponse<String> form = get(login);
        assertThat(form.statusCode()).isEqualTo(200);
        Matcher action = FORM_ACTION.matcher(form.body());
        assertThat(action.find()).as("Keycloak's login form").isTrue();
        HttpResponse<String> loggedIn = postForm(action.group(1).replace("&amp;", "&"),
                "username=agent1&password=agent1&credentialId=");
        assertThat(loggedIn.statusCode()).isEqualTo(302);

        // 3. back at the gateway with the code: it is exchanged (client secret) and a session cookie set
        HttpResponse<String> callback = get(loggedIn.headers().firstValue("Location").orElseThrow());
        assertThat(callback.statusCode()).isEqualTo(302);
        assertThat(cookie("q_session")).as("session cookie").isNotNull();

        // 4. the API with the cookie, no bearer token
        HttpResponse<String> me = get(root + "api/me");
        assertThat(me.statusCode()).as("GET /api/me with %s after the callback to %s: %s",
                cookies.get(root.getHost()).keySet(), callback.headers().firstValue("Location").orElse(""),
                me.headers().map()).isEqualTo(200);
        assertThat(me.body()).contains("\"username\":\"agent1\"").contains("\"actingAs\":\"agent_token\"");
        String csrf = cookie("gateway-csrf");
        assertThat(csrf).as("CSRF cookie").isNotNull();

        // 5. a change riding on the cookie needs the CSRF header
        HttpResponse<String> forged = send(HttpRequest.newBuilder(URI.create(root + "api/conversations/102/resolve"))
                .POST(HttpRequest.BodyPublishers.noBody()).build());
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(forged.body()).contains("\"error\":\"csrf\"");
        HttpResponse<String> wrong = send(HttpRequest.newBuilder(URI.create(root + "api/conversations/102/resolve"))
                .header("X-CSRF-Token", "guessed").POST(HttpRequest.BodyPublishers.noBody()).build());
        assertThat(wrong.statusCode()).isEqualTo(403);
        HttpResponse<String> real = send(HttpRequest.newBuilder(URI.create(root + "api/conversations/102/resolve"))
                .header("X-CSRF-Token", csrf).POST(HttpRequest.BodyPublishers.noBody()).build());
        assertThat(real.statusCode()).isEqualTo(200);

        // 6. logout: the session ends at Keycloak too
        HttpResponse<String> logout = get(root + "logout");
        assertThat(logout.statusCode()).isEqualTo(302);
        assertThat(logout.headers().firstValue("Location").orElseThrow())
                .startsWith(KeycloakServer.get().realmUrl() + "/protocol/openid-connect/logout");
        cookies.clear();
        assertThat(get(root + "api/me").statusCode()).isEqualTo(401);
    }

    @Test
    void theRealmsGatewaySecretComesFromTheEnvironmentPlaceholder() throws Exception {
        String tokenUrl = KeycloakServer.get().realmUrl() + "/protocol/openid-connect/token";
        // the gateway client has no service account: with the right secret Keycloak says the grant is not allowed,
        // with a wrong one it refuses the client itself
        HttpResponse<String> right = postForm(tokenUrl, "grant_type=client_credentials&client_id=gateway&client_secret="
                + URLEncoder.encode(KeycloakServer.get().gatewayClientSecret(), StandardCharsets.UTF_8));
        HttpResponse<String> wrong = postForm(tokenUrl,
                "grant_type=client_credentials&client_id=gateway&client_secret=" + "%24%7BGATEWAY_OIDC_CLIENT_SECRET%7D");
        assertThat(right.body()).contains("Client not enabled to retrieve service account");
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.body()).contains("Invalid client credentials");
    }

    /** The gateway's cookie whose name starts with prefix. */
    private String cookie(String prefix) {
        return cookies.getOrDefault(root.getHost(), Map.of()).entrySet().stream()
                .filter(c -> c.getKey().startsWith(prefix)).map(Map.Entry::getValue).findFirst().orElse(null);
    }

    private HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(url)).GET().build());
    }

    private HttpResponse<String> postForm(String url, String body) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        String host = request.uri().getHost();
        Map<String, String> jar = cookies.computeIfAbsent(host, h -> new ConcurrentHashMap<>());
        HttpRequest.Builder withCookies = HttpRequest.newBuilder(request, (name, value) -> true);
        if (!jar.isEmpty()) {
            withCookies.header("Cookie", jar.entrySet().stream().map(c -> c.getKey() + "=" + c.getValue())
                    .collect(Collectors.joining("; ")));
        }
        HttpResponse<String> response = browser.send(withCookies.build(), HttpResponse.BodyHandlers.ofString());
        for (String header : response.headers().allValues("Set-Cookie")) {
            String pair = header.split(";", 2)[0];
            int equals = pair.indexOf('=');
            String name = pair.substring(0, equals).trim();
            String value = pair.substring(equals + 1).trim();
            boolean expired = header.toLowerCase(java.util.Locale.ROOT).contains("max-age=0") || value.isEmpty();
            if (expired) {
                jar.remove(name);
            } else {
                jar.put(name, value);
            }
        }
        return response;
    }
}
