package com.yeswechange.whatsapp.chatwoot;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aMultipart;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.havingExactly;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.yeswechange.whatsapp.chatwoot.CannedAnswers.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import com.yeswechange.whatsapp.chatwoot.dto.AttachmentUpload;
import com.yeswechange.whatsapp.chatwoot.dto.ConversationQuery;
import com.yeswechange.whatsapp.chatwoot.dto.CreateContactRequest;
import com.yeswechange.whatsapp.chatwoot.dto.CreateConversationRequest;
import com.yeswechange.whatsapp.chatwoot.dto.CreateMessageRequest;
import com.yeswechange.whatsapp.chatwoot.dto.FilterCondition;
import com.yeswechange.whatsapp.chatwoot.dto.ReportQuery;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every ChatwootClient method against a WireMock Chatwoot: the request it sends and how it reads the answer. */
@QuarkusTest
@QuarkusTestResource(ChatwootWireMock.class)
class ChatwootClientTest {

    static final String ACCOUNT = "/api/v1/accounts/7";
    static final String REPORTS = "/api/v2/accounts/7";
    static final UserToken AGENT = UserToken.of("agent2-token");

    @ChatwootWireMock.Server
    WireMockServer chatwoot;

    @Inject
    ChatwootClient client;

    @BeforeEach
    void reset() {
        chatwoot.resetAll();
        CircuitBreakerMaintenance.get().resetAll();
    }

    /** Exactly one request reached Chatwoot, and it matches. */
    private void verifyOnly(RequestPatternBuilder request) {
        chatwoot.verify(1, request);
        chatwoot.verify(1, WireMock.anyRequestedFor(WireMock.anyUrl()));
    }

    private static RequestPatternBuilder asAccount(RequestPatternBuilder request) {
        return request.withHeader(ChatwootApi.TOKEN_HEADER, equalTo("account-token"));
    }

    private static RequestPatternBuilder asAgent(RequestPatternBuilder request) {
        return request.withHeader(ChatwootApi.TOKEN_HEADER, equalTo("agent2-token"));
    }

    // ---------------------------------------------------------------- conversations

    @Test
    void listsConversationsWithEveryFilter() {
        chatwoot.stubFor(get(urlPathEqualTo(ACCOUNT + "/conversations")).willReturn(ok("conversations-list")));

        var page = client.listConversations(ConversationQuery.of(ConversationStatus.OPEN, AssigneeType.UNASSIGNED)
                .withInboxId(3L).withTeamId(1L).withLabels(List.of("carte-bancaire", "urgent")).withQ("carte")
                .withSourceId("whatsapp:+2250701020304").withConversationType("unattended")
                .withSortBy("waiting_since_asc").withPage(2));

        verifyOnly(asAccount(getRequestedFor(urlPathEqualTo(ACCOUNT + "/conversations")))
                .withQueryParam("status", equalTo("open"))
                .withQueryParam("assignee_type", equalTo("unassigned"))
                .withQueryParam("inbox_id", equalTo("3"))
                .withQueryParam("team_id", equalTo("1"))
                .withQueryParam("labels[]", havingExactly("carte-bancaire", "urgent"))
                .withQueryParam("q", equalTo("carte"))
                .withQueryParam("source_id", equalTo("whatsapp:+2250701020304"))
                .withQueryParam("conversation_type", equalTo("unattended"))
                .withQueryParam("sort_by", equalTo("waiting_since_asc"))
                .withQueryParam("page", equalTo("2")));
        assertThat(page.meta().mineCount()).isEqualTo(1);
        assertThat(page.meta().assignedCount()).isEqualTo(1);
        assertThat(page.meta().unassignedCount()).isEqualTo(1);
        assertThat(page.meta().allCount()).isEqualTo(2);
        assertThat(page.payload()).extracting(c -> c.id()).containsExactly(27L, 28L);
        var first = page.payload().getFirst();
        assertThat(first.status()).isEqualTo(ConversationStatus.OPEN);
        assertThat(first.priority()).isEqualTo(ConversationPriority.HIGH);
        assertThat(first.meta().sender().phoneNumber()).isEqualTo("+2250701020304");
        assertThat(first.meta().assignee().id()).isEqualTo(3);
        assertThat(first.meta().team().name()).isEqualTo("support");
        assertThat(first.updatedAt()).isEqualTo(Instant.parse("2026-06-17T08:59:21.633451Z"));
        assertThat(first.messages().getFirst().messageType()).isEqualTo(MessageType.OUTGOING);
        assertThat(page.payload().get(1).meta().assignee()).isNull();
        assertThat(page.payload().get(1).waitingSince()).isEqualTo(Instant.ofEpochSecond(1781687000));
    }

    @Test
    void sendsNoFilterThatIsNotSet() {
        chatwoot.stubFor(get(urlPathEqualTo(ACCOUNT + "/conversations")).willReturn(ok("conversations-list")));

        client.listConversations(AGENT, ConversationQuery.all());

        verifyOnly(asAgent(getRequestedFor(urlPathEqualTo(ACCOUNT + "/conversations")))
                .withQueryParam("status", absent()).withQueryParam("assignee_type", absent())
                .withQueryParam("page", absent()).withQueryParam("labels[]", absent()));
    }

