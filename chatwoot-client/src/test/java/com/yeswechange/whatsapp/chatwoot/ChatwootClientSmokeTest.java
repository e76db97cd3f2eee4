package com.yeswechange.whatsapp.chatwoot;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(ChatwootWireMock.class)
class ChatwootClientSmokeTest {

    @ChatwootWireMock.Server
    WireMockServer chatwoot;

    @Inject
    ChatwootClient client;

    @Test
    void readsAConversationWithTheAccountToken() {
        chatwoot.stubFor(get("/api/v1/accounts/7/conversations/42").willReturn(aResponse()
                .withHeader("Content-Type", "application/json")
                .withBody("{\"id\":42,\"status\":\"snoozed\",\"inbox_id\":3,\"snoozed_until\":\"2026-11-24T08:00:00.000Z\","
                        + "\"messages\":[{\"id\":9,\"message_type\":1,\"content\":\"Bonjour\",\"private\":false}]}")));

        var conversation = client.getConversation(42);

        assertThat(conversation.id()).isEqualTo(42);
        assertThat(conversation.status()).isEqualTo(ConversationStatus.SNOOZED);
        assertThat(conversation.snoozedUntil()).hasToString("2026-11-24T08:00:00Z");
        assertThat(conversation.messages().getFirst().messageType()).isEqualTo(MessageType.OUTGOING);
        chatwoot.verify(getRequestedFor(urlPathEqualTo("/api/v1/accounts/7/conversations/42"))
                .withHeader("api_access_token", equalTo("account-token")));
    }
}
