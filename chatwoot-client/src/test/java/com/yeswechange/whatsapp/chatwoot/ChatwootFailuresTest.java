package com.yeswechange.whatsapp.chatwoot;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.yeswechange.whatsapp.chatwoot.CannedAnswers.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.yeswechange.whatsapp.chatwoot.dto.CreateMessageRequest;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.smallrye.faulttolerance.api.CircuitBreakerState;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * How ChatwootClient fails: typed exceptions with status and body, reads retried and writes not, 429 Retry-After
 * honoured within chatwoot.max-retry-after-seconds (2 s in tests), the circuit breaker, and no token in any message.
 */
@QuarkusTest
@QuarkusTestResource(ChatwootWireMock.class)
class ChatwootFailuresTest {

    static final String CONVERSATION = "/api/v1/accounts/7/conversations/27";
    static final String MESSAGES = CONVERSATION + "/messages";
    static final String ERROR_BODY = "{\"error\":\"Resource could not be found\"}";

    @ChatwootWireMock.Server
    WireMockServer chatwoot;

    @Inject
    ChatwootClient client;

    @Inject
    MeterRegistry registry;

    @BeforeEach
    void reset() {
        chatwoot.resetAll();
        CircuitBreakerMaintenance.get().resetAll();
    }

    private void answerConversation(int status, String body) {
        chatwoot.stubFor(get(CONVERSATION).willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", "application/json").withBody(body)));
    }

    private ChatwootException readFailure() {
        return catchThrowableOfType(ChatwootException.class, () -> client.getConversation(27));
    }

    @ParameterizedTest
    @CsvSource({
            "400, com.yeswechange.whatsapp.chatwoot.ChatwootRejectedException",
            "401, com.yeswechange.whatsapp.chatwoot.ChatwootUnauthorizedException",
            "403, com.yeswechange.whatsapp.chatwoot.ChatwootForbiddenException",
            "404, com.yeswechange.whatsapp.chatwoot.ChatwootNotFoundException",
            "422, com.yeswechange.whatsapp.chatwoot.ChatwootRejectedException"})
    void clientErrorsBecomeTypedExceptionsAndAreNotRetried(int status, Class<? extends ChatwootException> type) {
        String body = "{\"message\":\"refused with " + status + "\"}";
        answerConversation(status, body);

        ChatwootException failure = readFailure();

        assertThat(failure).isExactlyInstanceOf(type);
        assertThat(failure.status()).isEqualTo(status);
        assertThat(failure.body()).isEqualTo(body);
        assertThat(failure.getMessage()).contains(Integer.toString(status)).doesNotContain("account-token");
        chatwoot.verify(1, getRequestedFor(urlPathEqualTo(CONVERSATION)));
    }

    @ParameterizedTest
    @CsvSource({"500", "502", "503"})
    void serverErrorsAreRetriedForReadsThenReported(int status) {
        answerConversation(status, "{\"error\":\"boom\"}");

        ChatwootException failure = readFailure();

        assertThat(failure).isExactlyInstanceOf(ChatwootUnavailableException.class);
        assertThat(failure.status()).isEqualTo(status);
        assertThat(failure.body()).isEqualTo("{\"error\":\"boom\"}");
        chatwoot.verify(3, getRequestedFor(urlPathEqualTo(CONVERSATION))); // first attempt + 2 retries
    }

    @Test
    void aReadSucceedsWhenARetrySucceeds() {
        chatwoot.stubFor(get(CONVERSATION).inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("recovered"));
        chatwoot.stubFor(get(CONVERSATION).inScenario("flaky").whenScenarioStateIs("recovered")
                .willReturn(ok("conversation")));

        assertThat(client.getConversation(27).id()).isEqualTo(27);
        chatwoot.verify(2, getRequestedFor(urlPathEqualTo(CONVERSATION)));
    }

    @Test
    void aReadThatTimesOutIsRetried() {
        chatwoot.stubFor(get(CONVERSATION).inScenario("slow").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(ok("conversation").withFixedDelay(5_000)).willSetStateTo("fast"));
        chatwoot.stubFor(get(CONVERSATION).inScenario("slow").whenScenarioStateIs("fast")
                .willReturn(ok("conversation")));

        assertThat(client.getConversation(27).id()).isEqualTo(27);
        chatwoot.verify(2, getRequestedFor(urlPathEqualTo(CONVERSATION)));
    }

    @Test
    void aMessageCreateIsNeverRetried() {
        chatwoot.stubFor(post(MESSAGES).willReturn(aResponse().withStatus(503).withBody("upstream down")));

        var failure = catchThrowableOfType(ChatwootUnavailableException.class,
                () -> client.createMessage(27, CreateMessageRequest.outgoing("Bonjour")));

        assertThat(failure.status()).isEqualTo(503);
        assertThat(failure.body()).isEqualTo("upstream down");
        chatwoot.verify(1, postRequestedFor(urlPathEqualTo(MESSAGES)));
    }

    @Test
    void aMessageCreateThatTimesOutIsReportedOnceAsUnavailable() {
        chatwoot.stubFor(post(MESSAGES).willReturn(ok("message-outgoing").withFixedDelay(5_000)));

        var failure = catchThrowableOfType(ChatwootUnavailableException.class,
                () -> client.createMessage(27, CreateMessageRequest.outgoing("Bonjour")));

        assertThat(failure.status()).isZero();
        assertThat(failure.getMessage()).doesNotContain("account-token");
        chatwoot.verify(1, postRequestedFor(urlPathEqualTo(MESSAGES)));
    }

    @Test
    void aDroppedConnectionIsUnavailableWithStatusZero() {
        chatwoot.stubFor(get(CONVERSATION).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        ChatwootException failure = readFailure();

        assertThat(failure).isExactlyInstanceOf(ChatwootUnavailableException.class);
        assertThat(failure.status()).isZero();
        assertThat(failure.getMessage()).contains("conversations.get").doesNotContain("account-token");
        chatwoot.verify(3, getRequestedFor(urlPathEqualTo(CONVERSATION)));
    }

    @Test
    void anUnreadableAnswerIsNeitherRetriedNorCountedAsAnOutage() {
        answerConversation(200, "{\"id\": \"not-a-number\"");

        ChatwootException failure = readFailure();

        assertThat(failure).isExactlyInstanceOf(ChatwootException.class);
        assertThat(failure.getMessage()).contains("unreadable");
        chatwoot.verify(1, getRequestedFor(urlPathEqualTo(CONVERSATION)));
    }

    // ---------------------------------------------------------------- 429

    @Test
    void aRateLimitedReadWaitsForRetryAfterThenSucceeds() {
        chatwoot.stubFor(get(CONVERSATION).inScenario("limited").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1").withBody("Retry later\n"))
                .willSetStateTo("allowed"));
        chatwoot.stubFor(get(CONVERSATION).inScenario("limited").whenScenarioStateIs("allowed")
                .willReturn(ok("conversation")));

        assertThat(client.getConversation(27).id()).isEqualTo(27);

        List<ServeEvent> calls = chatwoot.getAllServeEvents().stream()
                .sorted(Comparator.comparing(e -> e.getRequest().getLoggedDate())).toList();
        assertThat(calls).hasSize(2);
        long waitedMillis = calls.get(1).getRequest().getLoggedDate().getTime()
                - calls.get(0).getRequest().getLoggedDate().getTime();
        assertThat(waitedMillis).as("the retry came after Retry-After (1 s)").isGreaterThanOrEqualTo(1_000);
    }

    @Test
    void aRateLimitedWriteGoesBackToTheCallerWithItsRetryAfter() {
        chatwoot.stubFor(post(MESSAGES).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1")
                .withBody("Retry later\n")));

        var failure = catchThrowableOfType(ChatwootRateLimitedException.class,
                () -> client.createMessage(27, CreateMessageRequest.outgoing("Bonjour")));

        assertThat(failure.status()).isEqualTo(429);
        assertThat(failure.retryAfter()).isEqualTo(Duration.ofSeconds(1));
        assertThat(failure.body()).isEqualTo("Retry later\n");
        chatwoot.verify(1, postRequestedFor(urlPathEqualTo(MESSAGES)));
    }

    @Test
    void aRetryAfterLongerThanTheLimitIsNotWaitedFor() {
        chatwoot.stubFor(get(CONVERSATION).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "30")));

