package com.yeswechange.whatsapp.deploy;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What one application module really reads, taken from its sources at test time: the keys and `${...}` expressions
 * of its application.properties, and the properties of the @ConfigMapping interfaces and @ConfigProperty injections
 * in its own sources and in the repository modules it depends on (e.g. chatwoot-client's ChatwootConfig).
 * An environment variable is "real" for the service when Quarkus maps it to one of those properties (its name is the
 * property upper-cased with every non-alphanumeric character as '_'), or when application.properties names it
 * directly in an expression such as {@code ${HANDOFF_PORT:8081}}.
 */
record ServiceConfig(String module, Properties properties, Set<String> propertyNames, Set<String> mapPrefixes,
                     Set<String> expressionNames, Set<String> pomArtifacts) {

    private static final Pattern EXPRESSION = Pattern.compile("\\$\\{([^}:]+)(?::[^}]*)?}");
    private static final Pattern MAPPING =
            Pattern.compile("@ConfigMapping\\s*\\(\\s*prefix\\s*=\\s*\"([^\"]+)\"");
    private static final Pattern PROPERTY = Pattern.compile("@ConfigProperty\\s*\\(\\s*name\\s*=\\s*\"([^\"]+)\"");
    private static final Pattern ARTIFACT = Pattern.compile("<artifactId>([^<]+)</artifactId>");
    /** An interface method of a mapping: its annotations, a return type, a name, no parameters. */
    private static final Pattern METHOD = Pattern.compile(
            "((?:@\\w+(?:\\s*\\([^)]*\\))?\\s*)*)([\\w.]+(?:<[^;{}()]*>)?)\\s+(\\w+)\\s*\\(\\s*\\)\\s*;");
    private static final Pattern WITH_NAME = Pattern.compile("@WithName\\s*\\(\\s*\"([^\"]+)\"");

    static ServiceConfig of(String module) {
        Path dir = Repo.path(module);
        if (!Files.isRegularFile(dir.resolve("pom.xml"))) {
            throw new IllegalArgumentException("no module " + module + " in the repository");
        }
        Properties properties = new Properties();
        Path appProperties = dir.resolve("src/main/resources/application.properties");
        if (Files.exists(appProperties)) {
            try {
                properties.load(new StringReader(Repo.read(appProperties)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        Set<String> names = new LinkedHashSet<>();
        Set<String> expressions = new LinkedHashSet<>();
        for (String key : properties.stringPropertyNames()) {
            names.add(withoutProfile(key));
            Matcher m = EXPRESSION.matcher(properties.getProperty(key));
            while (m.find()) {
                expressions.add(m.group(1).trim());
            }
        }
        Set<String> artifacts = new LinkedHashSet<>();
        Matcher a = ARTIFACT.matcher(Repo.read(dir.resolve("pom.xml")));
        while (a.find()) {
            artifacts.add(a.group(1));
        }
        Set<String> prefixes = new LinkedHashSet<>();
        List<Path> sourceRoots = new ArrayList<>();
        sourceRoots.add(dir.resolve("src/main/java"));
        for (String artifact : artifacts) {
            // repository modules this one depends on (their directory is named after the artifact)
            Path dependency = Repo.path(artifact);
            if (!artifact.equals(module) && Files.isRegularFile(dependency.resolve("pom.xml"))
                    && Files.isDirectory(dependency.resolve("src/main/java"))) {
                sourceRoots.add(dependency.resolve("src/main/java"));
            }
        }
        for (Path root : sourceRoots) {
            if (!Files.isDirectory(root)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(root)) {
                files.filter(f -> f.toString().endsWith(".java"))
                        .forEach(f -> readJavaConfig(Repo.read(f), names, prefixes));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new ServiceConfig(module, properties, names, prefixes, expressions, artifacts);
    }

    /** The environment variable Quarkus reads for a property. */
    static String envName(String property) {
        return property.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
    }

    /** True when the service reads this environment variable. */
    boolean readsEnv(String env) {
        if (expressionNames.contains(env)) {
            return true;
        }
        for (String expression : expressionNames) {
            if (envName(expression).equals(env)) {
                return true;
            }
        }
        for (String property : propertyNames) {
            if (envName(property).equals(env)) {
                return true;
            }
        }
        // map-valued mapping members (prefix.member.<key>)
        for (String prefix : mapPrefixes) {
            if (env.startsWith(envName(prefix) + "_")) {
                return true;
            }
        }
        return false;
    }

    boolean dependsOn(String artifact) {
        return pomArtifacts.contains(artifact);
    }

    /** The HTTP port the service listens on by default: quarkus.http.port's value or its expression's default. */
    int httpPort() {
        String value = properties.getProperty("quarkus.http.port");
        if (value == null) {
            return 8080;
        }
        Matcher m = Pattern.compile("^\\$\\{[^}:]+:(\\d+)}$").matcher(value.trim());
        return Integer.parseInt(m.matches() ? m.group(1) : value.trim());
    }

    /** Root of the non-application endpoints (/q by default). */
    String nonApplicationRoot() {
        String root = properties.getProperty("quarkus.http.non-application-root-path", "q");
        return root.startsWith("/") ? root : "/" + root;
    }

    /** Where SmallRye Health answers (/q/health by default); its live, ready and started endpoints are below it. */
    String healthRoot() {
        String root = properties.getProperty("quarkus.smallrye-health.root-path", "health");
        return root.startsWith("/") ? root : nonApplicationRoot() + "/" + root;
    }

    /** Where the Prometheus registry answers (/q/metrics by default). */
    String metricsPath() {
        String path = properties.getProperty("quarkus.micrometer.export.prometheus.path", "metrics");
        return path.startsWith("/") ? path : nonApplicationRoot() + "/" + path;
    }

    private static String withoutProfile(String key) {
        return key.startsWith("%") && key.indexOf('.') > 0 ? key.substring(key.indexOf('.') + 1) : key;
    }

    private static void readJavaConfig(String source, Set<String> names, Set<String> prefixes) {
        String code = source.replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("//[^\n]*", "");
        Matcher p = PROPERTY.matcher(code);
        while (p.find()) {
            names.add(p.group(1));
        }
        Matcher m = MAPPING.matcher(code);
        while (m.find()) {
            String prefix = m.group(1);
            int open = code.indexOf('{', m.end());
            String body = open < 0 ? "" : block(code, open);
            readMembers(code, body, prefix, names, prefixes, 0);
        }
    }

    /** The members of a mapping interface body; nested interfaces used as member types become sub-groups. */
    private static void readMembers(String code, String body, String prefix, Set<String> names, Set<String> prefixes,
                                    int depth) {
        String own = withoutNestedBlocks(body);
        Matcher method = METHOD.matcher(own);
        while (method.find()) {
            String type = method.group(2);
            Matcher withName = WITH_NAME.matcher(method.group(1));
            String name = withName.find() ? withName.group(1) : kebab(method.group(3));
            String property = prefix + "." + name;
            names.add(property);
            String elementType = type.replaceAll("^(Optional|List|Set)<(.+)>$", "$2");
            if (type.startsWith("Map<")) {
                prefixes.add(property);
                elementType = type.replaceAll("^Map<[^,]+,\\s*(.+)>$", "$1");
            }
            String group = groupBody(code, elementType);
            if (group != null && depth < 5) {
                readMembers(code, group, property, names, prefixes, depth + 1);
            }
        }
    }

    /** The body of an interface named {@code type} declared in the same source, or null. */
    private static String groupBody(String code, String type) {
        String simple = type.substring(type.lastIndexOf('.') + 1);
        Matcher m = Pattern.compile("interface\\s+" + Pattern.quote(simple) + "\\b[^{]*\\{").matcher(code);
        return m.find() ? block(code, m.end() - 1) : null;
    }

    private static String block(String code, int open) {
        int depth = 0;
        for (int i = open; i < code.length(); i++) {
            char c = code.charAt(i);
            if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return code.substring(open + 1, i);
            }
        }
        return code.substring(open + 1);
    }

    /** The text of a block without the blocks nested in it (nested interfaces, default method bodies). */
    private static String withoutNestedBlocks(String body) {
        StringBuilder out = new StringBuilder();
        int depth = 0;
        for (char c : body.toCharArray()) {
            if (c == '{') {
                depth++;
                out.append(';');
            } else if (c == '}') {
                depth--;
            } else if (depth == 0) {
                out.append(c);
            }
        }
        return out.toString();
    }

    static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }
}
