package com.yeswechange.whatsapp.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** No secret value is committed: Kubernetes Secrets are only referenced, the realm reads its client secret from the environment. */
class SecretsNotCommittedTest {

    private static final Set<String> SKIPPED_DIRS = Set.of(".git", "target", ".run", "node_modules", ".mvn");

    @Test
    void noYamlFileInTheRepositoryHoldsASecretWithValues() throws IOException {
        List<Path> yamlFiles;
        try (Stream<Path> files = Files.walk(Repo.ROOT)) {
            yamlFiles = files.filter(f -> !Repo.ROOT.relativize(f).toString().isEmpty())
                    .filter(f -> {
                        for (Path part : Repo.ROOT.relativize(f)) {
                            if (SKIPPED_DIRS.contains(part.toString())) {
                                return false;
                            }
                        }
                        return true;
                    })
                    .filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml"))
                    .toList();
        }
        assertThat(yamlFiles).as("the deploy descriptions are scanned").contains(Repo.path("docker-compose.yml"));
        List<String> offending = new ArrayList<>();
        for (Path file : yamlFiles) {
            String text = Repo.read(file);
            if (!text.contains("Secret")) {
                continue;
            }
            for (JsonNode doc : Repo.yamlDocuments(text)) {
                if (isSecretWithValues(doc)) {
                    offending.add(Repo.ROOT.relativize(file) + ": Secret " + Manifests.name(doc));
                }
            }
        }
        assertThat(offending).as("Secrets with values in the repository").isEmpty();
    }

    @Test
    void theDetectorRecognisesSecretValues() {
        List<JsonNode> docs = Repo.yamlDocuments("""
                apiVersion: v1
                kind: Secret
                metadata: {name: a}
                stringData: {token: abc}
                ---
                apiVersion: v1
                kind: Secret
                metadata: {name: b}
                data: {}
                """);
        assertThat(isSecretWithValues(docs.get(0))).isTrue();
        assertThat(isSecretWithValues(docs.get(1))).isFalse();
    }

    @Test
    void theRealmReadsTheGatewayClientSecretFromTheEnvironment() throws IOException {
        JsonNode realm = Repo.JSON.readTree(GeneratedManifests.REALM.toFile());
        int confidential = 0;
        for (JsonNode client : realm.path("clients")) {
            if (client.has("secret")) {
                confidential++;
                assertThat(client.path("secret").asText()).as("secret of client " + client.path("clientId").asText())
                        .matches("\\$\\{[A-Z0-9_]+}");
            }
        }
        assertThat(confidential).as("the gateway is a confidential client").isPositive();
    }

    static boolean isSecretWithValues(JsonNode doc) {
        return doc.path("kind").asText().equals("Secret")
                && (!doc.path("data").isEmpty() || !doc.path("stringData").isEmpty());
    }
}
