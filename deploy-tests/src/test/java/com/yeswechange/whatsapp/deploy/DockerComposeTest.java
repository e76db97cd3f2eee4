package com.yeswechange.whatsapp.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.yeswechange.whatsapp.events.Topics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * docker-compose.yml cannot run here (no Docker engine), so it is parsed and checked against the repository: the
 * images it builds and their Dockerfiles, ports, health checks and environment variable names against the services'
 * real configuration, the topics against the events contract, and every file it mounts.
 */
class DockerComposeTest {

    static final Path COMPOSE = Repo.path("docker-compose.yml");
    static final List<String> APPLICATIONS =
            List.of("gateway-service", "handoff-service", "outbound-service", "reporting-service", "sandbox");

    static JsonNode services;

    @BeforeAll
    static void parse() throws Exception {
        services = Repo.YAML.readTree(COMPOSE.toFile()).path("services");
    }

    @Test
    void everyApplicationIsBuiltFromItsModulesDockerfile() {
        for (String app : APPLICATIONS) {
            JsonNode service = services.path(app);
            assertThat(service.isObject()).as("compose service " + app).isTrue();
            Path context = Repo.ROOT.resolve(service.path("build").path("context").asText()).normalize();
            assertThat(context).as(app + " build context").isEqualTo(Repo.path(app));
            Path dockerfile = context.resolve(service.path("build").path("dockerfile").asText());
            assertThat(dockerfile).as(app + " Dockerfile").isRegularFile()
                    .isEqualTo(Repo.path(app + "/src/main/docker/Dockerfile.jvm"));
            String image = service.path("image").asText();
            assertThat(image.substring(image.lastIndexOf('/') + 1)).startsWith(app + ":");
        }
    }

    @Test
    void everyDockerfileExposesTheServicesPortAndRunsUnprivileged() {
        for (String app : APPLICATIONS) {
            String dockerfile = Repo.read(Repo.path(app + "/src/main/docker/Dockerfile.jvm"));
            int port = ServiceConfig.of(app).httpPort();
            assertThat(dockerfile).as(app).contains("EXPOSE " + port + "\n").contains("\nUSER 185\n")
                    .contains("COPY --chown=185 target/quarkus-app/lib/ /deployments/lib/");
        }
    }

    @Test
    void portsAndHealthChecksAreTheServicesOwn() {
        for (String app : APPLICATIONS) {
            ServiceConfig config = ServiceConfig.of(app);
            int port = config.httpPort();
            JsonNode service = services.path(app);
            List<String> ports = new ArrayList<>();
            service.path("ports").forEach(p -> ports.add(p.asText()));
            assertThat(ports).as(app + " published port").containsExactly(port + ":" + port);
            String check = service.path("healthcheck").path("test").toString();
            assertThat(check).as(app + " health check").contains("http://localhost:" + port + config.healthRoot() + "/ready");
        }
    }

    @Test
    void everyEnvironmentVariableIsOneTheServiceReads() {
        List<String> unknown = new ArrayList<>();
        int checked = 0;
        for (String app : APPLICATIONS) {
            ServiceConfig config = ServiceConfig.of(app);
            for (var it = services.path(app).path("environment").fieldNames(); it.hasNext(); ) {
                String name = it.next();
                checked++;
                if (!config.readsEnv(name)) {
                    unknown.add(app + ": " + name);
                }
            }
        }
        assertThat(checked).isPositive();
        assertThat(unknown).as("variables no property of the service reads").isEmpty();
    }

    @Test
    void theSandboxIsOnlyStartedOnRequestAndNothingDependsOnIt() {
        assertThat(services.path("sandbox").path("profiles").toString()).contains("sandbox");
        for (var it = services.fields(); it.hasNext(); ) {
            var e = it.next();
            assertThat(e.getValue().path("depends_on").has("sandbox")).as(e.getKey() + " depends on the sandbox").isFalse();
        }
        // its webhooks go where handoff-service checks signatures against
        String publicUrl = services.path("handoff-service").path("environment").path("HANDOFF_PUBLIC_BASE_URL").asText();
        for (var it = services.path("sandbox").path("environment").fields(); it.hasNext(); ) {
            var e = it.next();
            if (e.getKey().matches("SANDBOX_.*(WEBHOOK|CALLBACK|HANDOFF)_URLS?")) {
                assertThat(e.getValue().asText()).as(e.getKey()).startsWith(publicUrl + "/api/webhooks/");
            }
        }
    }

