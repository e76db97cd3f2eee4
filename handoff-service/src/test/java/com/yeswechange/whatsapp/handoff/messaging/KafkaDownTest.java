package com.yeswechange.whatsapp.handoff.messaging;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import com.yeswechange.whatsapp.handoff.FakeChatwoot;
import com.yeswechange.whatsapp.handoff.Signers;
import com.yeswechange.whatsapp.testsupport.KafkaBrokerResource;
import com.yeswechange.whatsapp.testsupport.SpecFiles;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** With no broker answering, no webhook is ever answered 2xx: 503, within the bounded write timeout. */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(FakeChatwoot.class)
@TestProfile(KafkaDownTest.DeadBroker.class)
class KafkaDownTest {

    /** Every channel of the service points at a port where nothing listens. */
    public static class DeadBroker implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            String dead = "127.0.0.1:" + freePort();
            Map<String, String> config = new HashMap<>();
            for (String channel : List.of("whatsapp-inbound-out", "whatsapp-status-out", "chatwoot-events-out")) {
                String prefix = "mp.messaging.outgoing." + channel + ".";
                config.put(prefix + "bootstrap.servers", dead);
                config.put(prefix + "max.block.ms", "1500");
                config.put(prefix + "request.timeout.ms", "1000");
                config.put(prefix + "delivery.timeout.ms", "1500");
            }
            config.put("mp.messaging.incoming.whatsapp-inbound-in.bootstrap.servers", dead);
            config.put("handoff.kafka-write-timeout", "2S");
            return config;
        }
    }

    @Test
    void twilioWebhooksAre503() {
        given().contentType("application/x-www-form-urlencoded")
                .header("X-Twilio-Signature", SpecFiles.text("twilio/examples/inbound_text.form.sig.txt"))
                .body(SpecFiles.text("twilio/examples/inbound_text.form"))
                .when().post("/api/webhooks/twilio/messages")
                .then().statusCode(503)
                .header("Retry-After", notNullValue())
                .body("reason", equalTo("kafka_unavailable"));

        given().contentType("application/x-www-form-urlencoded")
                .header("X-Twilio-Signature", SpecFiles.text("twilio/examples/studio_handoff.form.sig.txt"))
                .body(SpecFiles.text("twilio/examples/studio_handoff.form"))
                .when().post("/api/webhooks/twilio/handoff")
                .then().statusCode(503);

        given().contentType("application/x-www-form-urlencoded")
                .header("X-Twilio-Signature", SpecFiles.text("twilio/examples/status_read.form.sig.txt"))
                .body(SpecFiles.text("twilio/examples/status_read.form"))
                .when().post("/api/webhooks/twilio/status")
                .then().statusCode(503);
    }

    @Test
    void chatwootWebhooksAre503AndTheDeliveryMayBeSentAgain() {
        byte[] body = SpecFiles.bytes("chatwoot/examples/message_created_outgoing.json");
        String delivery = UUID.randomUUID().toString();
        for (int attempt = 0; attempt < 2; attempt++) {
            String ts = Long.toString(Instant.now().getEpochSecond());
            given().contentType("application/json")
                    .header("X-Chatwoot-Delivery", delivery)
                    .header("X-Chatwoot-Timestamp", ts)
                    .header("X-Chatwoot-Signature", Signers.chatwoot(ts, body))
                    .body(body)
                    .when().post("/api/webhooks/chatwoot")
                    .then().statusCode(503).body("reason", equalTo("kafka_unavailable"));
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
