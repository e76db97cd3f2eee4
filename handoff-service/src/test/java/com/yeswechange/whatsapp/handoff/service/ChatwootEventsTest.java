package com.yeswechange.whatsapp.handoff.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.yeswechange.whatsapp.events.ChatwootEvent;
import com.yeswechange.whatsapp.events.EventJson;
import com.yeswechange.whatsapp.testsupport.SpecFiles;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Normalization of the byte-exact Chatwoot v4.15.1 payloads in specs/chatwoot/examples. */
class ChatwootEventsTest {

    private static final Instant NOW = Instant.parse("2026-06-17T09:00:00Z");

    @Test
    void incomingMessage() throws Exception {
        ChatwootEvent event = normalize("message_created_incoming.json");

        assertThat(event.event()).isEqualTo(ChatwootEvent.MESSAGE_CREATED);
        assertThat(event.deliveryId()).isEqualTo("d-1");
        assertThat(event.accountId()).isEqualTo(1L);
        assertThat(event.inboxId()).isEqualTo(3L);
        assertThat(event.conversationId()).isEqualTo(27L);
        assertThat(event.conversationStatus()).isEqualTo("open");
        assertThat(event.assigneeId()).isNull();
        assertThat(event.message().id()).isEqualTo(1201L);
        assertThat(event.message().isIncoming()).isTrue();
        assertThat(event.message().privateNote()).isFalse();
        assertThat(event.message().sourceId()).isEqualTo("SM690bb523a71ca11f3dbb0bff4db793a6");
        assertThat(event.message().senderType()).isEqualTo("Contact");
        assertThat(event.message().senderId()).isEqualTo(42L);
        assertThat(event.message().createdAt()).isEqualTo(Instant.parse("2026-06-17T08:55:41.276Z"));
        assertThat(event.contact()).isEqualTo(
                new ChatwootEvent.Contact(42L, "Aya Kouassi", "+2250701020304", "whatsapp:+2250701020304"));
        assertThat(event.occurredAt()).isEqualTo(event.message().createdAt());
        assertThat(event.receivedAt()).isEqualTo(NOW);
    }

    @Test
    void outgoingReplyWithAnAttachment() throws Exception {
        ChatwootEvent event = normalize("message_created_outgoing_with_attachment.json");

        assertThat(event.message().isOutgoing()).isTrue();
        assertThat(event.message().privateNote()).isFalse();
        assertThat(event.message().senderType()).isEqualTo("User");
        assertThat(event.message().senderId()).isEqualTo(3L);
        assertThat(event.message().attachments()).hasSize(1);
        assertThat(event.message().attachments().get(0).fileType()).isEqualTo("image");
        assertThat(event.message().attachments().get(0).dataUrl()).contains("/rails/active_storage/blobs/");
        assertThat(event.assigneeId()).isEqualTo(3L);
    }

    @Test
    void privateNoteIsMarkedPrivate() throws Exception {
        ChatwootEvent event = normalize("message_created_private_note.json");

        assertThat(event.message().isOutgoing()).isTrue();
        assertThat(event.message().privateNote()).isTrue();
    }

    @Test
    void messageUpdatedTakesTheStatusFromTheConversationsCopy() throws Exception {
        ChatwootEvent event = normalize("message_updated_status_failed.json");

        assertThat(event.event()).isEqualTo(ChatwootEvent.MESSAGE_UPDATED);
        assertThat(event.message().id()).isEqualTo(1207L);
        assertThat(event.message().status()).isEqualTo("failed");
    }

    @Test
    void conversationEvents() throws Exception {
        ChatwootEvent resolved = normalize("conversation_status_changed_resolved.json");
        assertThat(resolved.event()).isEqualTo(ChatwootEvent.CONVERSATION_STATUS_CHANGED);
        assertThat(resolved.conversationId()).isEqualTo(27L);
        assertThat(resolved.inboxId()).isEqualTo(3L);
        assertThat(resolved.conversationStatus()).isEqualTo("resolved");
        assertThat(resolved.message()).isNull();
        assertThat(resolved.contact().phoneNumber()).isEqualTo("+2250701020304");
        assertThat(resolved.occurredAt()).isEqualTo(Instant.ofEpochMilli(1781775771377L));

        ChatwootEvent assigned = normalize("conversation_updated_assignee.json");
        assertThat(assigned.assigneeId()).isEqualTo(3L);

        ChatwootEvent created = normalize("conversation_created.json");
        assertThat(created.conversationId()).isEqualTo(27L);
    }

    @Test
    void theNormalizedRecordRoundTripsThroughTheContract() throws Exception {
        ChatwootEvent event = normalize("message_created_outgoing.json");

        assertThat(EventJson.read(EventJson.write(event), ChatwootEvent.class)).isEqualTo(event);
    }

    @Test
    void eventsWithoutAConversationAreNotForTheServices() throws Exception {
        JsonNode contactCreated = new ObjectMapper().readTree(
                "{\"event\":\"contact_created\",\"id\":42,\"name\":\"Aya\",\"account\":{\"id\":1}}");

        assertThat(ChatwootEvents.normalize(contactCreated, "d", NOW)).isNull();
        assertThatThrownBy(() -> ChatwootEvents.normalize(new ObjectMapper().readTree("[1]"), "d", NOW))
                .isInstanceOf(MalformedWebhookException.class);
        assertThatThrownBy(() -> ChatwootEvents.normalize(new ObjectMapper().readTree("{\"id\":1}"), "d", NOW))
                .isInstanceOf(MalformedWebhookException.class);
    }

    private static ChatwootEvent normalize(String file) throws Exception {
        JsonNode root = new ObjectMapper().readTree(SpecFiles.bytes("chatwoot/examples/" + file));
        return ChatwootEvents.normalize(root, "d-1", NOW);
    }
}
