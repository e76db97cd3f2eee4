package com.yeswechange.whatsapp.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** run.sh hands the applications only variables they read, and explains itself. */
class RunScriptTest {

    static final String SCRIPT = Repo.read(Repo.path("run.sh"));
    static final List<String> APPLICATIONS =
            List.of("gateway-service", "handoff-service", "outbound-service", "reporting-service", "sandbox");

    @Test
    void everyVariableItExportsIsReadByAnApplication() {
        Set<String> exported = new TreeSet<>();
        Matcher m = Pattern.compile("(?m)^\\s*export ([A-Z][A-Z0-9_]*)").matcher(SCRIPT);
        while (m.find()) {
            exported.add(m.group(1));
        }
        exported.remove("JAVA_HOME");   // for Maven and Keycloak's kc.sh
        assertThat(exported).contains("CHATWOOT_BASE_URL", "KAFKA_BOOTSTRAP_SERVERS", "GATEWAY_OIDC_CLIENT_SECRET");
        List<ServiceConfig> apps = APPLICATIONS.stream().map(ServiceConfig::of).toList();
        List<String> unread = new ArrayList<>();
        for (String name : exported) {
            if (apps.stream().noneMatch(app -> app.readsEnv(name))) {
                unread.add(name);
            }
        }
        assertThat(unread).as("variables run.sh exports that no application reads").isEmpty();
    }

    @Test
    void theSandboxsWebhookTargetsAreItsOwnSettingsAndPointAtThePublicUrl() {
        ServiceConfig sandbox = ServiceConfig.of("sandbox");
        Matcher m = Pattern.compile("(?m)^\\s*(SANDBOX_[A-Z0-9_]+)=\"([^\"]*)\"").matcher(SCRIPT);
        int count = 0;
        while (m.find()) {
            count++;
            assertThat(sandbox.readsEnv(m.group(1))).as(m.group(1) + " is a sandbox setting").isTrue();
            assertThat(m.group(2)).as(m.group(1)).startsWith("$HANDOFF_PUBLIC_BASE_URL/api/webhooks/");
        }
        assertThat(count).isEqualTo(4);
    }

    @Test
    void helpExplainsTheOptionsAndUnknownOptionsAreRefused() throws Exception {
        Result help = run("--help");
        assertThat(help.exit).isZero();
        assertThat(help.output).contains("Usage: ./run.sh", "--build", "--no-keycloak", "SANDBOX=", "Ctrl-C");
        Result unknown = run("--no-such-option");
        assertThat(unknown.exit).isEqualTo(2);
        assertThat(unknown.output).contains("unknown option: --no-such-option");
    }

    @Test
    void theLocalBrokerGetsTheContractsTopicsWithACompactedLedger() {
        // deploy/local/CreateTopics.java runs with the broker's jars only, so it lists the topics itself
        String source = Repo.read(Repo.path("deploy/local/CreateTopics.java"));
        Matcher topics = Pattern.compile("List<String> topics = List\\.of\\(([^)]*)\\)").matcher(source);
        assertThat(topics.find()).isTrue();
        List<String> listed = Pattern.compile("\"([^\"]+)\"").matcher(topics.group(1)).results().map(r -> r.group(1)).toList();
        assertThat(listed).containsExactlyElementsOf(com.yeswechange.whatsapp.events.Topics.ALL);
        assertThat(source).contains("Set<String> compacted = Set.of(\"" + com.yeswechange.whatsapp.events.Topics.WHATSAPP_DISPATCH + "\")")
                .contains("topic + \"" + com.yeswechange.whatsapp.events.Topics.DLQ_SUFFIX + "\"");
    }

    record Result(int exit, String output) {
    }

    private static Result run(String arg) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("bash", Repo.path("run.sh").toString(), arg).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return new Result(p.exitValue(), out);
    }
}
