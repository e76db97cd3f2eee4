package com.yeswechange.whatsapp.chatwoot;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.yeswechange.whatsapp.chatwoot.RetryPolicies.ReadRetry;
import com.yeswechange.whatsapp.chatwoot.RetryPolicies.RetryAfterBackoff;
import com.yeswechange.whatsapp.chatwoot.RetryPolicies.WriteRetry;
import com.yeswechange.whatsapp.chatwoot.dto.AgentDTO;
import com.yeswechange.whatsapp.chatwoot.dto.AgentSummaryReportDTO;
import com.yeswechange.whatsapp.chatwoot.dto.AssignAgentRequest;
import com.yeswechange.whatsapp.chatwoot.dto.AssignTeamRequest;
import com.yeswechange.whatsapp.chatwoot.dto.AttachmentUpload;
import com.yeswechange.whatsapp.chatwoot.dto.CannedResponseDTO;
import com.yeswechange.whatsapp.chatwoot.dto.ContactCreatedDTO;
import com.yeswechange.whatsapp.chatwoot.dto.ContactDTO;
import com.yeswechange.whatsapp.chatwoot.dto.ContactInboxDTO;
import com.yeswechange.whatsapp.chatwoot.dto.ContactSearchDTO;
import com.yeswechange.whatsapp.chatwoot.dto.ConversationCountsDTO;
import com.yeswechange.whatsapp.chatwoot.dto.ConversationDTO;
import com.yeswechange.whatsapp.chatwoot.dto.ConversationPageDTO;
import com.yeswechange.whatsapp.chatwoot.dto.ConversationQuery;
import com.yeswechange.whatsapp.chatwoot.dto.CreateContactInboxRequest;
import com.yeswechange.whatsapp.chatwoot.dto.CreateContactRequest;
import com.yeswechange.whatsapp.chatwoot.dto.CreateConversationRequest;
import com.yeswechange.whatsapp.chatwoot.dto.CreateMessageRequest;
import com.yeswechange.whatsapp.chatwoot.dto.FilterCondition;
import com.yeswechange.whatsapp.chatwoot.dto.FilterRequest;
import com.yeswechange.whatsapp.chatwoot.dto.LabelDTO;
import com.yeswechange.whatsapp.chatwoot.dto.LabelsRequest;
import com.yeswechange.whatsapp.chatwoot.dto.MessageDTO;
import com.yeswechange.whatsapp.chatwoot.dto.MessageListDTO;
import com.yeswechange.whatsapp.chatwoot.dto.PayloadDTO;
import com.yeswechange.whatsapp.chatwoot.dto.PlatformUserDTO;
import com.yeswechange.whatsapp.chatwoot.dto.ReportPointDTO;
import com.yeswechange.whatsapp.chatwoot.dto.ReportQuery;
import com.yeswechange.whatsapp.chatwoot.dto.ReportSummaryDTO;
import com.yeswechange.whatsapp.chatwoot.dto.TeamDTO;
import com.yeswechange.whatsapp.chatwoot.dto.ToggleStatusRequest;
import com.yeswechange.whatsapp.chatwoot.dto.ToggleStatusResultDTO;
import com.yeswechange.whatsapp.chatwoot.dto.TogglePriorityRequest;
import com.yeswechange.whatsapp.chatwoot.dto.UpdateMessageStatusRequest;
import com.yeswechange.whatsapp.chatwoot.dto.UserTokenDTO;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.smallrye.faulttolerance.api.CustomBackoff;
import io.smallrye.faulttolerance.api.RetryWhen;
import io.vertx.core.buffer.Buffer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.client.api.ClientMultipartForm;

/**
 * What the services call to talk to Chatwoot. Every account call uses the account token (CHATWOOT_API_TOKEN) unless a
 * {@link UserToken} is passed to act as one agent. Failures are always {@link ChatwootException}s.
 *
 * <p>Fault tolerance: each attempt is bounded by a timeout; a circuit breaker per method opens on repeated 5xx or
 * unreachable Chatwoot; idempotent reads are retried on 5xx, connection failures, timeouts and 429; writes only on
 * 429 (the one failure that proves nothing happened). A 429 waits what its Retry-After asks, up to
 * {@code chatwoot.max-retry-after-seconds}; beyond that the {@link ChatwootRateLimitedException} reaches the caller.
 *
 * <p>Metrics: timer {@code chatwoot.client.requests} per attempt, tagged {@code operation} and {@code outcome}
 * (success, the HTTP status, or io_error).
 */
@ApplicationScoped
@TranslateFaultToleranceFailures
@Timeout(15_000)
@CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 10_000, successThreshold = 2,
        failOn = ChatwootUnavailableException.class)
public class ChatwootClient {

    public static final String REQUEST_TIMER = "chatwoot.client.requests";

