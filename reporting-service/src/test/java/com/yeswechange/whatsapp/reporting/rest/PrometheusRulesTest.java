package com.yeswechange.whatsapp.reporting.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The alert rules are valid and fire as their unit tests (deploy/prometheus/alerts.test.yml) say, checked with
 * Prometheus' own promtool (Debian package {@code prometheus}; .ci/run installs it).
 */
class PrometheusRulesTest {

    static Path promtool;
    static Path rulesDir;

    @BeforeAll
    static void findPromtool() {
        rulesDir = MonitoringFiles.deployDir().resolve("prometheus");
        promtool = List.of(Path.of("/usr/bin/promtool"), Path.of("/usr/local/bin/promtool")).stream()
                .filter(Files::isExecutable).findFirst().orElse(null);
        Assumptions.assumeTrue(promtool != null,
                "promtool is not installed (apt-get install prometheus): alert rule unit tests not run");
    }

    @Test
    void rulesAreValid() throws Exception {
        Result result = run("check", "rules", "alerts.yml");
        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains("SUCCESS");
    }

    @Test
    void rulesFireAsTheirUnitTestsExpect() throws Exception {
        Result result = run("test", "rules", "alerts.test.yml");
        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains("SUCCESS").doesNotContain("FAILED");
    }

    record Result(int exitCode, String output) {
    }

    private static Result run(String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of(promtool.toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).directory(rulesDir.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("promtool did not finish: " + output);
        }
        return new Result(process.exitValue(), output);
    }
}