    @Test
    void readsTheTabCounts() {
        chatwoot.stubFor(get(urlPathEqualTo(ACCOUNT + "/conversations/meta")).willReturn(ok("conversations-meta")));

        var counts = client.conversationCounts(AGENT, ConversationQuery.of(ConversationStatus.ALL, AssigneeType.ME)
                .withInboxId(3L));

        verifyOnly(asAgent(getRequestedFor(urlPathEqualTo(ACCOUNT + "/conversations/meta")))
                .withQueryParam("status", equalTo("all")).withQueryParam("assignee_type", equalTo("me"))
                .withQueryParam("inbox_id", equalTo("3")));
        assertThat(counts.mineCount()).isEqualTo(1);
        assertThat(counts.allCount()).isEqualTo(2);
    }

    @Test
    void filtersConversations() {
        chatwoot.stubFor(post(urlPathEqualTo(ACCOUNT + "/conversations/filter")).willReturn(ok("conversations-filter")));

        var page = client.filterConversations(List.of(FilterCondition.equalTo("status", "pending").and(),
                FilterCondition.equalTo("inbox_id", "3")), 1);

        verifyOnly(asAccount(postRequestedFor(urlPathEqualTo(ACCOUNT + "/conversations/filter")))
                .withQueryParam("page", equalTo("1"))
                .withRequestBody(equalToJson("""
                        {"payload":[
                          {"attribute_key":"status","filter_operator":"equal_to","values":["pending"],"query_operator":"AND"},
                          {"attribute_key":"inbox_id","filter_operator":"equal_to","values":["3"],"query_operator":null}]}""")));
        assertThat(page.meta().unassignedCount()).isEqualTo(1);
        assertThat(page.meta().assignedCount()).isNull();
        assertThat(page.payload()).singleElement().satisfies(c -> {
            assertThat(c.id()).isEqualTo(28);
            assertThat(c.status()).isEqualTo(ConversationStatus.PENDING);
            assertThat(c.messages().getFirst().messageType()).isEqualTo(MessageType.INCOMING);
        });
    }

    @Test
    void getsOneConversation() {
        chatwoot.stubFor(get(ACCOUNT + "/conversations/27").willReturn(ok("conversation")));

        var conversation = client.getConversation(AGENT, 27);

        verifyOnly(asAgent(getRequestedFor(urlPathEqualTo(ACCOUNT + "/conversations/27"))));
        assertThat(conversation.status()).isEqualTo(ConversationStatus.SNOOZED);
        assertThat(conversation.snoozedUntil()).isEqualTo(Instant.parse("2026-06-18T08:00:00Z"));
        assertThat(conversation.labels()).containsExactly("carte-bancaire");
        assertThat(conversation.canReply()).isTrue();
        assertThat(conversation.lastNonActivityMessage().id()).isEqualTo(1203);
    }

    @Test
    void createsAConversation() {
        chatwoot.stubFor(post(ACCOUNT + "/conversations").willReturn(ok("conversation-created")));

        var created = client.createConversation(new CreateConversationRequest("whatsapp:+2250701020304", 3L, 42L,
                ConversationStatus.PENDING, null, 1L, null, Map.of("channel", "whatsapp"), null));

        verifyOnly(asAccount(postRequestedFor(urlPathEqualTo(ACCOUNT + "/conversations"))).withRequestBody(
                equalToJson("""
                        {"source_id":"whatsapp:+2250701020304","inbox_id":3,"contact_id":42,"status":"pending",
                         "team_id":1,"additional_attributes":{"channel":"whatsapp"}}""")));
        assertThat(created.id()).isEqualTo(29);
        assertThat(created.inboxId()).isEqualTo(3);
    }

    @Test
    void sendsACreatedConversationsSnoozeAsADateTime() {
        chatwoot.stubFor(post(ACCOUNT + "/conversations").willReturn(ok("conversation-created")));

        client.createConversation(AGENT, new CreateConversationRequest("whatsapp:+2250701020304", null, null, null,
                3L, null, Instant.parse("2026-06-18T08:00:00Z"), null, null));

        verifyOnly(asAgent(postRequestedFor(urlPathEqualTo(ACCOUNT + "/conversations"))).withRequestBody(
                equalToJson("""
                        {"source_id":"whatsapp:+2250701020304","assignee_id":3,"snoozed_until":"2026-06-18T08:00:00Z"}""")));
    }

    @Test
    void snoozesUntilATime() {
        chatwoot.stubFor(post(ACCOUNT + "/conversations/27/toggle_status").willReturn(ok("toggle-status")));

        var result = client.toggleStatus(AGENT, 27, ConversationStatus.SNOOZED, Instant.parse("2026-06-18T08:00:00Z"));

        verifyOnly(asAgent(postRequestedFor(urlPathEqualTo(ACCOUNT + "/conversations/27/toggle_status")))
                .withRequestBody(equalToJson("{\"status\":\"snoozed\",\"snoozed_until\":1781769600}")));
        assertThat(result.success()).isTrue();
        assertThat(result.conversationId()).isEqualTo(27);
        assertThat(result.currentStatus()).isEqualTo(ConversationStatus.SNOOZED);
        assertThat(result.snoozedUntil()).isEqualTo(Instant.parse("2026-06-18T08:00:00Z"));
    }

