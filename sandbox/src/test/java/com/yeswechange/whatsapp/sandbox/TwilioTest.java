package com.yeswechange.whatsapp.sandbox;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.twilio.exception.ApiException;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.Message;
import com.twilio.rest.studio.v2.flow.Execution;
import com.twilio.security.RequestValidator;
import com.twilio.type.PhoneNumber;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.builder.MultiPartSpecBuilder;
import io.restassured.http.ContentType;

/** The Twilio stand-in driven by the real Twilio SDK; its webhooks checked with the SDK's RequestValidator. */
@QuarkusTest
@QuarkusTestResource(Receiver.class)
class TwilioTest {

    static final String SID = "ACd42548387317631745a9084a2bc8f824";
    static final String TOKEN = "sandbox-twilio-auth-token";
    static final String FROM = "whatsapp:+2252722405060";
    static final String AYA = "whatsapp:+2250701020304";
    /** Serge last wrote three days ago in the seed: outside the 24-hour window. */
    static final String SERGE = "whatsapp:+2250708091011";
    static final String FLOW = "FWa20a05c4b4bb13fb547672aa9f3b62cd";

    @TestHTTPResource("/")
    URI sandbox;

    @ConfigProperty(name = "sandbox.twilio.auth-token")
    String authToken;

    TwilioRestClient client;

    @BeforeEach
    void reset() {
        given().post("/sandbox/admin/reset").then().statusCode(200);
        Receiver.answerOk();
        client = new TwilioRestClient.Builder(SID, TOKEN)
                .httpClient(new SandboxTwilioHttpClient(sandbox.toString().replaceFirst("/$", ""))).build();
    }

    /** The form requests received at a path, each one's X-Twilio-Signature checked with the SDK. */
    static List<Map<String, String>> received(String path) {
        RequestValidator validator = new RequestValidator(TOKEN);
        return Receiver.server().findAll(postRequestedFor(urlPathEqualTo(path))).stream().map(r -> {
            Map<String, String> params = SignaturesTest.decodeForm(r.getBodyAsString());
            assertThat(validator.validate(r.getAbsoluteUrl(), params, r.getHeader("X-Twilio-Signature")))
                    .as("signature of %s", r.getAbsoluteUrl()).isTrue();
            return params;
        }).toList();
    }

    static List<String> statusesOf(String messageSid) {
        return received(Receiver.TWILIO_STATUS).stream().filter(p -> messageSid.equals(p.get("MessageSid")))
                .map(p -> p.get("MessageStatus")).toList();
    }

    @Test
    void sendAnswersQueuedThenCallsBackSentDeliveredReadSigned() {
        String callback = Receiver.url(Receiver.TWILIO_STATUS) + "?conversation_id=1&message_id=42";
        Message message = Message.creator(new PhoneNumber(AYA), new PhoneNumber(FROM), "Bonjour Aya")
                .setStatusCallback(URI.create(callback)).create(client);

        assertThat(message.getSid()).matches("SM[0-9a-f]{32}");
        assertThat(message.getStatus()).isEqualTo(Message.Status.QUEUED);
        assertThat(message.getDirection()).isEqualTo(Message.Direction.OUTBOUND_API);
        await().atMost(Duration.ofSeconds(10)).until(() -> statusesOf(message.getSid()).size() == 3);
        assertThat(statusesOf(message.getSid())).containsExactly("sent", "delivered", "read");
        LoggedRequest first = Receiver.server().findAll(postRequestedFor(urlPathEqualTo(Receiver.TWILIO_STATUS)))
                .get(0);
        assertThat(first.getUrl()).endsWith("?conversation_id=1&message_id=42");
        Map<String, String> sent = received(Receiver.TWILIO_STATUS).get(0);
        assertThat(sent).containsEntry("To", AYA).containsEntry("From", FROM).containsEntry("AccountSid", SID)
                .containsEntry("ChannelPrefix", "whatsapp").containsEntry("ApiVersion", "2010-04-01");
        assertThat(Message.fetcher(message.getSid()).fetch(client).getStatus()).isEqualTo(Message.Status.READ);
        given().queryParam("to", AYA).get("/sandbox/admin/whatsapp/messages").then()
                .body("$", hasSize(1)).body("[0].body", equalTo("Bonjour Aya"))
                .body("[0].status_callback", equalTo(callback));
    }

