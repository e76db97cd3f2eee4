package com.yeswechange.whatsapp.handoff.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.yeswechange.whatsapp.events.InboundEvent;
import com.yeswechange.whatsapp.events.StatusEvent;
import com.yeswechange.whatsapp.testsupport.SpecFiles;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TwilioEventsTest {

    private static final Instant NOW = Instant.parse("2026-06-17T08:55:41Z");

    @Test
    void inboundTextBecomesACustomerMessageKeyedByPhone() {
        InboundEvent event = TwilioEvents.message(form("inbound_text.form"), NOW);

        assertThat(event.kind()).isEqualTo(InboundEvent.Kind.MESSAGE);
        assertThat(event.messageSid()).isEqualTo("SM690bb523a71ca11f3dbb0bff4db793a6");
        assertThat(event.customerPhone()).isEqualTo("+2250701020304");
        assertThat(event.from()).isEqualTo("whatsapp:+2250701020304");
        assertThat(event.to()).isEqualTo("whatsapp:+2252722405060");
        assertThat(event.profileName()).isEqualTo("Aya Kouassi");
        assertThat(event.body()).isEqualTo(
                "Bonjour, je n'ai toujours pas reçu le remboursement de ma facture de mai. Pouvez-vous m'aider ?");
        assertThat(event.media()).isEmpty();
        assertThat(event.location()).isNull();
        assertThat(event.receivedAt()).isEqualTo(NOW);
    }

    @Test
    void inboundImageCarriesItsMedia() {
        InboundEvent event = TwilioEvents.message(form("inbound_image.form"), NOW);

        assertThat(event.messageType()).isEqualTo("image");
        assertThat(event.media()).containsExactly(new InboundEvent.Media(
                "https://api.twilio.com/2010-04-01/Accounts/AC39921c4800568151c46ef9cc4c2e5d50/Messages/"
                        + "MM9737f93564ef2f85306f58963a0b9a47/Media/ME2efb51ee449e99386f54d7ffafb73091",
                "image/jpeg"));
        assertThat(event.body()).startsWith("Voici la capture");
    }

    @Test
    void inboundLocationCarriesItsCoordinates() {
        InboundEvent event = TwilioEvents.message(form("inbound_location.form"), NOW);

        assertThat(event.body()).isEmpty();
        assertThat(event.location().latitude()).isEqualTo(5.325225830078);
        assertThat(event.location().longitude()).isEqualTo(-4.019745349884);
        assertThat(event.location().address()).isNull();
    }

    @Test
    void statusCallbacksCarryTheCustomerAndToleratesMissingFields() {
        StatusEvent sent = TwilioEvents.status(form("status_sent.form"),
                Map.of("chatwoot_conversation_id", "27", "chatwoot_message_id", "1203"), NOW);
        assertThat(sent.messageSid()).isEqualTo("SM7ede306031e7c73b0e46f2bb4e9dac03");
        assertThat(sent.status()).isEqualTo("sent");
        assertThat(sent.to()).isEqualTo("whatsapp:+2250701020304");
        assertThat(sent.chatwootConversationId()).isEqualTo(27L);
        assertThat(sent.chatwootMessageId()).isEqualTo(1203L);
        assertThat(sent.errorCode()).isNull();

        StatusEvent failed = TwilioEvents.status(form("status_failed_63016.form"), Map.of(), NOW);
        assertThat(failed.status()).isEqualTo("failed");
        assertThat(failed.errorCode()).isEqualTo("63016");
        assertThat(failed.errorMessage()).as("Twilio sends none with 63016").isNull();
        assertThat(failed.chatwootConversationId()).isNull();

        StatusEvent bare = TwilioEvents.status(Map.of("MessageSid", "SM1"), Map.of("chatwoot_message_id", "x"), NOW);
        assertThat(bare.status()).isNull();
        assertThat(bare.to()).isNull();
        assertThat(bare.chatwootMessageId()).isNull();
        assertThatThrownBy(() -> TwilioEvents.status(Map.of("MessageStatus", "sent"), Map.of(), NOW))
                .isInstanceOf(MalformedWebhookException.class);
    }

    @Test
    void studioHandoffFormAndJsonGiveTheSameRecordWithTheBotContext() throws Exception {
        byte[] formBody = SpecFiles.bytes("twilio/examples/studio_handoff.form");
        byte[] jsonBody = SpecFiles.bytes("twilio/examples/studio_handoff.json");
        Map<String, String> jsonFields = new LinkedHashMap<>();
        new ObjectMapper().readTree(jsonBody).fields()
                .forEachRemaining(field -> jsonFields.put(field.getKey(), field.getValue().asText()));

        InboundEvent fromForm = TwilioEvents.handoff(FormBody.parse(formBody), null, formBody, NOW);
        InboundEvent fromJson = TwilioEvents.handoff(jsonFields, null, jsonBody, NOW);

        assertThat(fromForm).isEqualTo(fromJson);
        assertThat(fromForm.kind()).isEqualTo(InboundEvent.Kind.HANDOFF);
        assertThat(fromForm.messageSid()).isEqualTo("studio:FN595921b6fb78b4aaff35aa5daa6f5094");
        assertThat(fromForm.customerPhone()).isEqualTo("+2250701020304");
        assertThat(fromForm.profileName()).isEqualTo("Aya Kouassi");
        assertThat(fromForm.body()).isEqualTo("Bonjour, j'ai un problème avec le remboursement de ma facture.");
        assertThat(fromForm.botContext()).containsExactlyInAnyOrderEntriesOf(
                Map.of("motif", "remboursement", "numero_client", "CI-204518"));
        assertThat(fromForm.studioFlowSid()).isEqualTo("FW96dd11d29ddcc9c4841741aabb158824");
        assertThat(fromForm.studioExecutionSid()).isEqualTo("FN595921b6fb78b4aaff35aa5daa6f5094");
    }

    @Test
    void aHandoffWithoutExecutionGetsAStableIdFromTheIdempotencyTokenOrTheBody() {
        Map<String, String> fields = Map.of("from", "whatsapp:+2250700000001", "body", "Allô");
        byte[] raw = "from=whatsapp%3A%2B2250700000001&body=All%C3%B4".getBytes(StandardCharsets.UTF_8);

        assertThat(TwilioEvents.handoff(fields, "tok-1", raw, NOW).messageSid()).isEqualTo("studio:tok-1");
        assertThat(TwilioEvents.handoff(fields, null, raw, NOW).messageSid())
                .isEqualTo(TwilioEvents.handoff(fields, null, raw, NOW.plusSeconds(9)).messageSid())
                .isNotEqualTo(TwilioEvents.handoff(fields, null, "other".getBytes(StandardCharsets.UTF_8), NOW)
                        .messageSid());
        assertThatThrownBy(() -> TwilioEvents.handoff(Map.of("body", "x"), null, raw, NOW))
                .isInstanceOf(MalformedWebhookException.class).hasMessageContaining("from");
    }

    @Test
    void theCustomerIsTheE164NumberEvenWhenFromIsAWhatsAppUserId() {
        assertThat(TwilioEvents.customerPhone("whatsapp:+2250701020304", null)).isEqualTo("+2250701020304");
        assertThat(TwilioEvents.customerPhone("whatsapp:CI.1a2b3c", "2250701020304")).isEqualTo("+2250701020304");
        assertThat(TwilioEvents.customerPhone("whatsapp:CI.1a2b3c", null)).isEqualTo("CI.1a2b3c");
    }

    @Test
    void malformedFormsAreRefused() {
        assertThatThrownBy(() -> FormBody.parse("Body=%zz".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(MalformedWebhookException.class);
        assertThatThrownBy(() -> FormBody.parse("To=a&To=b".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(MalformedWebhookException.class).hasMessageContaining("repeated");
        assertThatThrownBy(() -> TwilioEvents.message(Map.of("From", "whatsapp:+2250700000001"), NOW))
                .isInstanceOf(MalformedWebhookException.class);
        assertThat(FormBody.parse("Body=&Empty".getBytes(StandardCharsets.UTF_8)))
                .containsExactly(Map.entry("Body", ""), Map.entry("Empty", ""));
    }

    private static Map<String, String> form(String file) {
        return FormBody.parse(SpecFiles.bytes("twilio/examples/" + file));
    }
}
