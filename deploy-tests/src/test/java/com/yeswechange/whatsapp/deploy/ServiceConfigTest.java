package com.yeswechange.whatsapp.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The reader of the services' configuration, on the repository's own modules, recognises what they read and nothing else. */
class ServiceConfigTest {

    @Test
    void configMappingMembersMapToEnvironmentVariables() {
        // chatwoot-client's ChatwootConfig: @ConfigMapping(prefix = "chatwoot") with baseUrl(), maxRetryAfterSeconds(), ...
        ServiceConfig client = ServiceConfig.of("chatwoot-client");
        assertThat(client.propertyNames()).contains("chatwoot.base-url", "chatwoot.max-retry-after-seconds");
        assertThat(client.readsEnv("CHATWOOT_BASE_URL")).isTrue();
        assertThat(client.readsEnv("CHATWOOT_MAX_RETRY_AFTER_SECONDS")).isTrue();
        assertThat(client.readsEnv("CHATWOOT_BASE_URI")).isFalse();
        assertThat(client.readsEnv("CHATWOOT")).isFalse();
    }

    @Test
    void applicationPropertiesKeysAndExpressionsCount() {
        ServiceConfig handoff = ServiceConfig.of("handoff-service");
        assertThat(handoff.readsEnv("KAFKA_BOOTSTRAP_SERVERS")).isTrue();
        assertThat(handoff.readsEnv("HANDOFF_PORT")).isTrue();
        assertThat(handoff.readsEnv("QUARKUS_HTTP_PORT")).isTrue();
        assertThat(handoff.readsEnv("HANDOFF_NO_SUCH_SETTING")).isFalse();
        assertThat(handoff.httpPort()).isEqualTo(8081);
        assertThat(handoff.healthRoot()).isEqualTo("/q/health");
        assertThat(handoff.metricsPath()).isEqualTo("/q/metrics");
    }

    @Test
    void nestedGroupsMapsAndRenamedMembersAreRead() throws Exception {
        java.util.Set<String> names = new java.util.LinkedHashSet<>();
        java.util.Set<String> prefixes = new java.util.LinkedHashSet<>();
        var read = ServiceConfig.class.getDeclaredMethod("readJavaConfig", String.class, java.util.Set.class, java.util.Set.class);
        read.setAccessible(true);
        read.invoke(null, """
                @ConfigMapping(prefix = "outbound")
                public interface OutboundConfig {
                    /** with a comment */
                    @WithDefault("80") @WithName("rate-per-second")
                    int ratePerSecond();
                    Template template();
                    Map<String, String> closingMessages();
                    default boolean ignored() { return true; }
                    interface Template {
                        Optional<String> contentSid();
                    }
                }
                class Other {
                    @ConfigProperty(name = "gateway.swagger-ui") boolean swagger;
                }
                """, names, prefixes);
        assertThat(names).contains("outbound.rate-per-second", "outbound.template", "outbound.template.content-sid",
                "outbound.closing-messages", "gateway.swagger-ui");
        assertThat(prefixes).containsExactly("outbound.closing-messages");
        ServiceConfig config = new ServiceConfig("x", new java.util.Properties(), names, prefixes, java.util.Set.of(), java.util.Set.of());
        assertThat(config.readsEnv("OUTBOUND_TEMPLATE_CONTENT_SID")).isTrue();
        assertThat(config.readsEnv("OUTBOUND_CLOSING_MESSAGES_FR")).isTrue();
        assertThat(config.readsEnv("GATEWAY_SWAGGER_UI")).isTrue();
        assertThat(config.readsEnv("OUTBOUND_RATE")).isFalse();
    }
}