    @Test
    void everyMountedFileExists() {
        List<String> missing = new ArrayList<>();
        int mounts = 0;
        for (var it = services.fields(); it.hasNext(); ) {
            var e = it.next();
            for (JsonNode volume : e.getValue().path("volumes")) {
                String source = volume.asText().split(":")[0];
                if (source.startsWith(".")) {
                    mounts++;
                    if (!Files.exists(Repo.ROOT.resolve(source).normalize())) {
                        missing.add(e.getKey() + ": " + source);
                    }
                }
            }
        }
        assertThat(mounts).isGreaterThanOrEqualTo(4);
        assertThat(missing).as("mounted files that do not exist").isEmpty();
    }

    @Test
    void infrastructureImagesArePinnedAndHealthChecked() {
        for (String infra : List.of("kafka", "keycloak", "prometheus", "grafana")) {
            String image = services.path(infra).path("image").asText();
            assertThat(image).as(infra).matches(".+:v?[0-9][^:]*").doesNotEndWith(":latest");
            assertThat(services.path(infra).path("healthcheck").path("test").isMissingNode()).as(infra + " health check").isFalse();
        }
        assertThat(services.path("keycloak").path("image").asText()).endsWith(":26.5.6");
    }

    @Test
    void theTopicsAreTheContractsWithACompactedLedger() {
        String script = services.path("kafka-topics").path("command").toString();
        Set<String> created = new TreeSet<>();
        Matcher loop = Pattern.compile("for topic in ([\\w. ]+); do").matcher(script);
        if (loop.find()) {
            for (String t : loop.group(1).trim().split(" ")) {
                created.add(t);
                created.add(Topics.dlq(t));
            }
        }
        Matcher single = Pattern.compile("create ([\\w.]+)").matcher(script);
        while (single.find()) {
            created.add(single.group(1));
        }
        Set<String> expected = new TreeSet<>();
        Topics.ALL.forEach(t -> {
            expected.add(t);
            expected.add(Topics.dlq(t));
        });
        assertThat(created).isEqualTo(expected);
        assertThat(script).contains("create " + Topics.WHATSAPP_DISPATCH + " --config cleanup.policy=compact");
        for (String app : APPLICATIONS) {
            if (!app.equals("sandbox")) {
                assertThat(services.path(app).path("environment").path("KAFKA_BOOTSTRAP_SERVERS").asText()).isEqualTo("kafka:9092");
            }
        }
    }

    @Test
    void prometheusScrapesEveryServiceWhereItExportsMetricsAndLoadsTheAlertRules() throws Exception {
        JsonNode config = Repo.YAML.readTree(Repo.path("deploy/prometheus/prometheus-compose.yml").toFile());
        Map<String, String> targets = new HashMap<>();
        for (JsonNode job : config.path("scrape_configs")) {
            for (JsonNode sc : job.path("static_configs")) {
                for (JsonNode t : sc.path("targets")) {
                    targets.put(t.asText(), job.path("metrics_path").asText("/metrics"));
                }
            }
        }
        for (String app : List.of("gateway-service", "handoff-service", "outbound-service", "reporting-service")) {
            ServiceConfig service = ServiceConfig.of(app);
            String target = app + ":" + service.httpPort();
            assertThat(targets).as("scrape target " + target).containsEntry(target, service.metricsPath());
        }
        List<String> mounts = new ArrayList<>();
        services.path("prometheus").path("volumes").forEach(v -> mounts.add(v.asText()));
        for (JsonNode ruleFile : config.path("rule_files")) {
            assertThat(mounts).as("rule file " + ruleFile.asText() + " is mounted")
                    .anyMatch(m -> m.split(":")[1].equals(ruleFile.asText()));
        }
        assertThat(mounts).anyMatch(m -> m.startsWith("./deploy/prometheus/alerts.yml:"));
    }
}
