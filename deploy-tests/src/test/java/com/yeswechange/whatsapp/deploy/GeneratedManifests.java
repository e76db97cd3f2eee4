package com.yeswechange.whatsapp.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The Kubernetes objects made from files other helpers own, so there is one source for each: the PrometheusRule from
 * deploy/prometheus/alerts.yml, the Grafana dashboards ConfigMap from deploy/grafana/, and the Keycloak realm
 * ConfigMaps from deploy/keycloak/agents-realm.json (dev: the demo realm; prod: without demo users and without the
 * scripts' public client). deploy/k8s/generate.sh writes them; GeneratedManifestsTest fails when one is stale.
 */
final class GeneratedManifests {

    static final Path ALERTS = Repo.path("deploy/prometheus/alerts.yml");
    static final Path GRAFANA = Repo.path("deploy/grafana");
    static final Path REALM = Repo.path("deploy/keycloak/agents-realm.json");

    static final Path PROMETHEUS_RULE = Repo.path("deploy/k8s/base/monitoring/prometheus-rule.yaml");
    static final Path DASHBOARDS = Repo.path("deploy/k8s/base/monitoring/grafana-dashboards.yaml");
    static final Path DEV_REALM = Repo.path("deploy/k8s/overlays/dev/keycloak-realm.yaml");
    static final Path PROD_REALM = Repo.path("deploy/k8s/overlays/prod/keycloak-realm.yaml");

    /** The client the demo realm gives scripts and tests (direct-access grants): never in production. */
    static final String SCRIPTS_CLIENT = "agent-cli";
    /** Keycloak replaces ${...} in an imported realm with its environment: the agent UI's public URL. */
    static final String PUBLIC_URL = "${GATEWAY_PUBLIC_URL}";

    private static final YAMLMapper OUT = YAMLMapper.builder()
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .disable(YAMLGenerator.Feature.SPLIT_LINES)
            .build();

    private GeneratedManifests() {
    }

    /** Every generated file and the content it must have. */
    static Map<Path, String> expected() {
        Map<Path, String> files = new LinkedHashMap<>();
        files.put(PROMETHEUS_RULE, prometheusRule());
        files.put(DASHBOARDS, grafanaDashboards());
        JsonNode realm = readJson(REALM, "the gateway helper's Keycloak realm");
        files.put(DEV_REALM, realmConfigMap(forCluster(realm, false), "the demo realm (users agent1, supervisor1, admin)"));
        files.put(PROD_REALM, realmConfigMap(forCluster(realm, true), "the realm without demo users or the " + SCRIPTS_CLIENT + " client"));
        return files;
    }

    static String prometheusRule() {
        JsonNode rules = readYaml(ALERTS, "the reporting helper's alert rules");
        ObjectNode rule = object("monitoring.coreos.com/v1", "PrometheusRule", "whatsapp-agents-alerts");
        ((ObjectNode) rule.path("metadata")).putObject("labels").put("role", "alert-rules");
        rule.putObject("spec").set("groups", rules.path("groups"));
        return header("deploy/prometheus/alerts.yml", "the alert rules") + yaml(rule);
    }

    static String grafanaDashboards() {
        ObjectNode map = object("v1", "ConfigMap", "grafana-dashboards");
        // the Grafana sidecar loads every ConfigMap with this label
        ((ObjectNode) map.path("metadata")).putObject("labels").put("grafana_dashboard", "1");
        ObjectNode data = map.putObject("data");
        for (Path dashboard : dashboards()) {
            readJson(dashboard, "a Grafana dashboard");   // must parse; kept byte for byte
            data.put(dashboard.getFileName().toString(), Repo.read(dashboard));
        }
        return header("deploy/grafana/**/*.json", "the Grafana dashboards") + yaml(map);
    }

    /** The dashboards under deploy/grafana (any *.json), sorted by file name. */
    static List<Path> dashboards() {
        if (!Files.isDirectory(GRAFANA)) {
            throw new IllegalStateException("missing " + Repo.ROOT.relativize(GRAFANA) + " (the reporting helper's dashboards)");
        }
        try (Stream<Path> files = Files.walk(GRAFANA)) {
            List<Path> list = files.filter(f -> f.toString().endsWith(".json"))
                    .sorted((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString())).toList();
            if (list.isEmpty()) {
                throw new IllegalStateException("no dashboards (*.json) under " + Repo.ROOT.relativize(GRAFANA));
            }
            return list;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The realm as a cluster imports it: the gateway client's URLs are the agent UI's public URL (Keycloak reads it
     * from its environment at import); for production, no demo users and no scripts' client.
     */
    static JsonNode forCluster(JsonNode source, boolean production) {
        ObjectNode realm = source.deepCopy();
        ArrayNode clients = JsonNodeFactory.instance.arrayNode();
        for (JsonNode c : realm.path("clients")) {
            ObjectNode client = (ObjectNode) c.deepCopy();
            String id = client.path("clientId").asText();
            if (production && id.equals(SCRIPTS_CLIENT)) {
                continue;
            }
            if (id.equals("gateway")) {
                client.putArray("redirectUris").add(PUBLIC_URL + "/*");
                client.putArray("webOrigins").add(PUBLIC_URL);
                for (String field : List.of("rootUrl", "baseUrl", "adminUrl")) {
                    if (client.has(field)) {
                        client.put(field, PUBLIC_URL);
                    }
                }
                if (client.path("attributes").has("post.logout.redirect.uris")) {
                    ((ObjectNode) client.path("attributes")).put("post.logout.redirect.uris", PUBLIC_URL + "/*");
                }
            }
            clients.add(client);
        }
        realm.set("clients", clients);
        if (production) {
            realm.remove("users");
        }
        return realm;
    }

    static String realmConfigMap(JsonNode realm, String what) {
        ObjectNode map = object("v1", "ConfigMap", "keycloak-realm");
        map.putObject("data").put("agents-realm.json", realm.toPrettyString() + "\n");
        return header("deploy/keycloak/agents-realm.json", what) + yaml(map);
    }

    private static ObjectNode object(String apiVersion, String kind, String name) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("apiVersion", apiVersion);
        node.put("kind", kind);
        node.putObject("metadata").put("name", name);
        return node;
    }

    private static String header(String source, String what) {
        return "# " + what.substring(0, 1).toUpperCase() + what.substring(1) + ", generated from " + source
                + " by deploy/k8s/generate.sh.\n# Do not edit: edit the source, run deploy/k8s/generate.sh and commit both.\n";
    }

    private static String yaml(JsonNode node) {
        try {
            return OUT.writeValueAsString(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode readYaml(Path file, String what) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("missing " + Repo.ROOT.relativize(file) + " (" + what + ")");
        }
        try {
            return Repo.YAML.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode readJson(Path file, String what) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("missing " + Repo.ROOT.relativize(file) + " (" + what + ")");
        }
        try {
            return Repo.JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes every generated file (deploy/k8s/generate.sh). */
    static void writeAll() {
        for (Map.Entry<Path, String> e : expected().entrySet()) {
            try {
                Files.createDirectories(e.getKey().getParent());
                Files.writeString(e.getKey(), e.getValue());
            } catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        }
    }
}