    @Test
    void resolvesAndTogglesWithoutAStatus() {
        chatwoot.stubFor(post(ACCOUNT + "/conversations/27/toggle_status").willReturn(ok("toggle-status")));

        client.toggleStatus(27, ConversationStatus.RESOLVED, null);
        client.toggleStatus(27, null, null);

        chatwoot.verify(asAccount(postRequestedFor(urlPathEqualTo(ACCOUNT + "/conversations/27/toggle_status")))
                .withRequestBody(equalToJson("{\"status\":\"resolved\"}")));
        chatwoot.verify(postRequestedFor(urlPathEqualTo(ACCOUNT + "/conversations/27/toggle_status"))
                .withRequestBody(equalToJson("{}")));
    }

    @Test
    void refusesStatusesThatCannotBeSet() {
        assertThatThrownBy(() -> client.toggleStatus(27, ConversationStatus.ALL, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> client.toggleStatus(27, ConversationStatus.OPEN, Instant.now()))
                .isInstanceOf(IllegalArgumentException.class);
        chatwoot.verify(0, WireMock.anyRequestedFor(WireMock.anyUrl()));
    }

    @Test
    void setsAndClearsThePriority() {
        chatwoot.stubFor(post(ACCOUNT + "/conversations/27/toggle_priority").willReturn(aResponse().withStatus(200)));

        client.togglePriority(AGENT, 27, ConversationPriority.URGENT);
        client.togglePriority(27, null);

        chatwoot.verify(asAgent(postRequestedFor(urlPathEqualTo(ACCOUNT + "/conversations/27/toggle_priority")))
                .withRequestBody(equalToJson("{\"priority\":\"urgent\"}")));
        chatwoot.verify(asAccount(postRequestedFor(urlPathEqualTo(ACCOUNT + "/conversations/27/toggle_priority")))
                .withRequestBody(equalToJson("{\"priority\":null}")));
    }

    @Test
    void assignsAnAgent() {
        chatwoot.stubFor(post(ACCOUNT + "/conversations/27/assignments").willReturn(ok("assignment-agent")));

        var agent = client.assignAgent(AGENT, 27, 3L);

        verifyOnly(asAgent(postRequestedFor(urlPathEqualTo(ACCOUNT + "/conversations/27/assignments")))
                .withRequestBody(equalToJson("{\"assignee_id\":3}")));
        assertThat(agent).hasValueSatisfying(a -> {
            assertThat(a.id()).isEqualTo(3);
            assertThat(a.availableName()).isEqualTo("Mariam Traoré");
        });
    }

    @Test
    void unassignsWithANullAssignee() {
        chatwoot.stubFor(post(ACCOUNT + "/conversations/27/assignments").willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("null")));

        var agent = client.assignAgent(27, null);
        client.unassign(AGENT, 27);

        assertThat(agent).isEmpty();
        chatwoot.verify(asAccount(postRequestedFor(urlPathEqualTo(ACCOUNT + "/conversations/27/assignments")))
                .withRequestBody(equalToJson("{\"assignee_id\":null}")));
        chatwoot.verify(asAgent(postRequestedFor(urlPathEqualTo(ACCOUNT + "/conversations/27/assignments")))
                .withRequestBody(equalToJson("{\"assignee_id\":null}")));
    }

    @Test
    void assignsATeamWithoutTouchingTheAgent() {
        chatwoot.stubFor(post(ACCOUNT + "/conversations/27/assignments").willReturn(ok("assignment-team")));

        var team = client.assignTeam(27, 1L);

        verifyOnly(asAccount(postRequestedFor(urlPathEqualTo(ACCOUNT + "/conversations/27/assignments")))
                .withRequestBody(equalToJson("{\"team_id\":1}")));
        assertThat(team).hasValueSatisfying(t -> assertThat(t.name()).isEqualTo("support"));
    }

    @Test
    void readsAndReplacesLabels() {
        chatwoot.stubFor(get(ACCOUNT + "/conversations/27/labels").willReturn(ok("conversation-labels")));
        chatwoot.stubFor(post(ACCOUNT + "/conversations/27/labels").willReturn(ok("conversation-labels")));

        var current = client.conversationLabels(AGENT, 27);
        var replaced = client.setConversationLabels(AGENT, 27, List.of("carte-bancaire", "urgent"));

        assertThat(current).containsExactly("carte-bancaire", "urgent");
        assertThat(replaced).containsExactly("carte-bancaire", "urgent");
        chatwoot.verify(1, asAgent(getRequestedFor(urlPathEqualTo(ACCOUNT + "/conversations/27/labels"))));
        chatwoot.verify(1, asAgent(postRequestedFor(urlPathEqualTo(ACCOUNT + "/conversations/27/labels")))
                .withRequestBody(equalToJson("{\"labels\":[\"carte-bancaire\",\"urgent\"]}")));
    }