    private final ChatwootApi api;
    private final ChatwootConfig config;
    private final MeterRegistry registry;
    private final ObjectMapper objectMapper;

    public ChatwootClient(@RestClient ChatwootApi api, ChatwootConfig config, MeterRegistry registry,
            ObjectMapper objectMapper) {
        this.api = api;
        this.config = config;
        this.registry = registry;
        this.objectMapper = objectMapper;
    }

    /** The account this client works in (CHATWOOT_ACCOUNT_ID). */
    public long accountId() {
        return config.accountId();
    }

    /** The API inbox that carries WhatsApp conversations (CHATWOOT_WHATSAPP_INBOX_ID). */
    public long whatsappInboxId() {
        return config.whatsappInboxId();
    }

    // ---------------------------------------------------------------- conversations

    /** GET conversations: one page (25) with the tab counts. */
    @Retry(maxRetries = 2, delay = 300, jitter = 100, maxDuration = 60_000)
    @CustomBackoff(RetryAfterBackoff.class)
    @RetryWhen(exception = ReadRetry.class)
    public ConversationPageDTO listConversations(ConversationQuery query) {
        return doListConversations(accountToken(), query);
    }

    @Retry(maxRetries = 2, delay = 300, jitter = 100, maxDuration = 60_000)
    @CustomBackoff(RetryAfterBackoff.class)
    @RetryWhen(exception = ReadRetry.class)
    public ConversationPageDTO listConversations(UserToken as, ConversationQuery query) {
        return doListConversations(as.value(), query);
    }

    private ConversationPageDTO doListConversations(String token, ConversationQuery q) {
        return call("conversations.list", () -> api.listConversations(token, accountId(), q.status(),
                q.assigneeType(), q.inboxId(), q.teamId(), q.labels(), q.q(), q.sourceId(), q.conversationType(),
                q.sortBy(), q.page()).data());
    }

    /**
     * GET conversations/meta: the tab counts only. Chatwoot allows 30 of these per minute per token: cache and share
     * the result, never poll it per agent.
     */
    @Retry(maxRetries = 2, delay = 300, jitter = 100, maxDuration = 60_000)
    @CustomBackoff(RetryAfterBackoff.class)
    @RetryWhen(exception = ReadRetry.class)
    public ConversationCountsDTO conversationCounts(ConversationQuery query) {
        return doConversationCounts(accountToken(), query);
    }

    @Retry(maxRetries = 2, delay = 300, jitter = 100, maxDuration = 60_000)
    @CustomBackoff(RetryAfterBackoff.class)
    @RetryWhen(exception = ReadRetry.class)
    public ConversationCountsDTO conversationCounts(UserToken as, ConversationQuery query) {
        return doConversationCounts(as.value(), query);
    }

    private ConversationCountsDTO doConversationCounts(String token, ConversationQuery q) {
        return call("conversations.meta", () -> api.conversationCounts(token, accountId(), q.status(),
                q.assigneeType(), q.inboxId(), q.teamId(), q.labels(), q.q()).meta());
    }

    /** POST conversations/filter (a read: retried like one). page is 1-based; null means the first. */
    @Retry(maxRetries = 2, delay = 300, jitter = 100, maxDuration = 60_000)
    @CustomBackoff(RetryAfterBackoff.class)
    @RetryWhen(exception = ReadRetry.class)
    public ConversationPageDTO filterConversations(List<FilterCondition> conditions, Integer page) {
        return doFilterConversations(accountToken(), conditions, page);
    }

    @Retry(maxRetries = 2, delay = 300, jitter = 100, maxDuration = 60_000)
    @CustomBackoff(RetryAfterBackoff.class)
    @RetryWhen(exception = ReadRetry.class)
    public ConversationPageDTO filterConversations(UserToken as, List<FilterCondition> conditions, Integer page) {
        return doFilterConversations(as.value(), conditions, page);
    }

    private ConversationPageDTO doFilterConversations(String token, List<FilterCondition> conditions, Integer page) {
        return call("conversations.filter",
                () -> api.filterConversations(token, accountId(), page, new FilterRequest(conditions)));
    }

    @Retry(maxRetries = 2, delay = 300, jitter = 100, maxDuration = 60_000)
    @CustomBackoff(RetryAfterBackoff.class)
    @RetryWhen(exception = ReadRetry.class)
    public ConversationDTO getConversation(long conversationId) {
        return doGetConversation(accountToken(), conversationId);
    }

    @Retry(maxRetries = 2, delay = 300, jitter = 100, maxDuration = 60_000)
    @CustomBackoff(RetryAfterBackoff.class)
    @RetryWhen(exception = ReadRetry.class)
    public ConversationDTO getConversation(UserToken as, long conversationId) {
        return doGetConversation(as.value(), conversationId);
    }

