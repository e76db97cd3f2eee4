package com.yeswechange.whatsapp.chatwoot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.yeswechange.whatsapp.chatwoot.dto.ConversationDTO;
import com.yeswechange.whatsapp.chatwoot.dto.MessageDTO;
import com.yeswechange.whatsapp.testsupport.SpecFiles;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Chatwoot's values on the wire: the REST API's integers and the webhooks' strings read into the same enums. */
class ChatwootEnumsTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest
    @CsvSource({"0, incoming, INCOMING", "1, outgoing, OUTGOING", "2, activity, ACTIVITY", "3, template, TEMPLATE"})
    void messageTypeReadsIntegersAndStrings(int code, String name, MessageType expected) throws Exception {
        assertThat(JSON.readValue(Integer.toString(code), MessageType.class)).isEqualTo(expected);
        assertThat(JSON.readValue("\"" + name + "\"", MessageType.class)).isEqualTo(expected);
        assertThat(JSON.readValue("\"" + code + "\"", MessageType.class)).isEqualTo(expected);
        assertThat(expected.code()).isEqualTo(code);
        assertThat(JSON.writeValueAsString(expected)).isEqualTo("\"" + name + "\"");
    }

    @Test
    void anUnknownMessageTypeIsRefused() {
        assertThatThrownBy(() -> MessageType.fromJson(7)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MessageType.fromJson("broadcast")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void webhookMessagesReadIntoTheSameDto() throws Exception {
        MessageDTO incoming = JSON.readValue(SpecFiles.text("chatwoot/examples/message_created_incoming.json"),
                MessageDTO.class);
        MessageDTO note = JSON.readValue(SpecFiles.text("chatwoot/examples/message_created_private_note.json"),
                MessageDTO.class);
        JsonNode outgoing = JSON.readTree(SpecFiles.text("chatwoot/examples/message_created_outgoing.json"));
        ConversationDTO conversation = JSON.treeToValue(outgoing.get("conversation"), ConversationDTO.class);

        assertThat(incoming.messageType()).isEqualTo(MessageType.INCOMING);
        assertThat(incoming.createdAt()).isEqualTo(Instant.parse("2026-06-17T08:55:41.276Z"));
        assertThat(incoming.sourceId()).isEqualTo("SM690bb523a71ca11f3dbb0bff4db793a6");
        assertThat(note.messageType()).isEqualTo(MessageType.OUTGOING);
        assertThat(note.internalNote()).isTrue();
        assertThat(conversation.messages().getFirst().messageType()).isEqualTo(MessageType.OUTGOING); // an integer
    }

    @ParameterizedTest
    @CsvSource({"open, OPEN", "pending, PENDING", "resolved, RESOLVED", "snoozed, SNOOZED", "all, ALL"})
    void conversationStatusesRoundTrip(String wire, ConversationStatus status) throws Exception {
        assertThat(JSON.readValue("\"" + wire + "\"", ConversationStatus.class)).isEqualTo(status);
        assertThat(JSON.writeValueAsString(status)).isEqualTo("\"" + wire + "\"");
        assertThat(status).hasToString(wire); // what @QueryParam sends
    }

    @ParameterizedTest
    @CsvSource({"me, ME", "unassigned, UNASSIGNED", "all, ALL", "assigned, ASSIGNED"})
    void assigneeTypesRoundTrip(String wire, AssigneeType type) throws Exception {
        assertThat(JSON.readValue("\"" + wire + "\"", AssigneeType.class)).isEqualTo(type);
        assertThat(JSON.writeValueAsString(type)).isEqualTo("\"" + wire + "\"");
        assertThat(type).hasToString(wire);
    }
}
