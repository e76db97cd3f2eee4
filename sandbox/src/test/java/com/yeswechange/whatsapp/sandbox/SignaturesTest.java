package com.yeswechange.whatsapp.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.twilio.security.RequestValidator;
import com.yeswechange.whatsapp.sandbox.service.Signatures;
import com.yeswechange.whatsapp.testsupport.SpecFiles;

/** The sandbox's signers reproduce the byte-exact test vectors in specs/ (chatwoot/examples, twilio/examples). */
class SignaturesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    static Stream<JsonNode> chatwootVectors() throws Exception {
        JsonNode signatures = JSON.readTree(SpecFiles.text("chatwoot/examples/signatures.json"));
        return Stream.iterate(0, i -> i < signatures.get("files").size(), i -> i + 1)
                .map(i -> signatures.get("files").get(i));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("chatwootVectors")
    void chatwootSignatureOfEachExampleBody(JsonNode vector) throws Exception {
        String secret = JSON.readTree(SpecFiles.text("chatwoot/examples/signatures.json")).get("secret").asText();
        String body = SpecFiles.text("chatwoot/examples/" + vector.get("file").asText());
        long timestamp = vector.get("headers").get("X-Chatwoot-Timestamp").asLong();

        assertThat(Signatures.chatwoot(secret, timestamp, body))
                .isEqualTo(vector.get("headers").get("X-Chatwoot-Signature").asText());
    }

    static Stream<JsonNode> twilioFormVectors() throws Exception {
        JsonNode signatures = JSON.readTree(SpecFiles.text("twilio/examples/signatures.json"));
        return Stream.iterate(0, i -> i < signatures.get("files").size(), i -> i + 1)
                .map(i -> signatures.get("files").get(i))
                .filter(v -> v.get("content_type").asText().startsWith("application/x-www-form-urlencoded"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("twilioFormVectors")
    void twilioSignatureOfEachExampleForm(JsonNode vector) throws Exception {
        String authToken = JSON.readTree(SpecFiles.text("twilio/examples/signatures.json")).get("auth_token").asText();
        Map<String, String> params = decodeForm(SpecFiles.text("twilio/examples/" + vector.get("file").asText()));
        String url = vector.get("url").asText();

        String signature = Signatures.twilio(authToken, url, params);

        assertThat(signature).isEqualTo(vector.get("x_twilio_signature").asText());
        assertThat(new RequestValidator(authToken).validate(url, params, signature)).isTrue();
        assertThat(new RequestValidator("another-token").validate(url, params, signature)).isFalse();
    }

    @org.junit.jupiter.api.Test
    void studioJsonBodyHashMatchesTheSignedUrl() throws Exception {
        JsonNode vector = null;
        for (JsonNode v : JSON.readTree(SpecFiles.text("twilio/examples/signatures.json")).get("files")) {
            if (v.get("file").asText().equals("studio_handoff.json")) {
                vector = v;
            }
        }
        assertThat(vector).isNotNull();
        String body = SpecFiles.text("twilio/examples/studio_handoff.json");
        assertThat(vector.get("url").asText()).endsWith("bodySHA256=" + Signatures.sha256Hex(body));
    }

    static Map<String, String> decodeForm(String body) {
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            params.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return params;
    }
}
