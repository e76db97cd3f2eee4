package com.yeswechange.whatsapp.outbound;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.yeswechange.whatsapp.outbound.OutboundFixtures.*;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.yeswechange.whatsapp.events.ChatwootEvent;
import com.yeswechange.whatsapp.events.DispatchEvent;
import com.yeswechange.whatsapp.events.DispatchEvent.Kind;
import com.yeswechange.whatsapp.events.DispatchEvent.Outcome;
import com.yeswechange.whatsapp.events.EventJson;
import com.yeswechange.whatsapp.events.Topics;
import com.yeswechange.whatsapp.outbound.service.DispatchLedger;
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
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** chatwoot.events → Twilio, against the real broker, with WireMock as Twilio and Chatwoot. */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(TwilioAndChatwootWireMock.class)
class ReplyDispatchTest {

    @TwilioAndChatwootWireMock.Server
    WireMockServer server;

    @InjectKafkaCompanion
    KafkaCompanion kafka;

    @Inject
    DispatchLedger ledger;

    long conversation;
    String phone;

    @BeforeEach
    void newCustomer() {
        conversation = nextId();
        phone = nextPhone();
        unmatchedIsNotFound(server);
        chatwootConversation(server, conversation, Instant.now().minus(Duration.ofMinutes(5)));
    }

    @AfterEach
    void everySendMatchesTheTwilioSpec() {
        twilioSends(server, phone).forEach(OutboundFixtures::assertValidCreateMessage);
    }

    private void publish(ChatwootEvent event) {
        OutboundFixtures.publish(kafka, Topics.CHATWOOT_EVENTS, Long.toString(event.conversationId()), event);
    }

    private DispatchEvent awaitFinal(long messageId) {
        return awaitFinal(Long.toString(messageId));
    }