    // ---------------------------------------------------------------- messages

    @Test
    void listsMessagesBeforeAndAfterAnId() {
        chatwoot.stubFor(get(urlPathEqualTo(ACCOUNT + "/conversations/27/messages")).willReturn(ok("messages-list")));

        var latest = client.listMessages(27, null, null);
        client.listMessages(AGENT, 27, 1203L, null);
        client.listMessages(27, null, 1202L);

        chatwoot.verify(1, asAccount(getRequestedFor(urlPathEqualTo(ACCOUNT + "/conversations/27/messages")))
                .withQueryParam("before", absent()).withQueryParam("after", absent()));
        chatwoot.verify(1, asAgent(getRequestedFor(urlPathEqualTo(ACCOUNT + "/conversations/27/messages")))
                .withQueryParam("before", equalTo("1203")).withQueryParam("after", absent()));
        chatwoot.verify(1, getRequestedFor(urlPathEqualTo(ACCOUNT + "/conversations/27/messages"))
                .withQueryParam("after", equalTo("1202")).withQueryParam("before", absent()));
        assertThat(latest.payload()).extracting(m -> m.messageType())
                .containsExactly(MessageType.INCOMING, MessageType.OUTGOING);
        var incoming = latest.payload().getFirst();
        assertThat(incoming.sourceId()).isEqualTo("SM5a1e0f0c6b9d4c3e8f7a6b5c4d3e2f10");
        assertThat(incoming.createdAt()).isEqualTo(Instant.ofEpochSecond(1781686700));
        assertThat(incoming.status()).isEqualTo(MessageStatus.SENT);
        assertThat(incoming.sender().name()).isEqualTo("Aya Kouassi");
        assertThat(latest.payload().get(1).sender().type()).isEqualTo("user");
        assertThat(latest.meta().contact().contactInboxes()).singleElement()
                .satisfies(ci -> assertThat(ci.sourceId()).isEqualTo("whatsapp:+2250701020304"));
        assertThat(latest.meta().assignee().id()).isEqualTo(3);
        assertThat(latest.meta().agentLastSeenAt()).isEqualTo(Instant.parse("2026-06-17T08:59:22.012Z"));
    }

    @Test
    void postsACustomersIncomingMessageWithItsTwilioSid() {
        chatwoot.stubFor(post(ACCOUNT + "/conversations/27/messages").willReturn(ok("message-incoming")));

        var message = client.createMessage(27, CreateMessageRequest.incoming("Bonjour, ma carte est bloquée depuis hier.",
                "SM5a1e0f0c6b9d4c3e8f7a6b5c4d3e2f10"));

        verifyOnly(asAccount(postRequestedFor(urlPathEqualTo(ACCOUNT + "/conversations/27/messages")))
                .withHeader("Content-Type", WireMock.containing("application/json"))
                .withRequestBody(equalToJson("""
                        {"content":"Bonjour, ma carte est bloquée depuis hier.","message_type":"incoming",
                         "source_id":"SM5a1e0f0c6b9d4c3e8f7a6b5c4d3e2f10"}""")));
        assertThat(message.id()).isEqualTo(1202);
        assertThat(message.messageType()).isEqualTo(MessageType.INCOMING);
        assertThat(message.sourceId()).isEqualTo("SM5a1e0f0c6b9d4c3e8f7a6b5c4d3e2f10");
    }

    @Test
    void postsAnAgentsReplyAsTheAgentWithEchoIdAndAttributes() {
        chatwoot.stubFor(post(ACCOUNT + "/conversations/27/messages").willReturn(ok("message-outgoing")));

        var message = client.createMessage(AGENT, 27, new CreateMessageRequest(
                "Bonjour Aya, je suis Mariam du service client YesWeChange. Je vérifie votre dossier tout de suite.",
                MessageType.OUTGOING, false, "text", Map.of("in_reply_to", 1202), null,
                "7c1f0d4e-2b9a-4e3c-8d5f-6a1b2c3d4e5f"));

        verifyOnly(asAgent(postRequestedFor(urlPathEqualTo(ACCOUNT + "/conversations/27/messages")))
                .withRequestBody(equalToJson("""
                        {"content":"Bonjour Aya, je suis Mariam du service client YesWeChange. Je vérifie votre dossier tout de suite.",
                         "message_type":"outgoing","private":false,"content_type":"text",
                         "content_attributes":{"in_reply_to":1202},"echo_id":"7c1f0d4e-2b9a-4e3c-8d5f-6a1b2c3d4e5f"}""")));
        assertThat(message.echoId()).isEqualTo("7c1f0d4e-2b9a-4e3c-8d5f-6a1b2c3d4e5f");
        assertThat(message.senderId()).isEqualTo(3);
        assertThat(message.internalNote()).isFalse();
    }