        var failure = catchThrowableOfType(ChatwootRateLimitedException.class, () -> client.getConversation(27));

        assertThat(failure.retryAfter()).isEqualTo(Duration.ofSeconds(30));
        chatwoot.verify(1, getRequestedFor(urlPathEqualTo(CONVERSATION)));
    }

    // ---------------------------------------------------------------- circuit breaker

    @Test
    void repeatedOutagesOpenTheCircuitAndLaterCallsAreNotSent() {
        chatwoot.stubFor(post(MESSAGES).willReturn(aResponse().withStatus(500)));
        for (int i = 0; i < 4; i++) {
            catchThrowableOfType(ChatwootUnavailableException.class,
                    () -> client.createMessage(27, CreateMessageRequest.outgoing("Bonjour")));
        }
        answerConversation(200, CannedAnswers.json("conversation"));

        ChatwootException failure = readFailure();

        assertThat(CircuitBreakerMaintenance.get().currentState(ChatwootClient.CIRCUIT_BREAKER))
                .isEqualTo(CircuitBreakerState.OPEN);
        assertThat(failure).isExactlyInstanceOf(ChatwootUnavailableException.class)
                .hasCauseInstanceOf(CircuitBreakerOpenException.class);
        assertThat(failure.status()).isZero();
        chatwoot.verify(0, getRequestedFor(urlPathEqualTo(CONVERSATION)));
        chatwoot.verify(4, postRequestedFor(urlPathEqualTo(MESSAGES)));
    }

    @Test
    void clientErrorsAndRateLimitsDoNotOpenTheCircuit() {
        answerConversation(404, ERROR_BODY);
        for (int i = 0; i < 6; i++) {
            catchThrowableOfType(ChatwootNotFoundException.class, () -> client.getConversation(27));
        }
        chatwoot.stubFor(post(MESSAGES).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1")));
        for (int i = 0; i < 4; i++) {
            catchThrowableOfType(ChatwootRateLimitedException.class,
                    () -> client.createMessage(27, CreateMessageRequest.outgoing("Bonjour")));
        }

        assertThat(CircuitBreakerMaintenance.get().currentState(ChatwootClient.CIRCUIT_BREAKER))
                .isEqualTo(CircuitBreakerState.CLOSED);
        assertThat(readFailure()).isExactlyInstanceOf(ChatwootNotFoundException.class);
        chatwoot.verify(7, getRequestedFor(urlPathEqualTo(CONVERSATION)));
    }

    // ---------------------------------------------------------------- metrics

    @Test
    void everyAttemptIsTimedWithItsOperationAndOutcome() {
        chatwoot.stubFor(get("/api/v1/accounts/7/contacts/42").willReturn(ok("contact")));
        chatwoot.stubFor(get("/api/v1/accounts/7/contacts/43").willReturn(aResponse().withStatus(404)));
        double successes = count("contacts.get", "success");
        double notFound = count("contacts.get", "404");

        client.getContact(42);
        catchThrowableOfType(ChatwootNotFoundException.class, () -> client.getContact(43));

        assertThat(count("contacts.get", "success")).isEqualTo(successes + 1);
        assertThat(count("contacts.get", "404")).isEqualTo(notFound + 1);
    }

    private double count(String operation, String outcome) {
        var timer = registry.find(ChatwootClient.REQUEST_TIMER).tag("operation", operation).tag("outcome", outcome)
                .timer();
        return timer == null ? 0 : timer.count();
    }
}
