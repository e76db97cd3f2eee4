package com.yeswechange.whatsapp.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * One real Keycloak per test JVM (the keycloak-quarkus-dist zip from the local Maven repository, run with
 * {@code kc.sh start-dev} on free ports, an in-memory store and the project's realm export
 * {@code deploy/keycloak/agents-realm.json}), started on first use and stopped when the JVM exits.
 *
 * <p>The module that uses it declares {@code org.keycloak:keycloak-quarkus-dist:26.5.6:zip} as a test dependency (so
 * Maven fetches it) and may pass, as system properties: {@code keycloak.dist.zip} (default: the zip in
 * ~/.m2/repository), {@code keycloak.home} (where to unpack; default: a temporary folder),
 * {@code keycloak.realm.file} (default: found upwards from the working directory), {@code keycloak.java.home} (a JDK
 * 21+; default: this JVM when it is 21+, else /usr/lib/jvm/temurin-25-jdk-amd64).
 *
 * <p>Tokens for the demo users come from the public {@code agent-cli} client (password grant); the {@code gateway}
 * client's secret is a random value given to Keycloak through {@code GATEWAY_OIDC_CLIENT_SECRET}, which the realm file
 * reads as a placeholder.
 */
public final class KeycloakServer {

    public static final String VERSION = "26.5.6";
    public static final String REALM = "agents";
    public static final String CLI_CLIENT = "agent-cli";
    public static final String GATEWAY_CLIENT = "gateway";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    /** Keycloak builds itself on first start: ~25 s on an idle 2-core machine, minutes on a loaded one. */
    private static final Duration STARTUP_TIMEOUT = Duration.parse(System.getProperty("keycloak.startup.timeout",
            "PT10M"));

    private static KeycloakServer instance;

    private final String baseUrl;
    private final String gatewaySecret;
    private final String adminPassword;
    private final Process process;

    private KeycloakServer(String baseUrl, String gatewaySecret, String adminPassword, Process process) {
        this.baseUrl = baseUrl;
        this.gatewaySecret = gatewaySecret;
        this.adminPassword = adminPassword;
        this.process = process;
    }

    /** The running server, starting it on first use (~20-60 s). */
    public static synchronized KeycloakServer get() {
        if (instance == null) {
            instance = start();
        }
        return instance;
    }

    /** e.g. http://127.0.0.1:41234 */
    public String baseUrl() {
        return baseUrl;
    }

    /** The realm's issuer URL, what {@code quarkus.oidc.auth-server-url} wants. */
    public String realmUrl() {
        return baseUrl + "/realms/" + REALM;
    }

    /** The {@code gateway} client's secret in this server (a random value per JVM). */
    public String gatewayClientSecret() {
        return gatewaySecret;
    }

    /** An access token for a realm user through the public {@code agent-cli} client's password grant. */
    public String accessToken(String username, String password) {
        JsonNode token = postForm(realmUrl() + "/protocol/openid-connect/token", Map.of(
                "grant_type", "password", "client_id", CLI_CLIENT, "username", username, "password", password,
                "scope", "openid"), null);
        return token.get("access_token").asText();
    }

