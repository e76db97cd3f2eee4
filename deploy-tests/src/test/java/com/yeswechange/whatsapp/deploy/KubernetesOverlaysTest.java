package com.yeswechange.whatsapp.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.yeswechange.whatsapp.events.Topics;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Renders every overlay under deploy/k8s/overlays with `kubectl kustomize` and checks the objects against the
 * services' real configuration, read from their sources.
 */
class KubernetesOverlaysTest {

    /** The application modules a cluster runs, always. */
    static final List<String> SERVICES = List.of("gateway-service", "handoff-service", "outbound-service", "reporting-service");
    /** Pods the outside world (the ingress controller) may reach: the UI, the webhooks and the login pages. */
    static final Set<String> PUBLIC = Set.of("gateway-service", "handoff-service", "keycloak");

    private static final Map<String, Manifests> RENDERED = new ConcurrentHashMap<>();
    private static final Map<String, ServiceConfig> CONFIG = new ConcurrentHashMap<>();

    static List<String> overlays() {
        return Manifests.overlayNames();
    }

    static Manifests rendered(String overlay) {
        return RENDERED.computeIfAbsent(overlay, Manifests::render);
    }

    static ServiceConfig config(String module) {
        return CONFIG.computeIfAbsent(module, ServiceConfig::of);
    }

    @Test
    void thereAreADevAndAProdOverlay() {
        assertThat(overlays()).contains("dev", "prod");
    }

