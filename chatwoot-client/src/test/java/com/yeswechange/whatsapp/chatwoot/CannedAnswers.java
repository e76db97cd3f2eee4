package com.yeswechange.whatsapp.chatwoot;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Chatwoot v4.15.1 answers as the Rails views render them (shapes from specs/chatwoot/API-NOTES.md and the webhook
 * examples), kept in src/test/resources/chatwoot-answers/. The client tests serve them and the contract test checks
 * every one of them against swagger.json.
 */
final class CannedAnswers {

    private CannedAnswers() {
    }

    static String json(String name) {
        String resource = "/chatwoot-answers/" + name + ".json";
        try (InputStream in = CannedAnswers.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no canned answer " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A 200 with the named answer as a JSON body. */
    static ResponseDefinitionBuilder ok(String name) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json; charset=utf-8")
                .withBody(json(name));
    }
}