    private ConversationDTO doGetConversation(String token, long conversationId) {
        return call("conversations.get", () -> api.getConversation(token, accountId(), conversationId));
    }

    /** POST conversations. Not idempotent: a lock_to_single_conversation inbox returns the existing one instead. */
    @Retry(maxRetries = 2, delay = 300, jitter = 100, maxDuration = 60_000)
    @CustomBackoff(RetryAfterBackoff.class)
    @RetryWhen(exception = WriteRetry.class)
    public ConversationDTO createConversation(CreateConversationRequest request) {
        return doCreateConversation(accountToken(), request);
    }

    @Retry(maxRetries = 2, delay = 300, jitter = 100, maxDuration = 60_000)
    @CustomBackoff(RetryAfterBackoff.class)
    @RetryWhen(exception = WriteRetry.class)
    public ConversationDTO createConversation(UserToken as, CreateConversationRequest request) {
        return doCreateConversation(as.value(), request);
    }

    private ConversationDTO doCreateConversation(String token, CreateConversationRequest request) {
        return call("conversations.create", () -> api.createConversation(token, accountId(), request));
    }

    /**
     * POST toggle_status. snoozedUntil only with {@link ConversationStatus#SNOOZED} (null: until the customer writes);
     * a null status toggles open↔resolved. Opening as an agent-role user assigns the conversation to that user.
     */
    @Retry(maxRetries = 2, delay = 300, jitter = 100, maxDuration = 60_000)
    @CustomBackoff(RetryAfterBackoff.class)
    @RetryWhen(exception = WriteRetry.class)
    public ToggleStatusResultDTO toggleStatus(long conversationId, ConversationStatus status, Instant snoozedUntil) {
        return doToggleStatus(accountToken(), conversationId, status, snoozedUntil);
    }

    @Retry(maxRetries = 2, delay = 300, jitter = 100, maxDuration = 60_000)
    @CustomBackoff(RetryAfterBackoff.class)
    @RetryWhen(exception = WriteRetry.class)
    public ToggleStatusResultDTO toggleStatus(UserToken as, long conversationId, ConversationStatus status,
            Instant snoozedUntil) {
        return doToggleStatus(as.value(), conversationId, status, snoozedUntil);
    }

    private ToggleStatusResultDTO doToggleStatus(String token, long conversationId, ConversationStatus status,
            Instant snoozedUntil) {
        if (status == ConversationStatus.ALL) {
            throw new IllegalArgumentException("'all' is a list filter, not a conversation status");
        }
        Long until = snoozedUntil == null ? null : snoozedUntil.getEpochSecond();
        return call("conversations.toggle_status", () -> api.toggleStatus(token, accountId(), conversationId,
                new ToggleStatusRequest(status, until)).payload());
    }

    /** POST toggle_priority; null clears the priority. */
    @Retry(maxRetries = 2, delay = 300, jitter = 100, maxDuration = 60_000)
    @CustomBackoff(RetryAfterBackoff.class)
    @RetryWhen(exception = WriteRetry.class)
    public void togglePriority(long conversationId, ConversationPriority priority) {
        doTogglePriority(accountToken(), conversationId, priority);
    }

    @Retry(maxRetries = 2, delay = 300, jitter = 100, maxDuration = 60_000)
    @CustomBackoff(RetryAfterBackoff.class)
    @RetryWhen(exception = WriteRetry.class)
    public void togglePriority(UserToken as, long conversationId, ConversationPriority priority) {
        doTogglePriority(as.value(), conversationId, priority);
    }

    private void doTogglePriority(String token, long conversationId, ConversationPriority priority) {
        call("conversations.toggle_priority", () -> {
            api.togglePriority(token, accountId(), conversationId, new TogglePriorityRequest(priority));
            return null;
        });
    }

    /** POST assignments with assignee_id; agentId null unassigns. Returns the assigned agent, empty when unassigned. */
    @Retry(maxRetries = 2, delay = 300, jitter = 100, maxDuration = 60_000)
    @CustomBackoff(RetryAfterBackoff.class)
    @RetryWhen(exception = WriteRetry.class)
    public Optional<AgentDTO> assignAgent(long conversationId, Long agentId) {
        return doAssignAgent(accountToken(), conversationId, agentId);
    }

    @Retry(maxRetries = 2, delay = 300, jitter = 100, maxDuration = 60_000)
    @CustomBackoff(RetryAfterBackoff.class)
    @RetryWhen(exception = WriteRetry.class)
    public Optional<AgentDTO> assignAgent(UserToken as, long conversationId, Long agentId) {
        return doAssignAgent(as.value(), conversationId, agentId);
    }