    @Test
    void outsideTheWindowAFreeFormMessageFailsWith63016ButATemplatePasses() {
        Message freeForm = Message.creator(new PhoneNumber(SERGE), new PhoneNumber(FROM), "Des nouvelles ?")
                .create(client);
        Message template = Message.creator(new PhoneNumber(SERGE), new PhoneNumber(FROM), (String) null)
                .setContentSid("HXb5b62575e6e4ff6129ad7c8efe1f983e").setContentVariables("{\"1\":\"Serge\"}")
                .create(client);

        await().atMost(Duration.ofSeconds(10)).until(() -> statusesOf(template.getSid()).contains("read")
                && !statusesOf(freeForm.getSid()).isEmpty());
        assertThat(statusesOf(freeForm.getSid())).containsExactly("failed");
        assertThat(received(Receiver.TWILIO_STATUS)).filteredOn(p -> freeForm.getSid().equals(p.get("MessageSid")))
                .singleElement().satisfies(p -> assertThat(p).containsEntry("ErrorCode", "63016"));
        Message fetched = Message.fetcher(freeForm.getSid()).fetch(client);
        assertThat(fetched.getErrorCode()).isEqualTo(63016);
        assertThat(fetched.getStatus()).isEqualTo(Message.Status.FAILED);
    }

    @Test
    void theWindowOpensWhenTheCustomerWritesAndClosesByAdminSwitch() {
        given().contentType(ContentType.JSON).body(Map.of("from", "+2250709999999", "name", "Nouveau Client",
                "body", "Bonjour")).post("/sandbox/admin/inbound").then().statusCode(200);
        Message reply = Message.creator(new PhoneNumber("whatsapp:+2250709999999"), new PhoneNumber(FROM), "Bonjour !")
                .create(client);
        given().contentType(ContentType.JSON).body(Map.of("window_closed", true)).put("/sandbox/admin/faults").then()
                .statusCode(200);
        Message late = Message.creator(new PhoneNumber("whatsapp:+2250709999999"), new PhoneNumber(FROM), "Encore")
                .create(client);
        await().atMost(Duration.ofSeconds(10)).until(() -> statusesOf(reply.getSid()).contains("read")
                && statusesOf(late.getSid()).contains("failed"));
    }

    @Test
    void forcedFailureCodeArrivesInTheCallback() {
        given().contentType(ContentType.JSON).body(Map.of("twilio_failure_code", 63018)).put("/sandbox/admin/faults")
                .then().statusCode(200);
        Message message = Message.creator(new PhoneNumber(AYA), new PhoneNumber(FROM), "Trop vite").create(client);
        await().atMost(Duration.ofSeconds(10)).until(() -> statusesOf(message.getSid()).size() == 2);
        assertThat(statusesOf(message.getSid())).containsExactly("sent", "failed");
        assertThat(received(Receiver.TWILIO_STATUS).get(1)).containsEntry("ErrorCode", "63018");
    }