    @Test
    void prodRunsNoSandboxAndPointsAtTheRealChatwootAndTwilio() {
        Manifests prod = rendered("prod");
        List<String> mentions = new ArrayList<>();
        for (JsonNode object : prod.objects()) {
            if (object.toString().toLowerCase(java.util.Locale.ROOT).contains("sandbox")) {
                mentions.add(object.path("kind").asText() + " " + Manifests.name(object));
            }
        }
        assertThat(mentions).as("prod objects that mention the sandbox").isEmpty();
        for (JsonNode deployment : prod.ofKind("Deployment")) {
            for (JsonNode container : Manifests.containers(deployment)) {
                for (JsonNode env : container.path("env")) {
                    assertThat(env.path("name").asText()).as("prod never skips signature checks")
                            .doesNotContain("SKIP_SIGNATURE");
                }
            }
        }
        JsonNode config = prod.get("ConfigMap", "platform-config").path("data");
        for (String url : List.of("CHATWOOT_BASE_URL", "TWILIO_API_BASE_URL", "TWILIO_STUDIO_API_BASE_URL")) {
            assertThat(config.path(url).asText()).as("prod " + url).startsWith("https://");
        }
        // the same check finds the sandbox where it is meant to be
        Manifests dev = rendered("dev");
        dev.get("Deployment", "sandbox");
        assertThat(dev.get("ConfigMap", "platform-config").path("data").path("CHATWOOT_BASE_URL").asText())
                .isEqualTo("http://sandbox:" + config("sandbox").httpPort());
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyServiceIsDeployedWithItsRealPortAndHealthEndpoints(String overlay) {
        Manifests m = rendered(overlay);
        for (String service : SERVICES) {
            JsonNode deployment = m.get("Deployment", service);
            JsonNode container = appContainer(deployment);
            ServiceConfig config = config(service);
            int port = config.httpPort();
            assertThat(containerPort(container, "http")).as(overlay + " " + service + " port").isEqualTo(port);
            assertThat(config.dependsOn("quarkus-smallrye-health")).as(service + " has health endpoints").isTrue();
            assertProbe(container, "livenessProbe", config.healthRoot() + "/live", port);
            assertProbe(container, "readinessProbe", config.healthRoot() + "/ready", port);
            if (container.has("startupProbe")) {
                assertProbe(container, "startupProbe", config.healthRoot() + "/started", port);
            }
            List<JsonNode> services = m.servicesSelecting(Manifests.podLabels(deployment));
            assertThat(services).as(overlay + ": a Service for " + service).hasSize(1);
            for (JsonNode p : services.get(0).path("spec").path("ports")) {
                assertThat(resolvePort(container, p.path("targetPort"))).as(service + " Service targetPort").isEqualTo(port);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyApplicationContainerRunsNonRootReadOnlyWithLimits(String overlay) {
        for (JsonNode deployment : rendered(overlay).ofKind("Deployment")) {
            JsonNode pod = deployment.path("spec").path("template").path("spec");
            for (JsonNode container : Manifests.containers(deployment)) {
                String what = overlay + " " + Manifests.name(deployment) + "/" + container.path("name").asText();
                JsonNode sc = container.path("securityContext");
                boolean nonRoot = sc.path("runAsNonRoot").asBoolean(pod.path("securityContext").path("runAsNonRoot").asBoolean());
                assertThat(nonRoot).as(what + " runAsNonRoot").isTrue();
                assertThat(sc.path("allowPrivilegeEscalation").asBoolean(true)).as(what + " privilege escalation").isFalse();
                assertThat(sc.path("capabilities").path("drop").toString()).as(what + " drops capabilities").contains("ALL");
                for (String r : List.of("requests", "limits")) {
                    assertThat(container.path("resources").path(r).path("memory").asText(null)).as(what + " memory " + r).isNotNull();
                }
                assertThat(container.path("resources").path("requests").path("cpu").asText(null)).as(what + " cpu request").isNotNull();
                assertThat(container.has("livenessProbe") && container.has("readinessProbe")).as(what + " probes").isTrue();
                if (Manifests.module(container).isPresent()) {
                    assertThat(sc.path("readOnlyRootFilesystem").asBoolean()).as(what + " read-only root").isTrue();
                    String tmpVolume = mountAt(container, "/tmp");
                    assertThat(tmpVolume).as(what + " writable /tmp").isNotNull();
                    boolean emptyDir = false;
                    for (JsonNode v : pod.path("volumes")) {
                        emptyDir |= v.path("name").asText().equals(tmpVolume) && v.has("emptyDir");
                    }
                    assertThat(emptyDir).as(what + " /tmp is an emptyDir").isTrue();
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyEnvironmentVariableIsOneTheServiceReads(String overlay) {
        Manifests m = rendered(overlay);
        List<String> unknown = new ArrayList<>();
        int checked = 0;
        for (JsonNode deployment : m.ofKind("Deployment")) {
            for (JsonNode container : Manifests.containers(deployment)) {
                var module = Manifests.module(container);
                if (module.isEmpty()) {
                    continue;
                }
                ServiceConfig config = config(module.get());
                assertThat(container.has("envFrom")).as(module.get() + ": env listed by name, not envFrom").isFalse();
                for (JsonNode env : container.path("env")) {
                    String name = env.path("name").asText();
                    checked++;
                    if (!config.readsEnv(name)) {
                        unknown.add(module.get() + ": " + name);
                    }
                    JsonNode cmRef = env.path("valueFrom").path("configMapKeyRef");
                    if (!cmRef.isMissingNode()) {
                        JsonNode cm = m.get("ConfigMap", cmRef.path("name").asText());
                        assertThat(cm.path("data").has(cmRef.path("key").asText()))
                                .as(overlay + ": ConfigMap " + cmRef + " has the key of " + name).isTrue();
                    }
                }
            }
        }
        assertThat(checked).as("environment variables checked").isPositive();
        assertThat(unknown).as(overlay + ": variables no property of the service reads (see each module's"
                + " application.properties and @ConfigMapping interfaces)").isEmpty();
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void metricsAreScrapedWhereTheServicesExportThem(String overlay) {
        Manifests m = rendered(overlay);
        for (String service : SERVICES) {
            ServiceConfig config = config(service);
            assertThat(config.dependsOn("quarkus-micrometer-registry-prometheus")).as(service + " exports Prometheus").isTrue();
            JsonNode svc = m.servicesSelecting(Manifests.podLabels(m.get("Deployment", service))).get(0);
            List<JsonNode> monitors = m.ofKind("ServiceMonitor").stream()
                    .filter(sm -> Manifests.matches(sm.path("spec").path("selector").path("matchLabels"), svc.path("metadata").path("labels")))
                    .toList();
            assertThat(monitors).as(overlay + ": a ServiceMonitor for " + service).hasSize(1);
            Set<String> portNames = new HashSet<>();
            svc.path("spec").path("ports").forEach(p -> portNames.add(p.path("name").asText()));
            for (JsonNode endpoint : monitors.get(0).path("spec").path("endpoints")) {
                assertThat(endpoint.path("path").asText()).as(service + " metrics path").isEqualTo(config.metricsPath());
                assertThat(portNames).as(service + " scraped port").contains(endpoint.path("port").asText());
            }
        }
        assertThat(m.ofKind("PrometheusRule")).as(overlay + " alert rules").isNotEmpty();
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void gatewayAndHandoffAutoscaleAndEveryDeploymentHasADisruptionBudget(String overlay) {
        Manifests m = rendered(overlay);
        Set<String> scaled = m.ofKind("HorizontalPodAutoscaler").stream()
                .map(h -> h.path("spec").path("scaleTargetRef").path("name").asText()).collect(Collectors.toSet());
        assertThat(scaled).contains("gateway-service", "handoff-service");
        for (String target : scaled) {
            m.get("Deployment", target);
        }
        for (JsonNode deployment : m.ofKind("Deployment")) {
            if (Manifests.name(deployment).equals("sandbox")) {
                continue;   // one replica holding in-memory demo state: nothing to keep available
            }
            boolean covered = m.ofKind("PodDisruptionBudget").stream()
                    .anyMatch(p -> Manifests.selects(p.path("spec").path("selector"), Manifests.podLabels(deployment)));
            assertThat(covered).as(overlay + ": PDB for " + Manifests.name(deployment)).isTrue();
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void theWebhooksPublicUrlIsTheIngressHostThatRoutesToHandoff(String overlay) {
        Manifests m = rendered(overlay);
        Set<String> handoffHosts = new TreeSet<>();
        for (JsonNode ingress : m.ofKind("Ingress")) {
            for (JsonNode rule : ingress.path("spec").path("rules")) {
                for (JsonNode path : rule.path("http").path("paths")) {
                    String backend = path.path("backend").path("service").path("name").asText();
                    JsonNode service = m.get("Service", backend);
                    String portName = path.path("backend").path("service").path("port").path("name").asText(null);
                    if (portName != null) {
                        Set<String> names = new HashSet<>();
                        service.path("spec").path("ports").forEach(p -> names.add(p.path("name").asText()));
                        assertThat(names).as(overlay + " Ingress backend port of " + backend).contains(portName);
                    }
                    if (backend.equals("handoff-service")) {
                        handoffHosts.add(rule.path("host").asText());
                        assertThat(path.path("path").asText()).isEqualTo("/api/webhooks");
                    }
                }
            }
        }
        String publicUrl = m.get("ConfigMap", "platform-config").path("data").path("HANDOFF_PUBLIC_BASE_URL").asText();
        assertThat(handoffHosts).as(overlay + ": one public host for the webhooks").hasSize(1);
        assertThat(URI.create(publicUrl).getHost()).isEqualTo(handoffHosts.iterator().next());
        assertThat(publicUrl).startsWith("https://");
        assertThat(publicUrl).doesNotContain("example.com");
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void onlyTheUiTheLoginAndTheWebhooksAreReachableFromOutside(String overlay) {
        Manifests m = rendered(overlay);
        List<JsonNode> policies = m.ofKind("NetworkPolicy");
        boolean defaultDeny = policies.stream().anyMatch(p -> p.path("spec").path("podSelector").isEmpty()
                && p.path("spec").path("policyTypes").toString().contains("Ingress")
                && p.path("spec").path("ingress").isEmpty());
        assertThat(defaultDeny).as(overlay + ": a default-deny ingress policy").isTrue();

        Set<String> allowedOutside = new HashSet<>(PUBLIC);
        if (!overlay.equals("prod")) {
            allowedOutside.add("sandbox");   // the customer phone page, dev only
        }
        Set<String> reachable = new TreeSet<>();
        Set<String> scrapedOnly = new TreeSet<>();
        for (JsonNode deployment : m.ofKind("Deployment")) {
            JsonNode labels = Manifests.podLabels(deployment);
            for (JsonNode policy : policies) {
                if (!Manifests.selects(policy.path("spec").path("podSelector"), labels)) {
                    continue;
                }
                for (JsonNode rule : policy.path("spec").path("ingress")) {
                    if (!rule.has("from") || rule.path("from").isEmpty()) {
                        reachable.add(Manifests.name(deployment) + " (from anywhere)");
                    }
                    for (JsonNode peer : rule.path("from")) {
                        if (peer.has("ipBlock")) {
                            reachable.add(Manifests.name(deployment));
                        } else if (peer.has("namespaceSelector")) {
                            String ns = peer.path("namespaceSelector").path("matchLabels").path("kubernetes.io/metadata.name").asText();
                            if (ns.equals("monitoring")) {
                                scrapedOnly.add(Manifests.name(deployment));
                            } else {
                                reachable.add(Manifests.name(deployment));
                            }
                        }
                    }
                }
            }
        }
        assertThat(reachable).as(overlay + ": pods reachable from outside the namespace").isSubsetOf(allowedOutside);
        // and what an Ingress exposes must be among them
        for (JsonNode ingress : m.ofKind("Ingress")) {
            for (JsonNode rule : ingress.path("spec").path("rules")) {
                for (JsonNode path : rule.path("http").path("paths")) {
                    String backend = path.path("backend").path("service").path("name").asText();
                    assertThat(reachable).as(overlay + ": Ingress " + Manifests.name(ingress) + " -> " + backend).contains(backend);
                }
            }
        }
        assertThat(scrapedOnly).as("Prometheus may scrape the services").containsAll(SERVICES);
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void kafkaTopicsMatchTheContractWithReplicationThreeAndCompactedLedger(String overlay) {
        Manifests m = rendered(overlay);
        Set<String> expected = new TreeSet<>();
        for (String topic : Topics.ALL) {
            expected.add(topic);
            expected.add(Topics.dlq(topic));
        }
        Set<String> declared = new TreeSet<>();
        for (JsonNode topic : m.ofKind("KafkaTopic")) {
            JsonNode spec = topic.path("spec");
            String name = spec.path("topicName").asText(Manifests.name(topic));
            declared.add(name);
            assertThat(spec.path("replicas").asInt()).as(name + " replicas").isEqualTo(3);
            assertThat(spec.path("config").path("min.insync.replicas").asInt()).as(name + " min.insync.replicas").isEqualTo(2);
            assertThat(spec.path("partitions").asInt()).as(name + " partitions").isGreaterThanOrEqualTo(3);
            boolean compacted = spec.path("config").path("cleanup.policy").asText("delete").contains("compact");
            assertThat(compacted).as(name + " compacted").isEqualTo(name.equals(Topics.WHATSAPP_DISPATCH));
        }
        assertThat(declared).isEqualTo(expected);

        JsonNode kafka = m.ofKind("Kafka").get(0);
        JsonNode config = kafka.path("spec").path("kafka").path("config");
        assertThat(config.path("default.replication.factor").asInt()).isEqualTo(3);
        assertThat(config.path("min.insync.replicas").asInt()).isEqualTo(2);
        assertThat(config.path("auto.create.topics.enable").asBoolean(true)).isFalse();
        int brokers = m.ofKind("KafkaNodePool").stream()
                .filter(p -> p.path("spec").path("roles").toString().contains("broker"))
                .mapToInt(p -> p.path("spec").path("replicas").asInt()).sum();
        assertThat(brokers).as("brokers for replication 3").isGreaterThanOrEqualTo(3);
        // the services' bootstrap address is the Strimzi bootstrap Service of this cluster's plain listener
        int plainPort = -1;
        for (JsonNode listener : kafka.path("spec").path("kafka").path("listeners")) {
            if (!listener.path("tls").asBoolean() && listener.path("type").asText().equals("internal")) {
                plainPort = listener.path("port").asInt();
            }
        }
        String bootstrap = m.get("ConfigMap", "platform-config").path("data").path("KAFKA_BOOTSTRAP_SERVERS").asText();
        assertThat(bootstrap).isEqualTo(Manifests.name(kafka) + "-kafka-bootstrap:" + plainPort);
        for (JsonNode topic : m.ofKind("KafkaTopic")) {
            assertThat(topic.path("metadata").path("labels").path("strimzi.io/cluster").asText()).isEqualTo(Manifests.name(kafka));
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void secretsAreReferencedByNameOnly(String overlay) {
        Manifests m = rendered(overlay);
        assertThat(m.ofKind("Secret")).as(overlay + ": no Secret objects (create them; deploy/README.md)").isEmpty();
        Set<String> referenced = new TreeSet<>();
        for (JsonNode deployment : m.ofKind("Deployment")) {
            for (JsonNode container : Manifests.containers(deployment)) {
                for (JsonNode env : container.path("env")) {
                    JsonNode ref = env.path("valueFrom").path("secretKeyRef");
                    if (!ref.isMissingNode()) {
                        referenced.add(ref.path("name").asText());
                    }
                    String name = env.path("name").asText();
                    if (name.matches(".*(TOKEN|SECRET|PASSWORD).*")) {
                        assertThat(env.has("value")).as(overlay + " " + name + " comes from a Secret").isFalse();
                    }
                }
            }
        }
        assertThat(referenced).contains("chatwoot-credentials", "twilio-credentials", "gateway-oidc");
        assertThat(Repo.read(Repo.path("deploy/README.md"))).as("deploy/README.md says how to create each Secret")
                .contains(referenced);
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void keycloakImportsTheAgentsRealm(String overlay) throws Exception {
        Manifests m = rendered(overlay);
        JsonNode keycloak = m.get("Deployment", "keycloak");
        JsonNode container = appContainer(keycloak);
        assertThat(container.path("args").toString()).contains("--import-realm");
        String mountedConfigMap = null;
        String volume = mountAt(container, "/opt/keycloak/data/import");
        for (JsonNode v : keycloak.path("spec").path("template").path("spec").path("volumes")) {
            if (v.path("name").asText().equals(volume)) {
                mountedConfigMap = v.path("configMap").path("name").asText();
            }
        }
        JsonNode realmMap = m.get("ConfigMap", mountedConfigMap);
        assertThat(realmMap.path("data").size()).isEqualTo(1);
        JsonNode realm = Repo.JSON.readTree(realmMap.path("data").elements().next().asText());
        assertThat(realm.path("realm").asText()).isEqualTo("agents");
        // the gateway's client secret comes from the environment, which gets it from the Secret gateway-oidc
        String realmText = realm.toString();
        assertThat(realmText).contains("${GATEWAY_OIDC_CLIENT_SECRET}");
        Set<String> envNames = new HashSet<>();
        container.path("env").forEach(e -> envNames.add(e.path("name").asText()));
        java.util.regex.Matcher placeholders = java.util.regex.Pattern.compile("\\$\\{([A-Z0-9_]+)(?::[^}]*)?}").matcher(realmText);
        while (placeholders.find()) {
            assertThat(envNames).as(overlay + ": Keycloak has the variable the realm reads").contains(placeholders.group(1));
        }
        // the issuer Keycloak announces is the public URL of the login pages (/auth on the agent UI's host)
        String hostname = envValue(container, "KC_HOSTNAME");
        String agentsHost = m.get("Ingress", "agents").path("spec").path("rules").get(0).path("host").asText();
        assertThat(hostname).isEqualTo("https://" + agentsHost + envValue(container, "KC_HTTP_RELATIVE_PATH"));
        if (overlay.equals("prod")) {
            assertThat(realm.path("users").isEmpty()).as("prod realm without demo users").isTrue();
            List<String> clients = new ArrayList<>();
            realm.path("clients").forEach(c -> clients.add(c.path("clientId").asText()));
            assertThat(clients).contains("gateway").doesNotContain("agent-cli");
        }
    }

    private static String envValue(JsonNode container, String name) {
        for (JsonNode env : container.path("env")) {
            if (env.path("name").asText().equals(name)) {
                return env.path("value").asText();
            }
        }
        throw new AssertionError("no env " + name);
    }

    static JsonNode appContainer(JsonNode deployment) {
        List<JsonNode> containers = Manifests.containers(deployment);
        assertThat(containers).hasSize(1);
        return containers.get(0);
    }

    static int containerPort(JsonNode container, String name) {
        for (JsonNode p : container.path("ports")) {
            if (p.path("name").asText().equals(name)) {
                return p.path("containerPort").asInt();
            }
        }
        throw new AssertionError("no port named " + name + " in " + container.path("name").asText());
    }

    static int resolvePort(JsonNode container, JsonNode port) {
        return port.isInt() ? port.asInt() : containerPort(container, port.asText());
    }

    private static void assertProbe(JsonNode container, String probe, String path, int port) {
        JsonNode get = container.path(probe).path("httpGet");
        assertThat(get.path("path").asText()).as(container.path("name").asText() + " " + probe).isEqualTo(path);
        assertThat(resolvePort(container, get.path("port"))).as(probe + " port").isEqualTo(port);
    }

    private static String mountAt(JsonNode container, String mountPath) {
        for (JsonNode mount : container.path("volumeMounts")) {
            if (mount.path("mountPath").asText().equals(mountPath)) {
                return mount.path("name").asText();
            }
        }
        return null;
    }
}