    private Optional<AgentDTO> doAssignAgent(String token, long conversationId, Long agentId) {
        return Optional.ofNullable(call("conversations.assign_agent",
                () -> api.assignAgent(token, accountId(), conversationId, new AssignAgentRequest(agentId))));
    }

    /** POST assignments with team_id; teamId null removes the team. */
    @Retry(maxRetries = 2, delay = 300, jitter = 100, maxDuration = 60_000)
    @CustomBackoff(RetryAfterBackoff.class)
    @RetryWhen(exception = WriteRetry.class)
    public Optional<TeamDTO> assignTeam(long conversationId, Long teamId) {
        return doAssignTeam(accountToken(), conversationId, teamId);
    }

    @Retry(maxRetries = 2, delay = 300, jitter = 100, maxDuration = 60_000)
    @CustomBackoff(RetryAfterBackoff.class)
    @RetryWhen(exception = WriteRetry.class)
    public Optional<TeamDTO> assignTeam(UserToken as, long conversationId, Long teamId) {
        return doAssignTeam(as.value(), conversationId, teamId);
    }

    private Optional<TeamDTO> doAssignTeam(String token, long conversationId, Long teamId) {
        return Optional.ofNullable(call("conversations.assign_team",
                () -> api.assignTeam(token, accountId(), conversationId, new AssignTeamRequest(teamId))));
    }

    /** GET a conversation's label titles. */
    @Retry(maxRetries = 2, delay = 300, jitter = 100, maxDuration = 60_000)
    @CustomBackoff(RetryAfterBackoff.class)
    @RetryWhen(exception = ReadRetry.class)
    public List<String> conversationLabels(long conversationId) {
        return doConversationLabels(accountToken(), conversationId);
    }

    @Retry(maxRetries = 2, delay = 300, jitter = 100, maxDuration = 60_000)
    @CustomBackoff(RetryAfterBackoff.class)
    @RetryWhen(exception = ReadRetry.class)
    public List<String> conversationLabels(UserToken as, long conversationId) {
        return doConversationLabels(as.value(), conversationId);
    }

    private List<String> doConversationLabels(String token, long conversationId) {
        return call("conversations.labels", () -> api.conversationLabels(token, accountId(), conversationId).payload());
    }

    /** POST labels: replaces the whole set (idempotent, so retried like a read). Returns the new set. */
    @Retry(maxRetries = 2, delay = 300, jitter = 100, maxDuration = 60_000)
    @CustomBackoff(RetryAfterBackoff.class)
    @RetryWhen(exception = ReadRetry.class)
    public List<String> setConversationLabels(long conversationId, List<String> labels) {
        return doSetConversationLabels(accountToken(), conversationId, labels);
    }

    @Retry(maxRetries = 2, delay = 300, jitter = 100, maxDuration = 60_000)
    @CustomBackoff(RetryAfterBackoff.class)
    @RetryWhen(exception = ReadRetry.class)
    public List<String> setConversationLabels(UserToken as, long conversationId, List<String> labels) {
        return doSetConversationLabels(as.value(), conversationId, labels);
    }

    private List<String> doSetConversationLabels(String token, long conversationId, List<String> labels) {
        return call("conversations.set_labels", () -> api.setConversationLabels(token, accountId(), conversationId,
                new LabelsRequest(labels)).payload());
    }

    // ---------------------------------------------------------------- messages

    /**
     * GET messages, ascending. No ids: the latest 20; before: 20 older than that message id; after: up to 100 newer
     * than that message id; both: up to 1000 in between.
     */
    @Retry(maxRetries = 2, delay = 300, jitter = 100, maxDuration = 60_000)
    @CustomBackoff(RetryAfterBackoff.class)
    @RetryWhen(exception = ReadRetry.class)
    public MessageListDTO listMessages(long conversationId, Long before, Long after) {
        return doListMessages(accountToken(), conversationId, before, after);
    }

    @Retry(maxRetries = 2, delay = 300, jitter = 100, maxDuration = 60_000)
    @CustomBackoff(RetryAfterBackoff.class)
    @RetryWhen(exception = ReadRetry.class)
    public MessageListDTO listMessages(UserToken as, long conversationId, Long before, Long after) {
        return doListMessages(as.value(), conversationId, before, after);
    }

    private MessageListDTO doListMessages(String token, long conversationId, Long before, Long after) {
        return call("messages.list", () -> api.listMessages(token, accountId(), conversationId, before, after));
    }

    /** POST messages as JSON. Not idempotent: Chatwoot does not deduplicate on source_id. */
    @Retry(maxRetries = 2, delay = 300, jitter = 100, maxDuration = 60_000)
    @CustomBackoff(RetryAfterBackoff.class)
    @RetryWhen(exception = WriteRetry.class)
    public MessageDTO createMessage(long conversationId, CreateMessageRequest request) {
        return doCreateMessage(accountToken(), conversationId, request);
    }