    @Test
    void rateLimitServerErrorAndBadCredentialsAnswerTwilioErrors() {
        given().contentType(ContentType.JSON).body(Map.of("twilio_rate_limited", true)).put("/sandbox/admin/faults");
        assertThatThrownBy(() -> Message.creator(new PhoneNumber(AYA), new PhoneNumber(FROM), "x").create(client))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.getCode()).isEqualTo(20429);
                    assertThat(e.getStatusCode()).isEqualTo(429);
                });
        given().contentType(ContentType.JSON).body(Map.of("twilio_rate_limited", false, "twilio_server_error", true))
                .put("/sandbox/admin/faults");
        // raw HTTP: the SDK would re-send a 5xx three times by itself
        given().auth().preemptive().basic(SID, TOKEN).formParam("To", AYA).formParam("From", FROM)
                .formParam("Body", "x").post("/2010-04-01/Accounts/" + SID + "/Messages.json").then().statusCode(500)
                .body("code", equalTo(20500));
        given().auth().preemptive().basic(SID, "wrong").formParam("To", AYA).formParam("From", FROM)
                .formParam("Body", "x").post("/2010-04-01/Accounts/" + SID + "/Messages.json").then().statusCode(401)
                .body("code", equalTo(20003));
        given().contentType(ContentType.JSON).body(Map.of("twilio_server_error", false)).put("/sandbox/admin/faults");
        given().auth().preemptive().basic(SID, TOKEN).formParam("To", AYA).formParam("From", FROM)
                .post("/2010-04-01/Accounts/" + SID + "/Messages.json").then().statusCode(400)
                .body("code", equalTo(21602));
        assertThat(given().get("/sandbox/admin/whatsapp/messages").jsonPath().getList("$")).isEmpty();
    }

    @Test
    void droppedCallbacksAreNotSentButTheMessageStillProgresses() {
        given().contentType(ContentType.JSON).body(Map.of("status_callbacks_dropped", true))
                .put("/sandbox/admin/faults");
        Message message = Message.creator(new PhoneNumber(AYA), new PhoneNumber(FROM), "Silence").create(client);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> Message.fetcher(message.getSid()).fetch(client).getStatus() == Message.Status.READ);
        assertThat(statusesOf(message.getSid())).isEmpty();
    }

    @Test
    void listFiltersByRecipient() {
        Message.creator(new PhoneNumber(AYA), new PhoneNumber(FROM), "Un").create(client);
        Message.creator(new PhoneNumber("whatsapp:+2250505060708"), new PhoneNumber(FROM), "Deux").create(client);
        given().auth().preemptive().basic(SID, TOKEN).queryParam("To", AYA)
                .get("/2010-04-01/Accounts/" + SID + "/Messages.json").then().statusCode(200)
                .body("messages", hasSize(1)).body("messages[0].body", equalTo("Un"))
                .body("messages[0].date_created", org.hamcrest.Matchers.matchesPattern(
                        "[A-Z][a-z]{2}, \\d{2} [A-Z][a-z]{2} \\d{4} \\d{2}:\\d{2}:\\d{2} \\+0000"));
    }

    @Test
    void inboundMessageCarriesTheFullParameterSetAndItsMediaNeedsBasicAuth() {
        byte[] photo = new byte[] { (byte) 0x89, 'P', 'N', 'G', 1, 2 };
        given().multiPart("phone", "+2250701020304").multiPart("name", "Aya Kouassi")
                .multiPart(new MultiPartSpecBuilder("Voici mon relevé").controlName("body").charset("UTF-8").build())
                .multiPart("file", "releve.png", photo, "image/png")
                .post("/phone/api/messages").then().statusCode(200);

        await().atMost(Duration.ofSeconds(10)).until(() -> !received(Receiver.TWILIO_MESSAGES).isEmpty());
        Map<String, String> p = received(Receiver.TWILIO_MESSAGES).get(0);
        assertThat(p.get("MessageSid")).matches("MM[0-9a-f]{32}");
        assertThat(p).containsEntry("SmsSid", p.get("MessageSid")).containsEntry("SmsMessageSid", p.get("MessageSid"))
                .containsEntry("From", AYA).containsEntry("To", FROM).containsEntry("WaId", "2250701020304")
                .containsEntry("ProfileName", "Aya Kouassi").containsEntry("Body", "Voici mon relevé")
                .containsEntry("NumMedia", "1").containsEntry("MediaContentType0", "image/png")
                .containsEntry("SmsStatus", "received").containsEntry("AccountSid", SID)
                .containsEntry("ApiVersion", "2010-04-01").containsEntry("MessageType", "image")
                .containsEntry("NumSegments", "1").containsEntry("ReferralNumMedia", "0");
        assertThat(p.get("ChannelMetadata")).contains("\"WaId\":\"2250701020304\"");
        String mediaPath = URI.create(p.get("MediaUrl0")).getPath();
        given().get(mediaPath).then().statusCode(401);
        assertThat(given().auth().preemptive().basic(SID, TOKEN).get(mediaPath).then().statusCode(200).extract()
                .asByteArray()).isEqualTo(photo);
    }

    @Test
    void handoffPostsTheStudioFieldsAndTheExecutionEndsThroughTheSdk() {
        given().contentType(ContentType.JSON).body(Map.of("from", "+2250505060708", "name", "Jean-Marc Konan",
                "body", "Je veux un conseiller", "motif", "paiement")).post("/sandbox/admin/handoff").then()
                .statusCode(200);
        await().atMost(Duration.ofSeconds(10)).until(() -> !received(Receiver.STUDIO_HANDOFF).isEmpty());
        Map<String, String> p = received(Receiver.STUDIO_HANDOFF).get(0);
        assertThat(p).containsEntry("from", "whatsapp:+2250505060708").containsEntry("body", "Je veux un conseiller")
                .containsEntry("name", "Jean-Marc Konan").containsEntry("motif", "paiement")
                .containsEntry("flow_sid", FLOW);
        String executionSid = p.get("execution_sid");
        assertThat(executionSid).matches("FN[0-9a-f]{32}");

        assertThat(Execution.fetcher(FLOW, executionSid).fetch(client).getStatus()).isEqualTo(Execution.Status.ACTIVE);
        Execution ended = Execution.updater(FLOW, executionSid, Execution.Status.ENDED).update(client);
        assertThat(ended.getStatus()).isEqualTo(Execution.Status.ENDED);
        assertThat(Execution.reader(FLOW).setStatus(Execution.Status.ACTIVE).read(client)).isEmpty();

        Execution created = Execution.creator(FLOW, new PhoneNumber("whatsapp:+2250505060708"),
                new PhoneNumber(FROM)).create(client);
        assertThat(created.getStatus()).isEqualTo(Execution.Status.ACTIVE);
        assertThatThrownBy(() -> Execution.updater(FLOW, "FN" + "0".repeat(32), Execution.Status.ENDED).update(client))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getStatusCode()).isEqualTo(404));
        assertThat(authToken).isEqualTo(TOKEN);
    }
}