    private DispatchEvent awaitFinal(String dispatchId) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> ledger.get(dispatchId),
                entry -> entry.filter(DispatchEvent::isFinal).isPresent()).orElseThrow();
    }

    /** A later reply in the same conversation (same partition): once it is settled, every earlier record was handled. */
    private void publishMarkerAndAwait() {
        long marker = nextId();
        publish(reply(conversation, phone, marker, "marqueur " + marker));
        assertThat(awaitFinal(marker).outcome()).isEqualTo(Outcome.SENT);
    }

    private long sendsWithBody(String body) {
        return twilioSends(server, phone).stream().filter(p -> List.of(body).equals(p.get("Body"))).count();
    }

    @Test
    void anAgentReplyIsSentOnceEvenWhenTheEventArrivesThreeTimes() {
        twilioAccepts(server, phone);
        long message = nextId();
        ChatwootEvent event = reply(conversation, phone, message, "Bonjour, votre carte est prête.");

        publish(event);
        publish(event);
        publish(event);
        publishMarkerAndAwait();

        assertThat(sendsWithBody("Bonjour, votre carte est prête.")).isEqualTo(1);
        Map<String, List<String>> sent = twilioSends(server, phone).get(0);
        assertThat(sent.get("To")).containsExactly("whatsapp:" + phone);
        assertThat(sent.get("From")).containsExactly(FROM);
        assertThat(sent.get("StatusCallback")).containsExactly(TwilioAndChatwootWireMock.CALLBACK_BASE
                + "/api/webhooks/twilio/status?chatwoot_conversation_id=" + conversation
                + "&chatwoot_message_id=" + message);
        DispatchEvent entry = ledger.get(Long.toString(message)).orElseThrow();
        assertThat(entry.outcome()).isEqualTo(Outcome.SENT);
        assertThat(entry.kind()).isEqualTo(Kind.REPLY);
        assertThat(entry.messageSid()).matches("SM[0-9a-f]{32}");
        assertThat(entry.customerPhone()).isEqualTo(phone);
        assertThat(entry.conversationId()).isEqualTo(conversation);

        // the outcome is on the topic for the gateway and reporting, after the PENDING written before the call
        List<DispatchEvent> published = kafka.consumeStrings()
                .fromTopics(Set.of(Topics.WHATSAPP_DISPATCH), Duration.ofSeconds(2)).awaitCompletion().getRecords().stream()
                .filter(r -> Long.toString(message).equals(r.key()))
                .map(r -> EventJson.read(r.value(), DispatchEvent.class)).toList();
        assertThat(published).extracting(DispatchEvent::outcome).containsExactly(Outcome.PENDING, Outcome.SENT);

        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics).contains("outbound_dispatch_total{error_code=\"none\",kind=\"REPLY\",outcome=\"SENT\"}")
                .contains("outbound_send_latency_seconds_count{kind=\"REPLY\"}")
                .contains("outbound_duplicates_ignored_total");
    }

    @Test
    void aRedeliveryAfterARestartSendsNothingAgain() {
        twilioAccepts(server, phone);
        long message = nextId();
        ChatwootEvent event = reply(conversation, phone, message, "Votre dossier est validé.");
        publish(event);
        awaitFinal(message);

        ledger.rebuild(); // what a fresh process does: read the whole ledger topic again
        publish(event);
        publishMarkerAndAwait();

        assertThat(sendsWithBody("Votre dossier est validé.")).isEqualTo(1);
    }

    @Test
    void aCrashAfterTwilioAcceptedButBeforeTheLedgerWriteDoesNotSendAgain() {
        long message = nextId();
        String text = "Le virement est parti.";
        String alreadySent = sid();
        // the crashed run left only its PENDING entry; Twilio holds the message it created
        Instant pendingAt = Instant.now().minusSeconds(5);
        OutboundFixtures.publish(kafka, Topics.WHATSAPP_DISPATCH, Long.toString(message),
                new DispatchEvent(1, Long.toString(message), Kind.REPLY, Outcome.PENDING, conversation, message,
                        phone, null, null, null, 1, 2L, pendingAt));
        twilioLists(server, phone, messageJson(alreadySent, phone, text, pendingAt.plusSeconds(1)));
        twilioAccepts(server, phone);

        publish(reply(conversation, phone, message, text));

        DispatchEvent entry = awaitFinal(message);
        assertThat(entry.outcome()).isEqualTo(Outcome.SENT);
        assertThat(entry.messageSid()).isEqualTo(alreadySent);
        assertThat(sendsWithBody(text)).isZero();
        assertThat(twilioLookups(server, phone)).isEqualTo(1);
    }

    @Test
    void aCrashBeforeTwilioGotTheRequestSendsItOnceAfterReconciling() {
        long message = nextId();
        String text = "Nous vous rappelons demain.";
        OutboundFixtures.publish(kafka, Topics.WHATSAPP_DISPATCH, Long.toString(message),
                new DispatchEvent(1, Long.toString(message), Kind.REPLY, Outcome.PENDING, conversation, message,
                        phone, null, null, null, 1, 2L, Instant.now().minusSeconds(5)));
        twilioLists(server, phone); // nothing at Twilio
        twilioAccepts(server, phone);

        publish(reply(conversation, phone, message, text));

        DispatchEvent entry = awaitFinal(message);
        assertThat(entry.outcome()).isEqualTo(Outcome.SENT);
        assertThat(entry.attempt()).isEqualTo(2);
        assertThat(sendsWithBody(text)).isEqualTo(1);
    }

    @Test
    void aTwilio500IsReconciledThenSentOnceWithoutTheSdkResending() {
        String text = "Réponse après une panne.";
        twilioLists(server, phone); // the 500 created nothing
        server.stubFor(post(urlPathEqualTo(MESSAGES_PATH)).withRequestBody(containing(encoded("whatsapp:" + phone)))
                .inScenario("500 then 201").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(500).withBody(twilioError(20500, 500, "Internal Server Error")))
                .willSetStateTo("recovered"));
        server.stubFor(post(urlPathEqualTo(MESSAGES_PATH)).withRequestBody(containing(encoded("whatsapp:" + phone)))
                .inScenario("500 then 201").whenScenarioStateIs("recovered")
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                        .withBody(messageJson(sid(), phone, text, Instant.now()))));
        long message = nextId();

        publish(reply(conversation, phone, message, text));

        DispatchEvent entry = awaitFinal(message);
        assertThat(entry.outcome()).isEqualTo(Outcome.SENT);
        // one POST per attempt (the SDK's own 3× re-send on 5xx is switched off), one lookup in between
        assertThat(sendsWithBody(text)).isEqualTo(2);
        assertThat(twilioLookups(server, phone)).isEqualTo(1);
    }

    @Test
    void aTwilio500ThatHadCreatedTheMessageIsNotSentAgain() {
        String text = "Message créé malgré l'erreur.";
        String created = sid();
        twilioLists(server, phone, messageJson(created, phone, text, Instant.now()));
        server.stubFor(post(urlPathEqualTo(MESSAGES_PATH)).withRequestBody(containing(encoded("whatsapp:" + phone)))
                .willReturn(aResponse().withStatus(503).withBody("upstream timeout")));
        long message = nextId();

        publish(reply(conversation, phone, message, text));

        DispatchEvent entry = awaitFinal(message);
        assertThat(entry.outcome()).isEqualTo(Outcome.SENT);
        assertThat(entry.messageSid()).isEqualTo(created);
        assertThat(sendsWithBody(text)).isEqualTo(1);
    }

    @Test
    void rateLimitsAreRetriedLaterThenSent() {
        String text = "Merci de patienter.";
        server.stubFor(post(urlPathEqualTo(MESSAGES_PATH)).withRequestBody(containing(encoded("whatsapp:" + phone)))
                .inScenario("429").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withBody(twilioError(20429, 429, "Too Many Requests")))
                .willSetStateTo("63018"));
        server.stubFor(post(urlPathEqualTo(MESSAGES_PATH)).withRequestBody(containing(encoded("whatsapp:" + phone)))
                .inScenario("429").whenScenarioStateIs("63018")
                .willReturn(aResponse().withStatus(400).withBody(twilioError(63018, 400, "Rate limit exceeded")))
                .willSetStateTo("ok"));
        server.stubFor(post(urlPathEqualTo(MESSAGES_PATH)).withRequestBody(containing(encoded("whatsapp:" + phone)))
                .inScenario("429").whenScenarioStateIs("ok")
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                        .withBody(messageJson(sid(), phone, text, Instant.now()))));
        long message = nextId();

        publish(reply(conversation, phone, message, text));

        DispatchEvent entry = awaitFinal(message);
        assertThat(entry.outcome()).isEqualTo(Outcome.SENT);
        assertThat(entry.attempt()).isEqualTo(3);
        assertThat(sendsWithBody(text)).isEqualTo(3);
        assertThat(twilioLookups(server, phone)).as("a refusal proves nothing was sent: no lookup needed").isZero();
    }

    @Test
    void aSendRefusedAtEveryAttemptIsMarkedFailedAndDeadLettered() {
        String text = "Toujours limité.";
        server.stubFor(post(urlPathEqualTo(MESSAGES_PATH)).withRequestBody(containing(encoded("whatsapp:" + phone)))
                .willReturn(aResponse().withStatus(429).withBody(twilioError(20429, 429, "Too Many Requests"))));
        long message = nextId();

        publish(reply(conversation, phone, message, text));

        DispatchEvent entry = awaitFinal(message);
        assertThat(entry.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(entry.errorCode()).isEqualTo("20429");
        assertThat(sendsWithBody(text)).isEqualTo(3); // outbound.send.max-attempts
        await().atMost(Duration.ofSeconds(30)).until(() -> kafka.consumeStrings()
                .fromTopics(Set.of(Topics.dlq(Topics.CHATWOOT_EVENTS)), Duration.ofSeconds(1)).awaitCompletion()
                .getRecords().stream()
                .anyMatch(r -> r.value().contains("\"id\":" + message)));
        assertThat(chatwootStatusUpdates(server, conversation, message)).singleElement()
                .satisfies(r -> assertThat(r.getBodyAsString()).contains("\"status\":\"failed\"").contains("20429"));
    }

    @Test
    void outsideTheWindowTheApprovedTemplateIsSentInstead() {
        chatwootConversation(server, conversation, Instant.now().minus(Duration.ofDays(2)));
        twilioAccepts(server, phone);
        long message = nextId();

        publish(reply(conversation, phone, message, "Avez-vous reçu votre carte ?"));

        DispatchEvent entry = awaitFinal(message);
        assertThat(entry.outcome()).isEqualTo(Outcome.SENT);
        assertThat(entry.kind()).isEqualTo(Kind.TEMPLATE);
        Map<String, List<String>> sent = twilioSends(server, phone).get(0);
        assertThat(sent.get("ContentSid")).containsExactly(TwilioAndChatwootWireMock.TEMPLATE_SID);
        assertThat(sent.get("ContentVariables")).containsExactly("{\"1\":\"Awa Koné\"}");
        assertThat(sent).doesNotContainKey("Body");
        await().atMost(Duration.ofSeconds(10)).until(() -> chatwootNotes(server, conversation).stream()
                .anyMatch(r -> r.getBodyAsString().contains("\"private\":true")
                        && r.getBodyAsString().contains("modèle approuvé")));
    }

    @Test
    void twilio63016OnFreeTextFallsBackToTheTemplate() {
        String text = "Je reviens vers vous.";
        server.stubFor(post(urlPathEqualTo(MESSAGES_PATH)).withRequestBody(containing(encoded("whatsapp:" + phone)))
                .withRequestBody(containing("Body="))
                .willReturn(aResponse().withStatus(400).withBody(twilioError(63016, 400,
                        "Failed to send freeform message because you are outside the allowed window."))));
        server.stubFor(post(urlPathEqualTo(MESSAGES_PATH)).withRequestBody(containing(encoded("whatsapp:" + phone)))
                .withRequestBody(containing("ContentSid="))
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                        .withBody(messageJson(sid(), phone, "", Instant.now()))));
        long message = nextId();

        publish(reply(conversation, phone, message, text));

        DispatchEvent entry = awaitFinal(message);
        assertThat(entry.outcome()).isEqualTo(Outcome.SENT);
        assertThat(entry.kind()).isEqualTo(Kind.TEMPLATE);
        assertThat(twilioSends(server, phone)).hasSize(2);
        assertThat(twilioSends(server, phone).get(1).get("ContentSid"))
                .containsExactly(TwilioAndChatwootWireMock.TEMPLATE_SID);
    }

    @Test
    void aPermanentRefusalIsNotRetriedAndTheAgentIsTold() {
        server.stubFor(post(urlPathEqualTo(MESSAGES_PATH)).withRequestBody(containing(encoded("whatsapp:" + phone)))
                .willReturn(aResponse().withStatus(400).withBody(twilioError(21610, 400,
                        "Attempt to send to unsubscribed recipient"))));
        long message = nextId();

        publish(reply(conversation, phone, message, "Voici votre code."));

        DispatchEvent entry = awaitFinal(message);
        assertThat(entry.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(entry.errorCode()).isEqualTo("21610");
        assertThat(entry.reason()).contains("désabonné");
        assertThat(twilioSends(server, phone)).hasSize(1);
        await().atMost(Duration.ofSeconds(10)).until(() -> chatwootNotes(server, conversation).stream()
                .anyMatch(r -> r.getBodyAsString().contains("21610")));
        assertThat(chatwootStatusUpdates(server, conversation, message)).singleElement()
                .satisfies(r -> assertThat(r.getBodyAsString()).contains("\"status\":\"failed\"")
                        .contains("\"external_error\":\"Erreur Twilio 21610"));
    }

    @Test
    void privateNotesIncomingMessagesOtherInboxesAndOurOwnEchoesAreNotSent() {
        twilioAccepts(server, phone);
        long privateNote = nextId();
        long incoming = nextId();
        long otherInbox = nextId();
        long echo = nextId();
        long activity = nextId();
        publish(messageEvent(conversation, phone, INBOX, new ChatwootEvent.Message(privateNote, "note interne",
                "outgoing", true, "text", null, "User", 2L, "sent", List.of(), Instant.now())));
        publish(messageEvent(conversation, phone, INBOX, new ChatwootEvent.Message(incoming, "message du client",
                "incoming", false, "text", "SM" + incoming, "Contact", 10L, "sent", List.of(), Instant.now())));
        publish(messageEvent(conversation, phone, 99, outgoing(otherInbox, "autre boîte", List.of())));
        publish(messageEvent(conversation, phone, INBOX, new ChatwootEvent.Message(echo, "écho du pont",
                "outgoing", false, "text", sid(), "User", 2L, "sent", List.of(), Instant.now())));
        publish(messageEvent(conversation, phone, INBOX, new ChatwootEvent.Message(activity, "Conversation assignée",
                "activity", false, "text", null, null, null, "sent", List.of(), Instant.now())));

        publishMarkerAndAwait();

        assertThat(twilioSends(server, phone)).hasSize(1)
                .allSatisfy(p -> assertThat(p.get("Body").get(0)).startsWith("marqueur"));
        for (long ignored : List.of(privateNote, incoming, otherInbox, echo, activity)) {
            assertThat(ledger.get(Long.toString(ignored))).isEqualTo(Optional.empty());
        }
    }

    @Test
    void attachmentsGoAsMediaUrls() {
        twilioAccepts(server, phone);
        long message = nextId();
        publish(messageEvent(conversation, phone, INBOX, outgoing(message, "Voici le formulaire", List.of(
                new ChatwootEvent.Attachment("file", "application/pdf", "https://chatwoot.example.test/f/form.pdf"),
                new ChatwootEvent.Attachment("image", "image/jpeg", "https://chatwoot.example.test/f/photo.jpg")))));

        assertThat(awaitFinal(message).outcome()).isEqualTo(Outcome.SENT);
        Map<String, List<String>> sent = twilioSends(server, phone).get(0);
        assertThat(sent.get("Body")).containsExactly("Voici le formulaire");
        assertThat(sent.get("MediaUrl")).containsExactly("https://chatwoot.example.test/f/form.pdf",
                "https://chatwoot.example.test/f/photo.jpg");
    }
}