    @Retry(maxRetries = 2, delay = 300, jitter = 100, maxDuration = 60_000)
    @CustomBackoff(RetryAfterBackoff.class)
    @RetryWhen(exception = WriteRetry.class)
    public MessageDTO createMessage(UserToken as, long conversationId, CreateMessageRequest request) {
        return doCreateMessage(as.value(), conversationId, request);
    }

    private MessageDTO doCreateMessage(String token, long conversationId, CreateMessageRequest request) {
        return call("messages.create", () -> api.createMessage(token, accountId(), conversationId, request));
    }

    /** POST messages as multipart with files (at most 15), e.g. a customer's WhatsApp image. */
    @Retry(maxRetries = 2, delay = 300, jitter = 100, maxDuration = 60_000)
    @CustomBackoff(RetryAfterBackoff.class)
    @RetryWhen(exception = WriteRetry.class)
    public MessageDTO createMessage(long conversationId, CreateMessageRequest request,
            List<AttachmentUpload> attachments) {
        return doCreateMessage(accountToken(), conversationId, request, attachments);
    }

    @Retry(maxRetries = 2, delay = 300, jitter = 100, maxDuration = 60_000)
    @CustomBackoff(RetryAfterBackoff.class)
    @RetryWhen(exception = WriteRetry.class)
    public MessageDTO createMessage(UserToken as, long conversationId, CreateMessageRequest request,
            List<AttachmentUpload> attachments) {
        return doCreateMessage(as.value(), conversationId, request, attachments);
    }

    private MessageDTO doCreateMessage(String token, long conversationId, CreateMessageRequest request,
            List<AttachmentUpload> attachments) {
        ClientMultipartForm form = multipart(request, attachments);
        return call("messages.create_multipart",
                () -> api.createMessageMultipart(token, accountId(), conversationId, form));
    }

    /**
     * PATCH a message's delivery status (sent, delivered, read, failed) and error text. API inboxes only, and it needs
     * a user token (an agent bot's is refused). Setting the same status again is harmless, so it is retried.
     */
    @Retry(maxRetries = 2, delay = 300, jitter = 100, maxDuration = 60_000)
    @CustomBackoff(RetryAfterBackoff.class)
    @RetryWhen(exception = ReadRetry.class)
    public MessageDTO updateMessageStatus(long conversationId, long messageId, MessageStatus status,
            String externalError) {
        return doUpdateMessageStatus(accountToken(), conversationId, messageId, status, externalError);
    }

    @Retry(maxRetries = 2, delay = 300, jitter = 100, maxDuration = 60_000)
    @CustomBackoff(RetryAfterBackoff.class)
    @RetryWhen(exception = ReadRetry.class)
    public MessageDTO updateMessageStatus(UserToken as, long conversationId, long messageId, MessageStatus status,
            String externalError) {
        return doUpdateMessageStatus(as.value(), conversationId, messageId, status, externalError);
    }

    private MessageDTO doUpdateMessageStatus(String token, long conversationId, long messageId, MessageStatus status,
            String externalError) {
        return call("messages.update_status", () -> api.updateMessageStatus(token, accountId(), conversationId,
                messageId, new UpdateMessageStatusRequest(status, externalError)));
    }

    // ---------------------------------------------------------------- contacts

    /** GET contacts/search: name, email, phone number or identifier; 15 per page; page null means the first. */
    @Retry(maxRetries = 2, delay = 300, jitter = 100, maxDuration = 60_000)
    @CustomBackoff(RetryAfterBackoff.class)
    @RetryWhen(exception = ReadRetry.class)
    public ContactSearchDTO searchContacts(String q, Integer page) {
        return doSearchContacts(accountToken(), q, page);
    }

    @Retry(maxRetries = 2, delay = 300, jitter = 100, maxDuration = 60_000)
    @CustomBackoff(RetryAfterBackoff.class)
    @RetryWhen(exception = ReadRetry.class)
    public ContactSearchDTO searchContacts(UserToken as, String q, Integer page) {
        return doSearchContacts(as.value(), q, page);
    }

    private ContactSearchDTO doSearchContacts(String token, String q, Integer page) {
        return call("contacts.search", () -> api.searchContacts(token, accountId(), q, page));
    }

    /** POST contacts; with an inbox id, also the contact inbox. */
    @Retry(maxRetries = 2, delay = 300, jitter = 100, maxDuration = 60_000)
    @CustomBackoff(RetryAfterBackoff.class)
    @RetryWhen(exception = WriteRetry.class)
    public ContactCreatedDTO createContact(CreateContactRequest request) {
        return doCreateContact(accountToken(), request);
    }

