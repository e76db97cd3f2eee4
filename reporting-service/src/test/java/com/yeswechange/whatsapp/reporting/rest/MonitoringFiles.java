package com.yeswechange.whatsapp.reporting.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The repository's monitoring files (deploy/prometheus/alerts.yml, deploy/grafana/dashboards/*.json) and the metric
 * names their PromQL expressions use.
 */
final class MonitoringFiles {

    /** Series Prometheus makes itself, exported by no service. */
    static final Set<String> PROMETHEUS_SYNTHESIZED = Set.of("up");

    private static final Set<String> PROMQL_WORDS = Set.of("by", "without", "and", "or", "unless", "on", "ignoring",
            "bool", "offset", "group_left", "group_right", "inf", "nan");
    private static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'");
    private static final Pattern GROUPING = Pattern.compile(
            "\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");
    private static final Pattern IDENTIFIER = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");

    private final List<String> alertExpressions;
    private final List<String> dashboardExpressions;

    private MonitoringFiles(List<String> alertExpressions, List<String> dashboardExpressions) {
        this.alertExpressions = alertExpressions;
        this.dashboardExpressions = dashboardExpressions;
    }

    static MonitoringFiles load() {
        Path deploy = deployDir();
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        ObjectMapper json = new ObjectMapper();
        try {
            List<String> alerts = new ArrayList<>();
            for (JsonNode group : yaml.readTree(deploy.resolve("prometheus/alerts.yml").toFile()).path("groups")) {
                for (JsonNode rule : group.path("rules")) {
                    alerts.add(rule.path("expr").asText());
                }
            }
            List<String> panels = new ArrayList<>();
            try (Stream<Path> files = Files.list(deploy.resolve("grafana/dashboards"))) {
                for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                    collectTargets(json.readTree(file.toFile()).path("panels"), panels);
                }
            }
            return new MonitoringFiles(alerts, panels);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void collectTargets(JsonNode panels, List<String> into) {
        for (JsonNode panel : panels) {
            for (JsonNode target : panel.path("targets")) {
                if (target.hasNonNull("expr")) {
                    into.add(target.get("expr").asText());
                }
            }
            collectTargets(panel.path("panels"), into);
        }
    }

    static Path deployDir() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            if (Files.isDirectory(dir.resolve("deploy/prometheus"))) {
                return dir.resolve("deploy");
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("deploy/prometheus not found above " + Path.of("").toAbsolutePath());
    }

    List<String> alertExpressions() {
        return alertExpressions;
    }

    List<String> dashboardExpressions() {
        return dashboardExpressions;
    }

    /** Every metric name the alerts and dashboards use, minus those Prometheus makes itself. */
    Set<String> metricNamesUsed() {
        Set<String> names = new TreeSet<>();
        Stream.concat(alertExpressions.stream(), dashboardExpressions.stream())
                .forEach(expr -> names.addAll(metricNames(expr)));
        names.removeAll(PROMETHEUS_SYNTHESIZED);
        return names;
    }

    /** The metric names of one PromQL expression: identifiers outside labels, ranges and groupings, not functions. */
    static Set<String> metricNames(String expr) {
        String bare = STRING.matcher(expr).replaceAll("\"\"");
        bare = bare.replaceAll("\\{[^}]*}", " ").replaceAll("\\[[^]]*]", " ");
        bare = GROUPING.matcher(bare).replaceAll(" ");
        Set<String> names = new TreeSet<>();
        Matcher m = IDENTIFIER.matcher(bare);
        while (m.find()) {
            String word = m.group();
            String rest = bare.substring(m.end()).stripLeading();
            boolean function = rest.startsWith("(");
            boolean partOfNumber = m.start() > 0 && Character.isDigit(bare.charAt(m.start() - 1));
            if (!function && !partOfNumber && !PROMQL_WORDS.contains(word.toLowerCase())) {
                names.add(word);
            }
        }
        return names;
    }

    /** Whether the Prometheus text exposition has a sample of that name. */
    static boolean isExported(String name, String exposition) {
        return exposition.lines().anyMatch(line -> line.startsWith(name + "{") || line.startsWith(name + " "));
    }
}