    @Test
    void postsAPrivateNote() {
        chatwoot.stubFor(post(ACCOUNT + "/conversations/27/messages").willReturn(ok("message-outgoing")));

        client.createMessage(27, CreateMessageRequest.privateNote("Envoi WhatsApp échoué : 63016"));

        verifyOnly(postRequestedFor(urlPathEqualTo(ACCOUNT + "/conversations/27/messages")).withRequestBody(
                equalToJson("""
                        {"content":"Envoi WhatsApp échoué : 63016","message_type":"outgoing","private":true}""")));
    }

    @Test
    void postsAttachmentsAsMultipart() {
        chatwoot.stubFor(post(ACCOUNT + "/conversations/27/messages").willReturn(ok("message-with-attachment")));
        byte[] jpeg = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 1, 2, 3};

        var message = client.createMessage(AGENT, 27, new CreateMessageRequest("Voici le reçu", MessageType.INCOMING,
                null, null, Map.of("media", "whatsapp"), "MM0f9e8d7c6b5a49382716f5e4d3c2b1a0", "echo-1"),
                List.of(new AttachmentUpload("recu.jpg", "image/jpeg", jpeg)));

        verifyOnly(asAgent(postRequestedFor(urlPathEqualTo(ACCOUNT + "/conversations/27/messages")))
                .withHeader("Content-Type", WireMock.containing("multipart/form-data"))
                .withRequestBodyPart(aMultipart("content").withBody(equalTo("Voici le reçu")).build())
                .withRequestBodyPart(aMultipart("message_type").withBody(equalTo("incoming")).build())
                .withRequestBodyPart(aMultipart("source_id")
                        .withBody(equalTo("MM0f9e8d7c6b5a49382716f5e4d3c2b1a0")).build())
                .withRequestBodyPart(aMultipart("echo_id").withBody(equalTo("echo-1")).build())
                .withRequestBodyPart(aMultipart("content_attributes")
                        .withBody(equalToJson("{\"media\":\"whatsapp\"}")).build())
                .withRequestBodyPart(aMultipart("attachments[]")
                        .withHeader("Content-Type", equalTo("image/jpeg"))
                        .withHeader("Content-Disposition", WireMock.containing("filename=\"recu.jpg\""))
                        .withBody(WireMock.binaryEqualTo(jpeg)).build()));
        var attachment = message.attachments().getFirst();
        assertThat(attachment.fileType()).isEqualTo("image");
        assertThat(attachment.dataUrl()).endsWith("/recu.jpg");
        assertThat(attachment.fileSize()).isEqualTo(48213);
    }

    @Test
    void refusesMoreAttachmentsThanChatwootTakes() {
        var file = new AttachmentUpload("a.txt", "text/plain", "a".getBytes(StandardCharsets.UTF_8));
        List<AttachmentUpload> sixteen = java.util.Collections.nCopies(ChatwootClient.MAX_ATTACHMENTS + 1, file);

        assertThatThrownBy(() -> client.createMessage(27, CreateMessageRequest.outgoing("x"), sixteen))
                .isInstanceOf(IllegalArgumentException.class);
        chatwoot.verify(0, WireMock.anyRequestedFor(WireMock.anyUrl()));
    }

    @Test
    void patchesADeliveryStatusWithItsError() {
        chatwoot.stubFor(patch(urlPathEqualTo(ACCOUNT + "/conversations/27/messages/1203")).willReturn(ok("message-failed")));

        var message = client.updateMessageStatus(AGENT, 27, 1203, MessageStatus.FAILED,
                "63016: outside the 24h WhatsApp window");
        client.updateMessageStatus(27, 1203, MessageStatus.DELIVERED, null);

        chatwoot.verify(1, asAgent(patchRequestedFor(urlPathEqualTo(ACCOUNT + "/conversations/27/messages/1203")))
                .withRequestBody(equalToJson("""
                        {"status":"failed","external_error":"63016: outside the 24h WhatsApp window"}""")));
        chatwoot.verify(1, asAccount(patchRequestedFor(urlPathEqualTo(ACCOUNT + "/conversations/27/messages/1203")))
                .withRequestBody(equalToJson("{\"status\":\"delivered\"}")));
        assertThat(message.status()).isEqualTo(MessageStatus.FAILED);
        assertThat(message.contentAttributes()).containsEntry("external_error", "63016: outside the 24h WhatsApp window");
    }

    // ---------------------------------------------------------------- contacts

    @Test
    void searchesContacts() {
        chatwoot.stubFor(get(urlPathEqualTo(ACCOUNT + "/contacts/search")).willReturn(ok("contacts-search")));

        var found = client.searchContacts(AGENT, "+2250701020304", 1);

        verifyOnly(asAgent(getRequestedFor(urlPathEqualTo(ACCOUNT + "/contacts/search")))
                .withQueryParam("q", equalTo("+2250701020304")).withQueryParam("page", equalTo("1")));
        assertThat(found.meta().count()).isEqualTo(1);
        assertThat(found.meta().hasMore()).isFalse();
        assertThat(found.payload()).singleElement().satisfies(c -> {
            assertThat(c.id()).isEqualTo(42);
            assertThat(c.email()).isNull();
            assertThat(c.contactInboxes().getFirst().inbox().channelType()).isEqualTo("Channel::Api");
        });
    }

    @Test
    void createsAWhatsAppContactInTheInbox() {
        chatwoot.stubFor(post(ACCOUNT + "/contacts").willReturn(ok("contact-created")));

        var created = client.createContact(CreateContactRequest.whatsApp("Aya Kouassi", "+2250701020304", 3,
                "whatsapp:+2250701020304"));

        verifyOnly(asAccount(postRequestedFor(urlPathEqualTo(ACCOUNT + "/contacts"))).withRequestBody(equalToJson("""
                {"name":"Aya Kouassi","phone_number":"+2250701020304","inbox_id":3,
                 "source_id":"whatsapp:+2250701020304"}""")));
        assertThat(created.contact().id()).isEqualTo(42);
        assertThat(created.contactInbox().sourceId()).isEqualTo("whatsapp:+2250701020304");
        assertThat(created.contactInbox().inbox().id()).isEqualTo(3);
    }

    @Test
    void createsAContactAsAnAgent() {
        chatwoot.stubFor(post(ACCOUNT + "/contacts").willReturn(ok("contact-created")));

        client.createContact(AGENT, new CreateContactRequest("Aya Kouassi", "aya@example.ci", null, "crm-42", null,
                null, null, null, Map.of("segment", "particulier")));

        verifyOnly(asAgent(postRequestedFor(urlPathEqualTo(ACCOUNT + "/contacts"))).withRequestBody(equalToJson("""
                {"name":"Aya Kouassi","email":"aya@example.ci","identifier":"crm-42",
                 "custom_attributes":{"segment":"particulier"}}""")));
    }

    @Test
    void getsAContact() {
        chatwoot.stubFor(get(ACCOUNT + "/contacts/42").willReturn(ok("contact")));

        var contact = client.getContact(42);

        verifyOnly(asAccount(getRequestedFor(urlPathEqualTo(ACCOUNT + "/contacts/42"))));
        assertThat(contact.name()).isEqualTo("Aya Kouassi");
        assertThat(contact.additionalAttributes()).containsEntry("city", "Abidjan");
        assertThat(contact.lastActivityAt()).isEqualTo(Instant.ofEpochSecond(1781686761));
        assertThat(client.getContact(AGENT, 42).id()).isEqualTo(42);
        chatwoot.verify(asAgent(getRequestedFor(urlPathEqualTo(ACCOUNT + "/contacts/42"))));
    }

    @Test
    void listsAContactsConversations() {
        chatwoot.stubFor(get(ACCOUNT + "/contacts/42/conversations").willReturn(ok("contact-conversations")));

        var conversations = client.contactConversations(AGENT, 42);

        verifyOnly(asAgent(getRequestedFor(urlPathEqualTo(ACCOUNT + "/contacts/42/conversations"))));
        assertThat(conversations).singleElement().satisfies(c -> assertThat(c.id()).isEqualTo(27));
        assertThat(client.contactConversations(42)).hasSize(1);
    }

    @Test
    void createsAContactInbox() {
        chatwoot.stubFor(post(ACCOUNT + "/contacts/42/contact_inboxes").willReturn(ok("contact-inbox")));

        var contactInbox = client.createContactInbox(42, 3, "whatsapp:+2250701020304");
        client.createContactInbox(AGENT, 42, 3, null);

        chatwoot.verify(asAccount(postRequestedFor(urlPathEqualTo(ACCOUNT + "/contacts/42/contact_inboxes")))
                .withRequestBody(equalToJson("{\"inbox_id\":3,\"source_id\":\"whatsapp:+2250701020304\"}")));
        chatwoot.verify(asAgent(postRequestedFor(urlPathEqualTo(ACCOUNT + "/contacts/42/contact_inboxes")))
                .withRequestBody(equalToJson("{\"inbox_id\":3}")));
        assertThat(contactInbox.sourceId()).isEqualTo("whatsapp:+2250701020304");
        assertThat(contactInbox.inbox().name()).isEqualTo("WhatsApp YesWeChange");
        assertThat(contactInbox.inbox().provider()).isNull();
    }

    // ---------------------------------------------------------------- account directory

    @Test
    void listsAgents() {
        chatwoot.stubFor(get(ACCOUNT + "/agents").willReturn(ok("agents")));

        var agents = client.listAgents();

        verifyOnly(asAccount(getRequestedFor(urlPathEqualTo(ACCOUNT + "/agents"))));
        assertThat(agents).extracting(a -> a.id(), a -> a.role(), a -> a.availabilityStatus()).containsExactly(
                org.assertj.core.groups.Tuple.tuple(3L, "agent", "online"),
                org.assertj.core.groups.Tuple.tuple(2L, "agent", "busy"),
                org.assertj.core.groups.Tuple.tuple(5L, "administrator", "offline"));
        client.listAgents(AGENT);
        chatwoot.verify(asAgent(getRequestedFor(urlPathEqualTo(ACCOUNT + "/agents"))));
    }

    @Test
    void listsTeams() {
        chatwoot.stubFor(get(ACCOUNT + "/teams").willReturn(ok("teams")));

        var teams = client.listTeams(AGENT);

        verifyOnly(asAgent(getRequestedFor(urlPathEqualTo(ACCOUNT + "/teams"))));
        assertThat(teams).extracting(t -> t.name()).containsExactly("support", "cartes");
        assertThat(teams.get(1).description()).isNull();
        assertThat(client.listTeams()).hasSize(2);
    }

    @Test
    void listsInboxes() {
        chatwoot.stubFor(get(ACCOUNT + "/inboxes").willReturn(ok("inboxes")));

        var inboxes = client.listInboxes();

        verifyOnly(asAccount(getRequestedFor(urlPathEqualTo(ACCOUNT + "/inboxes"))));
        assertThat(inboxes).singleElement().satisfies(i -> {
            assertThat(i.id()).isEqualTo(3);
            assertThat(i.channelType()).isEqualTo("Channel::Api");
        });
        assertThat(client.listInboxes(AGENT)).hasSize(1);
    }

    @Test
    void listsAccountLabels() {
        chatwoot.stubFor(get(ACCOUNT + "/labels").willReturn(ok("labels")));

        var labels = client.listLabels(AGENT);

        verifyOnly(asAgent(getRequestedFor(urlPathEqualTo(ACCOUNT + "/labels"))));
        assertThat(labels).extracting(l -> l.title()).containsExactly("carte-bancaire", "urgent");
        assertThat(labels.getFirst().color()).isEqualTo("#1f93ff");
        assertThat(client.listLabels()).hasSize(2);
    }

    @Test
    void searchesCannedResponses() {
        chatwoot.stubFor(get(urlPathEqualTo(ACCOUNT + "/canned_responses")).willReturn(ok("canned-responses")));

        var found = client.listCannedResponses(AGENT, "bonj");
        client.listCannedResponses(null);

        chatwoot.verify(asAgent(getRequestedFor(urlPathEqualTo(ACCOUNT + "/canned_responses")))
                .withQueryParam("search", equalTo("bonj")));
        chatwoot.verify(asAccount(getRequestedFor(urlPathEqualTo(ACCOUNT + "/canned_responses")))
                .withQueryParam("search", absent()));
        assertThat(found).singleElement().satisfies(c -> {
            assertThat(c.shortCode()).isEqualTo("bonjour");
            assertThat(c.content()).startsWith("Bonjour {{contact.name}}");
        });
    }

    // ---------------------------------------------------------------- v2 reports

    @Test
    void readsAReportTimeseries() {
        chatwoot.stubFor(get(urlPathEqualTo(REPORTS + "/reports")).willReturn(ok("report-timeseries")));
        Instant since = Instant.parse("2026-06-17T00:00:00Z");
        Instant until = Instant.parse("2026-06-19T00:00:00Z");

        var points = client.report(ReportQuery.account(since, until).withMetric("conversations_count")
                .withGroupBy("day"));
        client.report(AGENT, ReportQuery.account(since, until).withMetric("avg_first_response_time")
                .withType("agent", 3L));

        chatwoot.verify(1, asAccount(getRequestedFor(urlPathEqualTo(REPORTS + "/reports")))
                .withQueryParam("metric", equalTo("conversations_count")).withQueryParam("type", equalTo("account"))
                .withQueryParam("since", equalTo("1781654400")).withQueryParam("until", equalTo("1781827200"))
                .withQueryParam("group_by", equalTo("day")).withQueryParam("id", absent()));
        chatwoot.verify(1, asAgent(getRequestedFor(urlPathEqualTo(REPORTS + "/reports")))
                .withQueryParam("metric", equalTo("avg_first_response_time"))
                .withQueryParam("type", equalTo("agent")).withQueryParam("id", equalTo("3")));
        assertThat(points).extracting(p -> p.value()).containsExactly(12.0, 9.0);
        assertThat(points.getFirst().timestamp()).isEqualTo(Instant.ofEpochSecond(1781654400));
    }

    @Test
    void readsTheReportSummary() {
        chatwoot.stubFor(get(urlPathEqualTo(REPORTS + "/reports/summary")).willReturn(ok("report-summary")));

        var summary = client.reportSummary(ReportQuery.account(Instant.ofEpochSecond(1781654400),
                Instant.ofEpochSecond(1781740800)));

        verifyOnly(asAccount(getRequestedFor(urlPathEqualTo(REPORTS + "/reports/summary")))
                .withQueryParam("type", equalTo("account")).withQueryParam("since", equalTo("1781654400"))
                .withQueryParam("until", equalTo("1781740800")));
        assertThat(summary.conversationsCount()).isEqualTo(21);
        assertThat(summary.avgFirstResponseTime()).isEqualTo(312.5);
        assertThat(summary.resolutionsCount()).isEqualTo(17);
        assertThat(summary.previous().conversationsCount()).isEqualTo(18);
        assertThat(summary.previous().avgFirstResponseTime()).isNull();
        client.reportSummary(AGENT, ReportQuery.account(null, null));
        chatwoot.verify(asAgent(getRequestedFor(urlPathEqualTo(REPORTS + "/reports/summary"))));
    }

    @Test
    void readsThePerAgentSummary() {
        chatwoot.stubFor(get(urlPathEqualTo(REPORTS + "/summary_reports/agent")).willReturn(ok("agent-summary")));

        var rows = client.agentSummaryReport(Instant.ofEpochSecond(1781654400), Instant.ofEpochSecond(1781740800));

        verifyOnly(asAccount(getRequestedFor(urlPathEqualTo(REPORTS + "/summary_reports/agent")))
                .withQueryParam("since", equalTo("1781654400")).withQueryParam("until", equalTo("1781740800")));
        assertThat(rows).extracting(r -> r.id()).containsExactly(3L, 2L);
        assertThat(rows.getFirst().resolvedConversationsCount()).isEqualTo(10);
        assertThat(rows.getFirst().avgReplyTime()).isEqualTo(420.75);
        assertThat(rows.get(1).avgResolutionTime()).isNull();
        client.agentSummaryReport(AGENT, Instant.ofEpochSecond(1781654400), Instant.ofEpochSecond(1781740800));
        chatwoot.verify(asAgent(getRequestedFor(urlPathEqualTo(REPORTS + "/summary_reports/agent"))));
    }

    @Test
    void readsTheLiveConversationMetrics() {
        chatwoot.stubFor(get(urlPathEqualTo(REPORTS + "/reports/conversations"))
                .withQueryParam("type", equalTo("account")).willReturn(ok("conversation-metrics")));
        chatwoot.stubFor(get(urlPathEqualTo(REPORTS + "/reports/conversations"))
                .withQueryParam("type", equalTo("agent")).willReturn(ok("agent-conversation-metrics")));

        var account = client.conversationMetrics();
        var perAgent = client.agentConversationMetrics(AGENT);

        chatwoot.verify(1, asAccount(getRequestedFor(urlPathEqualTo(REPORTS + "/reports/conversations")))
                .withQueryParam("type", equalTo("account")));
        chatwoot.verify(1, asAgent(getRequestedFor(urlPathEqualTo(REPORTS + "/reports/conversations")))
                .withQueryParam("type", equalTo("agent")));
        assertThat(account.open()).isEqualTo(7);
        assertThat(account.unattended()).isEqualTo(2);
        assertThat(account.unassigned()).isEqualTo(1);
        assertThat(account.pending()).isEqualTo(3);
        assertThat(perAgent).singleElement().satisfies(a -> {
            assertThat(a.id()).isEqualTo(3);
            assertThat(a.availability()).isEqualTo("online");
            assertThat(a.metric().open()).isEqualTo(4);
            assertThat(a.metric().unattended()).isEqualTo(1);
        });
        assertThat(client.conversationMetrics(AGENT).open()).isEqualTo(7);
        assertThat(client.agentConversationMetrics()).hasSize(1);
    }

    // ---------------------------------------------------------------- platform API

    @Test
    void readsAUsersAccessTokenWithThePlatformToken() {
        chatwoot.stubFor(get("/platform/api/v1/users/3").willReturn(ok("platform-user")));

        var user = client.platformUser(3);
        var token = client.userToken(3);

        chatwoot.verify(2, getRequestedFor(urlPathEqualTo("/platform/api/v1/users/3"))
                .withHeader(ChatwootApi.TOKEN_HEADER, equalTo("platform-token")));
        assertThat(user.email()).isEqualTo("agent2@yeswechange.ci");
        assertThat(user.accessToken()).isEqualTo("sandbox-agent2-token");
        assertThat(user.toString()).doesNotContain("sandbox-agent2-token").doesNotContain(user.pubsubToken());
        assertThat(token.value()).isEqualTo("sandbox-agent2-token");
        assertThat(token.toString()).doesNotContain("sandbox-agent2-token");
    }

    @Test
    void createsAUserTokenWithThePlatformToken() {
        chatwoot.stubFor(post("/platform/api/v1/users/3/token").willReturn(ok("user-token")));

        var created = client.createUserToken(3);

        verifyOnly(postRequestedFor(urlPathEqualTo("/platform/api/v1/users/3/token"))
                .withHeader(ChatwootApi.TOKEN_HEADER, equalTo("platform-token")));
        assertThat(created.accessToken()).isEqualTo("sandbox-agent2-token");
        assertThat(created.expiry()).isNull();
        assertThat(created.user().id()).isEqualTo(3);
        assertThat(created.toString()).doesNotContain("sandbox-agent2-token");
    }

    @Test
    void theAgentsTokenNeverLeaksIntoAnotherCall() {
        chatwoot.stubFor(any(urlPathMatching(ACCOUNT + "/conversations/27")).willReturn(ok("conversation")));

        client.getConversation(AGENT, 27);
        client.getConversation(27);

        chatwoot.verify(1, asAgent(getRequestedFor(urlPathEqualTo(ACCOUNT + "/conversations/27"))));
        chatwoot.verify(1, asAccount(getRequestedFor(urlPathEqualTo(ACCOUNT + "/conversations/27"))));
    }
}