    @Retry(maxRetries = 2, delay = 300, jitter = 100, maxDuration = 60_000)
    @CustomBackoff(RetryAfterBackoff.class)
    @RetryWhen(exception = WriteRetry.class)
    public ContactCreatedDTO createContact(UserToken as, CreateContactRequest request) {
        return doCreateContact(as.value(), request);
    }

    private ContactCreatedDTO doCreateContact(String token, CreateContactRequest request) {
        return call("contacts.create", () -> api.createContact(token, accountId(), request).payload());
    }

    @Retry(maxRetries = 2, delay = 300, jitter = 100, maxDuration = 60_000)
    @CustomBackoff(RetryAfterBackoff.class)
    @RetryWhen(exception = ReadRetry.class)
    public ContactDTO getContact(long contactId) {
        return doGetContact(accountToken(), contactId);
    }

    @Retry(maxRetries = 2, delay = 300, jitter = 100, maxDuration = 60_000)
    @CustomBackoff(RetryAfterBackoff.class)
    @RetryWhen(exception = ReadRetry.class)
    public ContactDTO getContact(UserToken as, long contactId) {
        return doGetContact(as.value(), contactId);
    }

    private ContactDTO doGetContact(String token, long contactId) {
        return call("contacts.get", () -> api.getContact(token, accountId(), contactId).payload());
    }

    /** GET contacts/{id}/conversations: the contact's last 20 conversations. */
    @Retry(maxRetries = 2, delay = 300, jitter = 100, maxDuration = 60_000)
    @CustomBackoff(RetryAfterBackoff.class)
    @RetryWhen(exception = ReadRetry.class)
    public List<ConversationDTO> contactConversations(long contactId) {
        return doContactConversations(accountToken(), contactId);
    }

    @Retry(maxRetries = 2, delay = 300, jitter = 100, maxDuration = 60_000)
    @CustomBackoff(RetryAfterBackoff.class)
    @RetryWhen(exception = ReadRetry.class)
    public List<ConversationDTO> contactConversations(UserToken as, long contactId) {
        return doContactConversations(as.value(), contactId);
    }

    private List<ConversationDTO> doContactConversations(String token, long contactId) {
        return call("contacts.conversations", () -> api.contactConversations(token, accountId(), contactId).payload());
    }

    /** POST contacts/{id}/contact_inboxes: makes the contact reachable in an inbox under sourceId. */
    @Retry(maxRetries = 2, delay = 300, jitter = 100, maxDuration = 60_000)
    @CustomBackoff(RetryAfterBackoff.class)
    @RetryWhen(exception = WriteRetry.class)
    public ContactInboxDTO createContactInbox(long contactId, long inboxId, String sourceId) {
        return doCreateContactInbox(accountToken(), contactId, inboxId, sourceId);
    }

    @Retry(maxRetries = 2, delay = 300, jitter = 100, maxDuration = 60_000)
    @CustomBackoff(RetryAfterBackoff.class)
    @RetryWhen(exception = WriteRetry.class)
    public ContactInboxDTO createContactInbox(UserToken as, long contactId, long inboxId, String sourceId) {
        return doCreateContactInbox(as.value(), contactId, inboxId, sourceId);
    }

    private ContactInboxDTO doCreateContactInbox(String token, long contactId, long inboxId, String sourceId) {
        return call("contacts.create_contact_inbox", () -> api.createContactInbox(token, accountId(), contactId,
                new CreateContactInboxRequest(inboxId, sourceId)));
    }

    // ---------------------------------------------------------------- account directory

    @Retry(maxRetries = 2, delay = 300, jitter = 100, maxDuration = 60_000)
    @CustomBackoff(RetryAfterBackoff.class)
    @RetryWhen(exception = ReadRetry.class)
    public List<AgentDTO> listAgents() {
        return doListAgents(accountToken());
    }

    @Retry(maxRetries = 2, delay = 300, jitter = 100, maxDuration = 60_000)
    @CustomBackoff(RetryAfterBackoff.class)
    @RetryWhen(exception = ReadRetry.class)
    public List<AgentDTO> listAgents(UserToken as) {
        return doListAgents(as.value());
    }

    private List<AgentDTO> doListAgents(String token) {
        return call("agents.list", () -> api.listAgents(token, accountId()));
    }

    @Retry(maxRetries = 2, delay = 300, jitter = 100, maxDuration = 60_000)
    @CustomBackoff(RetryAfterBackoff.class)
    @RetryWhen(exception = ReadRetry.class)
    public List<TeamDTO> listTeams() {
        return doListTeams(accountToken());
    }

    @Retry(maxRetries = 2, delay = 300, jitter = 100, maxDuration = 60_000)
    @CustomBackoff(RetryAfterBackoff.class)
    @RetryWhen(exception = ReadRetry.class)
    public List<TeamDTO> listTeams(UserToken as) {
        return doListTeams(as.value());
    }

