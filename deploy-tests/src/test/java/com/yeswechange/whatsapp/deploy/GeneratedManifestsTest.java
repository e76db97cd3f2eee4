package com.yeswechange.whatsapp.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The committed manifests made from other files are current. Run deploy/k8s/generate.sh (this test with
 * -Ddeploy.regenerate=true) after changing the alert rules, the dashboards or the realm.
 */
class GeneratedManifestsTest {

    @Test
    void generatedManifestsAreCurrent() {
        if (Boolean.getBoolean("deploy.regenerate")) {
            GeneratedManifests.writeAll();
        }
        for (Map.Entry<Path, String> e : GeneratedManifests.expected().entrySet()) {
            Path file = e.getKey();
            assertThat(Files.exists(file)).as(Repo.ROOT.relativize(file) + " exists (run deploy/k8s/generate.sh)").isTrue();
            assertThat(Repo.read(file)).as(Repo.ROOT.relativize(file) + " is stale: run deploy/k8s/generate.sh")
                    .isEqualTo(e.getValue());
        }
    }

    @Test
    void thePrometheusRuleCarriesEveryAlertOfTheRuleFile() throws Exception {
        JsonNode source = Repo.YAML.readTree(GeneratedManifests.ALERTS.toFile());
        JsonNode rule = Repo.YAML.readTree(GeneratedManifests.prometheusRule());
        assertThat(rule.path("kind").asText()).isEqualTo("PrometheusRule");
        assertThat(rule.path("spec").path("groups")).isEqualTo(source.path("groups"));
        int alerts = 0;
        for (JsonNode group : rule.path("spec").path("groups")) {
            for (JsonNode r : group.path("rules")) {
                alerts += r.has("alert") ? 1 : 0;
                assertThat(r.path("expr").asText()).as("rule " + r).isNotBlank();
            }
        }
        assertThat(alerts).as("alerts in " + GeneratedManifests.ALERTS).isPositive();
    }

    @Test
    void theProductionRealmHasNoDemoUsersAndTheDevRealmKeepsThem() throws Exception {
        JsonNode source = Repo.JSON.readTree(GeneratedManifests.REALM.toFile());
        JsonNode prod = GeneratedManifests.forCluster(source, true);
        JsonNode dev = GeneratedManifests.forCluster(source, false);
        assertThat(prod.has("users")).isFalse();
        assertThat(dev.path("users")).isEqualTo(source.path("users"));
        assertThat(prod.path("clients").toString()).doesNotContain("\"" + GeneratedManifests.SCRIPTS_CLIENT + "\"");
        for (JsonNode client : dev.path("clients")) {
            if (client.path("clientId").asText().equals("gateway")) {
                assertThat(client.path("redirectUris").toString()).contains(GeneratedManifests.PUBLIC_URL);
            }
        }
    }
}