    /** Creates a realm user (email verified) with these realm roles (none for a user without any role). */
    public void createUser(String username, String password, String email, String... realmRoles) {
        String admin = adminToken();
        Map<String, Object> user = Map.of("username", username, "enabled", true, "email", email,
                "emailVerified", true, "firstName", username, "lastName", "Test",
                "credentials", List.of(Map.of("type", "password", "value", password, "temporary", false)));
        HttpResponse<String> created = send(HttpRequest.newBuilder(URI.create(adminUrl() + "/users"))
                .header("Authorization", "Bearer " + admin).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(write(user))).build());
        if (created.statusCode() != 201) {
            throw new IllegalStateException("could not create user " + username + ": HTTP " + created.statusCode()
                    + " " + created.body());
        }
        if (realmRoles.length == 0) {
            return;
        }
        String location = created.headers().firstValue("Location").orElseThrow();
        List<JsonNode> roles = new ArrayList<>();
        for (String role : realmRoles) {
            roles.add(getJson(adminUrl() + "/roles/" + role, admin));
        }
        HttpResponse<String> mapped = send(HttpRequest.newBuilder(URI.create(location + "/role-mappings/realm"))
                .header("Authorization", "Bearer " + admin).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(write(roles))).build());
        if (mapped.statusCode() != 204) {
            throw new IllegalStateException("could not give roles to " + username + ": HTTP " + mapped.statusCode());
        }
    }

    /** Lets a client redirect to one more URI (e.g. a test's random port), like an administrator would. */
    public void addRedirectUri(String clientId, String redirectUri) {
        String admin = adminToken();
        JsonNode clients = getJson(adminUrl() + "/clients?clientId=" + encode(clientId), admin);
        JsonNode client = clients.get(0);
        var updated = (com.fasterxml.jackson.databind.node.ObjectNode) client;
        ((com.fasterxml.jackson.databind.node.ArrayNode) updated.withArray("redirectUris")).add(redirectUri);
        HttpResponse<String> put = send(HttpRequest.newBuilder(
                        URI.create(adminUrl() + "/clients/" + client.get("id").asText()))
                .header("Authorization", "Bearer " + admin).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(write(updated))).build());
        if (put.statusCode() != 204) {
            throw new IllegalStateException("could not update client " + clientId + ": HTTP " + put.statusCode());
        }
    }

    private String adminUrl() {
        return baseUrl + "/admin/realms/" + REALM;
    }

    private String adminToken() {
        return postForm(baseUrl + "/realms/master/protocol/openid-connect/token", Map.of("grant_type", "password",
                "client_id", "admin-cli", "username", "admin", "password", adminPassword), null)
                .get("access_token").asText();
    }

    // ------------------------------------------------------------------------------------------------ start, stop

    private static KeycloakServer start() {
        try {
            Path home = unpack();
            Path realm = realmFile();
            Path importDir = Files.createDirectories(home.resolve("data/import"));
            try (var old = Files.list(importDir)) {
                for (Path file : old.toList()) {
                    Files.delete(file);
                }
            }
            Files.copy(realm, importDir.resolve("agents-realm.json"), StandardCopyOption.REPLACE_EXISTING);
            int httpPort = freePort();
            int managementPort = freePort();
            String secret = UUID.randomUUID().toString();
            String adminPassword = UUID.randomUUID().toString();
            ProcessBuilder builder = new ProcessBuilder(home.resolve("bin/kc.sh").toString(), "start-dev",
                    "--http-host=127.0.0.1", "--http-port=" + httpPort,
                    "--http-management-port=" + managementPort, "--db=dev-mem", "--import-realm",
                    "--cache=local")
                    .directory(home.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(home.resolve("keycloak.log").toFile());
            Map<String, String> env = builder.environment();
            env.put("JAVA_HOME", javaHome());
            env.put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
            env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", adminPassword);
            env.put("GATEWAY_OIDC_CLIENT_SECRET", secret);
            Process process = builder.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(process), "keycloak-test-server-stop"));
            String baseUrl = "http://127.0.0.1:" + httpPort;
            awaitRealm(baseUrl, process, home);
            return new KeycloakServer(baseUrl, secret, adminPassword, process);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start Keycloak", e);
        }
    }

    private static void stop(Process process) {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void awaitRealm(String baseUrl, Process process, Path home) throws IOException {
        URI wellKnown = URI.create(baseUrl + "/realms/" + REALM + "/.well-known/openid-configuration");
        Instant deadline = Instant.now().plus(STARTUP_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak exited with " + process.exitValue() + ":\n" + tail(home));
            }
            try {
                HttpResponse<Void> response = HTTP.send(HttpRequest.newBuilder(wellKnown)
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        stop(process);
        throw new IllegalStateException("Keycloak not ready within " + STARTUP_TIMEOUT + ":\n" + tail(home));
    }

    private static String tail(Path home) throws IOException {
        List<String> lines = Files.readAllLines(home.resolve("keycloak.log"));
        return lines.subList(Math.max(0, lines.size() - 40), lines.size()).stream().collect(Collectors.joining("\n"));
    }

    /** Unpacks the distribution once per home folder (a marker file says it is complete). */
    private static Path unpack() throws IOException {
        String configured = System.getProperty("keycloak.home");
        Path target = configured != null ? Path.of(configured)
                : Path.of(System.getProperty("java.io.tmpdir"), "keycloak-test-" + VERSION);
        Path home = target.resolve("keycloak-" + VERSION);
        Path done = target.resolve(".unpacked");
        if (Files.exists(done)) {
            return home;
        }
        Path zip = Path.of(System.getProperty("keycloak.dist.zip", Path.of(System.getProperty("user.home"),
                ".m2/repository/org/keycloak/keycloak-quarkus-dist", VERSION,
                "keycloak-quarkus-dist-" + VERSION + ".zip").toString()));
        if (!Files.exists(zip)) {
            throw new IllegalStateException("no Keycloak distribution at " + zip + ": declare "
                    + "org.keycloak:keycloak-quarkus-dist:" + VERSION + ":zip as a test dependency");
        }
        Files.createDirectories(target);
        try (InputStream in = Files.newInputStream(zip); ZipInputStream entries = new ZipInputStream(in)) {
            for (ZipEntry entry = entries.getNextEntry(); entry != null; entry = entries.getNextEntry()) {
                Path out = target.resolve(entry.getName()).normalize();
                if (!out.startsWith(target)) {
                    throw new IOException("zip entry outside the target: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(out);
                } else {
                    Files.createDirectories(out.getParent());
                    Files.copy(entries, out, StandardCopyOption.REPLACE_EXISTING);
                    if (out.getFileName().toString().endsWith(".sh")) {
                        out.toFile().setExecutable(true);
                    }
                }
            }
        }
        Files.createFile(done);
        return home;
    }

    private static Path realmFile() {
        String configured = System.getProperty("keycloak.realm.file");
        if (configured != null && Files.exists(Path.of(configured))) {
            return Path.of(configured);
        }
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            Path candidate = dir.resolve("deploy/keycloak/agents-realm.json");
            if (Files.exists(candidate)) {
                return candidate;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("deploy/keycloak/agents-realm.json not found above " + Path.of("")
                .toAbsolutePath());
    }

    private static String javaHome() {
        String configured = System.getProperty("keycloak.java.home");
        if (configured != null) {
            return configured;
        }
        if (Runtime.version().feature() >= 21) {
            return System.getProperty("java.home");
        }
        return "/usr/lib/jvm/temurin-25-jdk-amd64";
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    // ------------------------------------------------------------------------------------------------ HTTP

    private static JsonNode postForm(String url, Map<String, String> form, String bearer) {
        String body = form.entrySet().stream().map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        HttpResponse<String> response = send(request.build());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("POST " + url + ": HTTP " + response.statusCode() + " " + response.body());
        }
        return read(response.body());
    }

    private static JsonNode getJson(String url, String bearer) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + bearer).build());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + url + ": HTTP " + response.statusCode());
        }
        return read(response.body());
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode read(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