    private List<TeamDTO> doListTeams(String token) {
        return call("teams.list", () -> api.listTeams(token, accountId()));
    }

    @Retry(maxRetries = 2, delay = 300, jitter = 100, maxDuration = 60_000)
    @CustomBackoff(RetryAfterBackoff.class)
    @RetryWhen(exception = ReadRetry.class)
    public List<LabelDTO> listLabels() {
        return doListLabels(accountToken());
    }

    @Retry(maxRetries = 2, delay = 300, jitter = 100, maxDuration = 60_000)
    @CustomBackoff(RetryAfterBackoff.class)
    @RetryWhen(exception = ReadRetry.class)
    public List<LabelDTO> listLabels(UserToken as) {
        return doListLabels(as.value());
    }

    private List<LabelDTO> doListLabels(String token) {
        return call("labels.list", () -> api.listLabels(token, accountId()).payload());
    }

    /** GET canned_responses; search (short code or content) may be null for all. */
    @Retry(maxRetries = 2, delay = 300, jitter = 100, maxDuration = 60_000)
    @CustomBackoff(RetryAfterBackoff.class)
    @RetryWhen(exception = ReadRetry.class)
    public List<CannedResponseDTO> listCannedResponses(String search) {
        return doListCannedResponses(accountToken(), search);
    }

    @Retry(maxRetries = 2, delay = 300, jitter = 100, maxDuration = 60_000)
    @CustomBackoff(RetryAfterBackoff.class)
    @RetryWhen(exception = ReadRetry.class)
    public List<CannedResponseDTO> listCannedResponses(UserToken as, String search) {
        return doListCannedResponses(as.value(), search);
    }

    private List<CannedResponseDTO> doListCannedResponses(String token, String search) {
        return call("canned_responses.list", () -> api.listCannedResponses(token, accountId(), search));
    }

    // ---------------------------------------------------------------- v2 reports (administrator token)

    /** GET /api/v2/…/reports: a timeseries of query.metric(). */
    @Retry(maxRetries = 2, delay = 300, jitter = 100, maxDuration = 60_000)
    @CustomBackoff(RetryAfterBackoff.class)
    @RetryWhen(exception = ReadRetry.class)
    public List<ReportPointDTO> report(ReportQuery query) {
        return doReport(accountToken(), query);
    }

    @Retry(maxRetries = 2, delay = 300, jitter = 100, maxDuration = 60_000)
    @CustomBackoff(RetryAfterBackoff.class)
    @RetryWhen(exception = ReadRetry.class)
    public List<ReportPointDTO> report(UserToken as, ReportQuery query) {
        return doReport(as.value(), query);
    }

    private List<ReportPointDTO> doReport(String token, ReportQuery q) {
        return call("reports.timeseries", () -> api.report(token, accountId(), q.metric(), q.type(), q.id(),
                q.sinceSeconds(), q.untilSeconds(), q.groupBy(), q.timezoneOffset(), q.businessHours()));
    }

    /** GET /api/v2/…/reports/summary. */
    @Retry(maxRetries = 2, delay = 300, jitter = 100, maxDuration = 60_000)
    @CustomBackoff(RetryAfterBackoff.class)
    @RetryWhen(exception = ReadRetry.class)
    public ReportSummaryDTO reportSummary(ReportQuery query) {
        return doReportSummary(accountToken(), query);
    }

    @Retry(maxRetries = 2, delay = 300, jitter = 100, maxDuration = 60_000)
    @CustomBackoff(RetryAfterBackoff.class)
    @RetryWhen(exception = ReadRetry.class)
    public ReportSummaryDTO reportSummary(UserToken as, ReportQuery query) {
        return doReportSummary(as.value(), query);
    }

    private ReportSummaryDTO doReportSummary(String token, ReportQuery q) {
        return call("reports.summary", () -> api.reportSummary(token, accountId(), q.type(), q.id(),
                q.sinceSeconds(), q.untilSeconds(), q.businessHours()));
    }

    /** GET /api/v2/…/summary_reports/agent: one row per agent over [since, until). */
    @Retry(maxRetries = 2, delay = 300, jitter = 100, maxDuration = 60_000)
    @CustomBackoff(RetryAfterBackoff.class)
    @RetryWhen(exception = ReadRetry.class)
    public List<AgentSummaryReportDTO> agentSummaryReport(Instant since, Instant until) {
        return doAgentSummaryReport(accountToken(), since, until);
    }

