package com.yeswechange.whatsapp.outbound.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.twilio.exception.ApiException;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.Message;
import com.twilio.type.PhoneNumber;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The SDK on our transport: one request per call, the configured base URL, failures told apart. */
class TwilioHttpClientTest {

    static final String SID = "ACd42548387317631745a9084a2bc8f824";
    static final String PATH = "/2010-04-01/Accounts/" + SID + "/Messages.json";
    static WireMockServer twilio;

    @BeforeAll
    static void start() {
        twilio = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        twilio.start();
    }

    @AfterAll
    static void stop() {
        twilio.stop();
    }

    @BeforeEach
    void reset() {
        twilio.resetAll();
    }

    private static TwilioRestClient client(String apiBase, Duration timeout) {
        return new TwilioRestClient.Builder(SID, "test-auth-token")
                .httpClient(new TwilioHttpClient(Map.of("api", apiBase), timeout))
                .build();
    }

    private static Message send(TwilioRestClient client) {
        return send(client, "whatsapp:+2250700000001");
    }

    private static Message send(TwilioRestClient client, String to) {
        return Message.creator(new PhoneNumber(to), new PhoneNumber("whatsapp:+2252722405060"),
                "Bonjour").create(client);
    }

    @Test
    void aServerErrorIsNotResentByTheSdk() {
        twilio.stubFor(post(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(500)
                .withBody("{\"code\":20500,\"message\":\"Internal Server Error\",\"status\":500}")));

        assertThatThrownBy(() -> send(client(twilio.baseUrl(), Duration.ofSeconds(5))))
                .isInstanceOf(ApiException.class);

        // the SDK's default transport would have POSTed three times
        assertThat(twilio.findAll(postRequestedFor(urlPathEqualTo(PATH)))).hasSize(1);
    }

    @Test
    void requestsGoToTheConfiguredBaseUrlWithBasicAuthAndTheForm() {
        twilio.stubFor(post(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"sid\":\"SM0123456789abcdef0123456789abcdef\",\"status\":\"queued\"}")));

        Message created = send(client(twilio.baseUrl() + "/", Duration.ofSeconds(5)));

        assertThat(created.getSid()).isEqualTo("SM0123456789abcdef0123456789abcdef");
        String basic = java.util.Base64.getEncoder().encodeToString((SID + ":test-auth-token").getBytes());
        twilio.verify(1, postRequestedFor(urlPathEqualTo(PATH))
                .withHeader("Authorization", equalTo("Basic " + basic))
                .withHeader("Content-Type", containing("application/x-www-form-urlencoded"))
                .withRequestBody(containing("To=whatsapp%3A%2B2250700000001"))
                .withRequestBody(containing("From=whatsapp%3A%2B2252722405060"))
                .withRequestBody(containing("Body=Bonjour")));
    }

    @Test
    void aRefusedConnectionMeansNothingWasSent() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        TwilioRestClient client = client("http://127.0.0.1:" + closedPort, Duration.ofSeconds(2));

        assertThatThrownBy(() -> send(client)).isInstanceOf(TwilioUnreachableException.class);
    }

    @Test
    void noAnswerInTimeMeansTheOutcomeIsUnknown() {
        twilio.stubFor(post(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(201).withFixedDelay(3_000)));

        // another recipient: WireMock journals this request only when its delayed answer completes, after the test
        assertThatThrownBy(() -> send(client(twilio.baseUrl(), Duration.ofMillis(500)), "whatsapp:+2250700000999"))
                .isInstanceOf(TwilioOutcomeUnknownException.class);
    }
}
