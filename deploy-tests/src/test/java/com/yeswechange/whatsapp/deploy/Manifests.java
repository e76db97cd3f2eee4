package com.yeswechange.whatsapp.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** The objects one kustomize overlay renders to, as `kubectl kustomize` prints them. */
record Manifests(String overlay, List<JsonNode> objects) {

    static final Path OVERLAYS = Repo.path("deploy/k8s/overlays");

    static List<String> overlayNames() {
        try (Stream<Path> dirs = Files.list(OVERLAYS)) {
            return dirs.filter(d -> Files.isRegularFile(d.resolve("kustomization.yaml")))
                    .map(d -> d.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Renders an overlay with kubectl (required: .ci/run installs it). */
    static Manifests render(String overlay) {
        Path dir = OVERLAYS.resolve(overlay);
        try {
            Path out = Files.createTempFile("kustomize-" + overlay, ".yaml");
            Path err = Files.createTempFile("kustomize-" + overlay, ".err");
            Process process;
            try {
                process = new ProcessBuilder("kubectl", "kustomize", dir.toString())
                        .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            } catch (IOException e) {
                throw new IllegalStateException("kubectl is needed to render " + dir
                        + " (.ci/run installs it; on your machine install kubectl 1.27+)", e);
            }
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("kubectl kustomize " + dir + " did not finish in 120 s");
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException("kubectl kustomize " + dir + " failed:\n" + Files.readString(err));
            }
            List<JsonNode> docs = Repo.yamlDocuments(Files.readString(out));
            Files.delete(out);
            Files.delete(err);
            return new Manifests(overlay, docs);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    List<JsonNode> ofKind(String kind) {
        return objects.stream().filter(o -> kind.equals(o.path("kind").asText())).toList();
    }

    Optional<JsonNode> find(String kind, String name) {
        return ofKind(kind).stream().filter(o -> name.equals(name(o))).findFirst();
    }

    JsonNode get(String kind, String name) {
        return find(kind, name).orElseThrow(() -> new AssertionError(overlay + ": no " + kind + " " + name));
    }

    static String name(JsonNode object) {
        return object.path("metadata").path("name").asText();
    }

    /** The Services whose selector matches these pod labels. */
    List<JsonNode> servicesSelecting(JsonNode podLabels) {
        return ofKind("Service").stream().filter(s -> matches(s.path("spec").path("selector"), podLabels)).toList();
    }

    /** True when every label of a plain selector (key: value) is on the pod. */
    static boolean matches(JsonNode selector, JsonNode podLabels) {
        if (selector.isMissingNode() || selector.isEmpty()) {
            return false;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = selector.fields(); it.hasNext(); ) {
            var e = it.next();
            if (!e.getValue().asText().equals(podLabels.path(e.getKey()).asText(null))) {
                return false;
            }
        }
        return true;
    }

    /** A label selector with matchLabels and matchExpressions (In / NotIn / Exists) against pod labels. */
    static boolean selects(JsonNode labelSelector, JsonNode podLabels) {
        JsonNode matchLabels = labelSelector.path("matchLabels");
        if (!matchLabels.isMissingNode() && !matchLabels.isEmpty() && !matches(matchLabels, podLabels)) {
            return false;
        }
        for (JsonNode expr : labelSelector.path("matchExpressions")) {
            String value = podLabels.path(expr.path("key").asText()).asText(null);
            List<String> values = new ArrayList<>();
            expr.path("values").forEach(v -> values.add(v.asText()));
            boolean ok = switch (expr.path("operator").asText()) {
                case "In" -> values.contains(value);
                case "NotIn" -> !values.contains(value);
                case "Exists" -> value != null;
                case "DoesNotExist" -> value == null;
                default -> throw new AssertionError("unknown operator in " + expr);
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** The containers of a workload's pod template. */
    static List<JsonNode> containers(JsonNode workload) {
        List<JsonNode> list = new ArrayList<>();
        workload.path("spec").path("template").path("spec").path("containers").forEach(list::add);
        return list;
    }

    static JsonNode podLabels(JsonNode workload) {
        return workload.path("spec").path("template").path("metadata").path("labels");
    }

    /** The repository module a container runs, from its image name (…/handoff-service:tag), if it is one. */
    static Optional<String> module(JsonNode container) {
        String image = container.path("image").asText();
        String name = image.substring(image.lastIndexOf('/') + 1).replaceAll("[:@].*$", "");
        Path dir = Repo.path(name);
        return Files.isRegularFile(dir.resolve("pom.xml")) && Files.isDirectory(dir.resolve("src/main"))
                ? Optional.of(name) : Optional.empty();
    }
}
