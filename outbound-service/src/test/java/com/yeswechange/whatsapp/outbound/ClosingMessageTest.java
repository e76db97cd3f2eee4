package com.yeswechange.whatsapp.outbound;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.yeswechange.whatsapp.outbound.OutboundFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.yeswechange.whatsapp.events.ChatwootEvent;
import com.yeswechange.whatsapp.events.DispatchEvent;
import com.yeswechange.whatsapp.events.DispatchEvent.Kind;
import com.yeswechange.whatsapp.events.DispatchEvent.Outcome;
import com.yeswechange.whatsapp.events.InboundEvent;
import com.yeswechange.whatsapp.events.Topics;
import com.yeswechange.whatsapp.outbound.service.DispatchLedger;
import com.yeswechange.whatsapp.outbound.service.StudioExecutions;
import com.yeswechange.whatsapp.testsupport.KafkaBrokerResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kafka.InjectKafkaCompanion;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A resolve sends the closing message once and hands the customer back to the Studio bot. */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(TwilioAndChatwootWireMock.class)
class ClosingMessageTest {

    static final String FLOW = "FWa20a05c4b4bb13fb547672aa9f3b62cd";

    @TwilioAndChatwootWireMock.Server
    WireMockServer server;

    @InjectKafkaCompanion
    KafkaCompanion kafka;

    @Inject
    DispatchLedger ledger;

    @Inject
    StudioExecutions executions;

    @Test
    void resolvingSendsTheClosingMessageOnceAndEndsTheStudioExecution() {
        long conversation = nextId();
        String phone = nextPhone();
        String execution = "FN" + sid().substring(2);
        unmatchedIsNotFound(server);
        chatwootConversation(server, conversation, Instant.now().minus(Duration.ofHours(1)));
        twilioAccepts(server, phone);
        String executionPath = "/studio/v2/Flows/" + FLOW + "/Executions/" + execution;
        server.stubFor(post(urlPathEqualTo(executionPath)).willReturn(okJson("""
                {"sid":"%s","account_sid":"%s","flow_sid":"%s","status":"ended","contact_channel_address":"whatsapp:%s",
                "date_created":"2026-12-05T10:00:00Z","date_updated":"2026-12-05T11:00:00Z",
                "url":"https://studio.twilio.com%s","links":{}}"""
                .formatted(execution, ACCOUNT_SID, FLOW, phone, executionPath))));
        // the handoff, as handoff-service recorded it
        publish(kafka, Topics.WHATSAPP_INBOUND, phone, new InboundEvent(1, InboundEvent.Kind.HANDOFF, "SM" + execution,
                phone, "whatsapp:" + phone, FROM, "Awa", "Je veux un conseiller", "text", List.of(), null,
                Map.of("motif", "carte"), FLOW, execution, Instant.now()));
        await().atMost(Duration.ofSeconds(20)).until(() -> executions.forCustomer(phone).isPresent());

        ChatwootEvent resolve = resolved(conversation, phone, "delivery-resolve-" + conversation);
        publish(kafka, Topics.CHATWOOT_EVENTS, Long.toString(conversation), resolve);
        publish(kafka, Topics.CHATWOOT_EVENTS, Long.toString(conversation), resolve); // redelivered
        long marker = nextId();
        publish(kafka, Topics.CHATWOOT_EVENTS, Long.toString(conversation),
                reply(conversation, phone, marker, "marqueur"));
        await().atMost(Duration.ofSeconds(30)).until(() -> ledger.get(Long.toString(marker))
                .filter(DispatchEvent::isFinal).isPresent());

        List<Map<String, List<String>>> closings = twilioSends(server, phone).stream()
                .filter(p -> !p.get("Body").equals(List.of("marqueur"))).toList();
        assertThat(closings).singleElement().satisfies(closing -> {
            assertThat(closing.get("Body").get(0)).startsWith("Merci de nous avoir contacté !");
            assertThat(closing.get("StatusCallback")).containsExactly(TwilioAndChatwootWireMock.CALLBACK_BASE
                    + "/api/webhooks/twilio/status?chatwoot_conversation_id=" + conversation);
            assertValidCreateMessage(closing);
        });
        DispatchEvent entry = ledger.get("closing:" + conversation + ":delivery-resolve-" + conversation)
                .orElseThrow();
        assertThat(entry.kind()).isEqualTo(Kind.CLOSING);
        assertThat(entry.outcome()).isEqualTo(Outcome.SENT);

        List<LoggedRequest> ended = server.findAll(postRequestedFor(urlPathEqualTo(executionPath)));
        assertThat(ended).singleElement()
                .satisfies(r -> assertThat(form(r.getBodyAsString()).get("Status")).containsExactly("ended"));
        assertThat(executions.forCustomer(phone)).isEmpty();
        assertThat(chatwootNotes(server, conversation)).anySatisfy(
                note -> assertThat(note.getBodyAsString()).contains("Message de clôture envoyé"));
    }

    @Test
    void noClosingMessageOutsideTheWindow() {
        long conversation = nextId();
        String phone = nextPhone();
        unmatchedIsNotFound(server);
        chatwootConversation(server, conversation, Instant.now().minus(Duration.ofDays(3)));
        twilioAccepts(server, phone);

        publish(kafka, Topics.CHATWOOT_EVENTS, Long.toString(conversation),
                resolved(conversation, phone, "delivery-late-" + conversation));

        DispatchEvent entry = await().atMost(Duration.ofSeconds(30))
                .until(() -> ledger.get("closing:" + conversation + ":delivery-late-" + conversation),
                        found -> found.filter(DispatchEvent::isFinal).isPresent()).orElseThrow();
        assertThat(entry.outcome()).isEqualTo(Outcome.SKIPPED);
        assertThat(entry.errorCode()).isEqualTo("63016");
        assertThat(twilioSends(server, phone)).isEmpty();
    }
}
