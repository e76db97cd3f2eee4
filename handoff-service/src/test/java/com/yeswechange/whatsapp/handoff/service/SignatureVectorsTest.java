package com.yeswechange.whatsapp.handoff.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.yeswechange.whatsapp.testsupport.SpecFiles;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The byte-exact vectors of specs/twilio/examples and specs/chatwoot/examples, verified as they are. */
class SignatureVectorsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyTwilioVectorVerifiesAndATamperedOneDoesNot() throws Exception {
        JsonNode signatures = JSON.readTree(SpecFiles.bytes("twilio/examples/signatures.json"));
        TwilioSignature twilio = new TwilioSignature(signatures.get("auth_token").asText());
        int checked = 0;
        for (JsonNode file : signatures.get("files")) {
            String name = file.get("file").asText();
            byte[] body = SpecFiles.bytes("twilio/examples/" + name);
            String url = file.get("url").asText();
            String signature = SpecFiles.text("twilio/examples/" + name + ".sig.txt");
            assertThat(signature).isEqualTo(file.get("x_twilio_signature").asText());
            if (name.endsWith(".json")) {
                String text = new String(body, StandardCharsets.UTF_8);
                assertThat(twilio.validJson(url, text, signature)).as(name).isTrue();
                assertThat(twilio.validJson(url, text.replace("remboursement", "rembourse"), signature))
                        .as(name + " with a changed body").isFalse();
                assertThat(twilio.validJson(url.substring(0, url.indexOf('?')), text, signature))
                        .as(name + " without bodySHA256").isFalse();
            } else {
                Map<String, String> params = FormBody.parse(body);
                assertThat(twilio.validForm(url, params, signature)).as(name).isTrue();
                params.put("Body", params.getOrDefault("Body", "") + "!");
                assertThat(twilio.validForm(url, params, signature)).as(name + " with a changed Body").isFalse();
            }
            checked++;
        }
        assertThat(checked).isEqualTo(9);
    }

    @Test
    void aTwilioSignatureHoldsOnlyForThePublicUrlItWasMadeFor() {
        byte[] body = SpecFiles.bytes("twilio/examples/inbound_text.form");
        String signature = SpecFiles.text("twilio/examples/inbound_text.form.sig.txt");
        TwilioSignature twilio = new TwilioSignature("test_auth_token_0123456789abcdef");
        Map<String, String> params = FormBody.parse(body);

        assertThat(twilio.validForm("https://bridge.example.com/api/webhooks/twilio/messages", params, signature))
                .isTrue();
        assertThat(twilio.validForm("http://handoff:8081/api/webhooks/twilio/messages", params, signature))
                .as("the internal URL behind the proxy").isFalse();
        assertThat(new TwilioSignature("another-token")
                .validForm("https://bridge.example.com/api/webhooks/twilio/messages", params, signature)).isFalse();
        assertThat(twilio.validForm("https://bridge.example.com/api/webhooks/twilio/messages", params, null))
                .isFalse();
    }

    @Test
    void everyChatwootVectorVerifiesAtItsTimeAndIsStaleLater() throws Exception {
        JsonNode signatures = JSON.readTree(SpecFiles.bytes("chatwoot/examples/signatures.json"));
        ChatwootSignature chatwoot = new ChatwootSignature(signatures.get("secret").asText(), Duration.ofMinutes(5));
        int checked = 0;
        for (JsonNode file : signatures.get("files")) {
            byte[] body = SpecFiles.bytes("chatwoot/examples/" + file.get("file").asText());
            JsonNode headers = file.get("headers");
            String timestamp = headers.get("X-Chatwoot-Timestamp").asText();
            String signature = headers.get("X-Chatwoot-Signature").asText();
            Instant sentAt = Instant.ofEpochSecond(Long.parseLong(timestamp));

            assertThat(chatwoot.verify(timestamp, signature, body, sentAt.plusSeconds(3)))
                    .as(file.get("file").asText()).isEqualTo(ChatwootSignature.Verdict.VALID);
            assertThat(chatwoot.verify(timestamp, signature, body, sentAt.minus(Duration.ofMinutes(4))))
                    .as("a sender clock slightly ahead").isEqualTo(ChatwootSignature.Verdict.VALID);
            assertThat(chatwoot.verify(timestamp, signature, body, sentAt.plus(Duration.ofMinutes(5)).plusSeconds(1)))
                    .as("replayed after the window").isEqualTo(ChatwootSignature.Verdict.STALE);
            byte[] tampered = Arrays.copyOf(body, body.length);
            tampered[tampered.length - 3] ^= 1;
            assertThat(chatwoot.verify(timestamp, signature, tampered, sentAt))
                    .isEqualTo(ChatwootSignature.Verdict.FORGED);
            assertThat(chatwoot.verify(Long.toString(sentAt.getEpochSecond() + 1), signature, body, sentAt))
                    .as("the timestamp is signed too").isEqualTo(ChatwootSignature.Verdict.FORGED);
            checked++;
        }
        assertThat(checked).isEqualTo(8);
    }

    @Test
    void chatwootSignatureMustBePresentAndWellFormed() {
        ChatwootSignature chatwoot = new ChatwootSignature("secret", Duration.ofMinutes(5));
        Instant now = Instant.parse("2026-12-05T10:00:00Z");
        String ts = Long.toString(now.getEpochSecond());
        byte[] body = "{}".getBytes(StandardCharsets.UTF_8);

        assertThat(chatwoot.verify(null, "sha256=00", body, now)).isEqualTo(ChatwootSignature.Verdict.MISSING);
        assertThat(chatwoot.verify(ts, " ", body, now)).isEqualTo(ChatwootSignature.Verdict.MISSING);
        assertThat(chatwoot.verify("yesterday", "sha256=00", body, now)).isEqualTo(ChatwootSignature.Verdict.FORGED);
        assertThat(chatwoot.verify(ts, "sha256=zz", body, now)).isEqualTo(ChatwootSignature.Verdict.FORGED);
        String hex = java.util.HexFormat.of().formatHex(chatwoot.sign(ts, body));
        assertThat(chatwoot.verify(ts, "sha256=" + hex, body, now)).isEqualTo(ChatwootSignature.Verdict.VALID);
        assertThat(chatwoot.verify(ts, hex, body, now)).as("without the sha256= prefix")
                .isEqualTo(ChatwootSignature.Verdict.FORGED);
    }
}