    @Retry(maxRetries = 2, delay = 300, jitter = 100, maxDuration = 60_000)
    @CustomBackoff(RetryAfterBackoff.class)
    @RetryWhen(exception = ReadRetry.class)
    public List<AgentSummaryReportDTO> agentSummaryReport(UserToken as, Instant since, Instant until) {
        return doAgentSummaryReport(as.value(), since, until);
    }

    private List<AgentSummaryReportDTO> doAgentSummaryReport(String token, Instant since, Instant until) {
        ReportQuery range = ReportQuery.account(since, until);
        return call("reports.agent_summary",
                () -> api.agentSummaryReport(token, accountId(), range.sinceSeconds(), range.untilSeconds(), null));
    }

    // ---------------------------------------------------------------- platform API (CHATWOOT_PLATFORM_TOKEN)

    /** GET /platform/api/v1/users/{id}, with the user's access_token (users permissible to the platform app only). */
    @Retry(maxRetries = 2, delay = 300, jitter = 100, maxDuration = 60_000)
    @CustomBackoff(RetryAfterBackoff.class)
    @RetryWhen(exception = ReadRetry.class)
    public PlatformUserDTO platformUser(long userId) {
        return doPlatformUser(userId);
    }

    private PlatformUserDTO doPlatformUser(long userId) {
        String token = platformToken();
        return call("platform.users.get", () -> api.platformUser(token, userId));
    }

    /** POST /platform/api/v1/users/{id}/token (Chatwoot ≥ 4.3): the user's access token. */
    @Retry(maxRetries = 2, delay = 300, jitter = 100, maxDuration = 60_000)
    @CustomBackoff(RetryAfterBackoff.class)
    @RetryWhen(exception = ReadRetry.class)
    public UserTokenDTO createUserToken(long userId) {
        String token = platformToken();
        return call("platform.users.token", () -> api.createUserToken(token, userId));
    }

    /** The agent's own token, from the platform API, ready to pass to the other calls. */
    @Retry(maxRetries = 2, delay = 300, jitter = 100, maxDuration = 60_000)
    @CustomBackoff(RetryAfterBackoff.class)
    @RetryWhen(exception = ReadRetry.class)
    public UserToken userToken(long userId) {
        return UserToken.of(doPlatformUser(userId).accessToken());
    }

    // ---------------------------------------------------------------- plumbing

    private String accountToken() {
        return config.apiToken();
    }

    private String platformToken() {
        return config.platformToken().filter(token -> !token.isBlank()).orElseThrow(
                () -> new IllegalStateException("chatwoot.platform-token (CHATWOOT_PLATFORM_TOKEN) is not set"));
    }

    /** One attempt: timed, and with every failure as a ChatwootException (status 0 when nothing answered). */
    private <T> T call(String operation, Supplier<T> request) {
        Timer.Sample sample = Timer.start(registry);
        String outcome = "success";
        try {
            return request.get();
        } catch (ChatwootException failure) {
            outcome = Integer.toString(failure.status());
            throw failure;
        } catch (WebApplicationException unmapped) {
            // the mapper handles every status >= 400; this is a 3xx or a body that failed to read
            outcome = Integer.toString(unmapped.getResponse().getStatus());
            throw new ChatwootException(unmapped.getResponse().getStatus(), "",
                    "unexpected Chatwoot answer to " + operation + ": " + unmapped.getMessage(), unmapped);
        } catch (ProcessingException unreachable) {
            outcome = "io_error";
            throw new ChatwootUnavailableException("Chatwoot unreachable for " + operation + ": "
                    + unreachable.getMessage(), unreachable);
        } finally {
            sample.stop(Timer.builder(REQUEST_TIMER)
                    .description("Chatwoot API calls, one per attempt")
                    .tag("operation", operation)
                    .tag("outcome", outcome)
                    .register(registry));
        }
    }

    private ClientMultipartForm multipart(CreateMessageRequest request, List<AttachmentUpload> attachments) {
        ClientMultipartForm form = ClientMultipartForm.create();
        addText(form, "content", request.content());
        addText(form, "message_type", request.messageType() == null ? null : request.messageType().apiValue());
        addText(form, "private", request.privateNote() == null ? null : request.privateNote().toString());
        addText(form, "content_type", request.contentType());
        addText(form, "source_id", request.sourceId());
        addText(form, "echo_id", request.echoId());
        addText(form, "content_attributes", toJson(request.contentAttributes()));
        for (AttachmentUpload file : attachments) {
            form.binaryFileUpload("attachments[]", file.filename(), Buffer.buffer(file.data()), file.contentType());
        }
        return form;
    }

    private static void addText(ClientMultipartForm form, String name, String value) {
        if (value != null) {
            form.attribute(name, value, null);
        }
    }

    private String toJson(Map<String, Object> value) {
        if (value == null) {
            return null;
        }
        try {
            return objectMapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("content_attributes cannot be written as JSON", e);
        }
    }
}
