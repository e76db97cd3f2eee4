package com.yeswechange.whatsapp.chatwoot;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.yeswechange.whatsapp.chatwoot.dto.AgentConversationMetricsDTO;
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
import com.yeswechange.whatsapp.chatwoot.dto.ConversationMetricsDTO;
import com.yeswechange.whatsapp.chatwoot.dto.ConversationPageDTO;
import com.yeswechange.whatsapp.chatwoot.dto.ConversationQuery;
import com.yeswechange.whatsapp.chatwoot.dto.CreateContactInboxRequest;
import com.yeswechange.whatsapp.chatwoot.dto.CreateContactRequest;
import com.yeswechange.whatsapp.chatwoot.dto.CreateConversationRequest;
import com.yeswechange.whatsapp.chatwoot.dto.CreateMessageRequest;
import com.yeswechange.whatsapp.chatwoot.dto.FilterCondition;
import com.yeswechange.whatsapp.chatwoot.dto.FilterRequest;
import com.yeswechange.whatsapp.chatwoot.dto.InboxDTO;
import com.yeswechange.whatsapp.chatwoot.dto.LabelDTO;
import com.yeswechange.whatsapp.chatwoot.dto.LabelsRequest;
import com.yeswechange.whatsapp.chatwoot.dto.MessageDTO;
import com.yeswechange.whatsapp.chatwoot.dto.MessageListDTO;
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
import io.vertx.core.buffer.Buffer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.client.api.ClientMultipartForm;

/**
 * What the services call to talk to Chatwoot. Every account call uses the account token (CHATWOOT_API_TOKEN) unless a
 * {@link UserToken} is passed to act as one agent (a null UserToken also means the account token). Failures are always
 * {@link ChatwootException}s.
 *
 * <p>Fault tolerance ({@link ChatwootGuards}): one circuit breaker and a per-attempt timeout on every call; reads are
 * retried on 5xx, unreachable Chatwoot, timeouts and 429 (waiting what Retry-After asks, up to
 * {@code chatwoot.max-retry-after-seconds}); writes are never retried, since a failed create may still have happened.
 *
 * <p>Metrics: timer {@code chatwoot.client.requests} per attempt, tagged {@code operation} and {@code outcome}
 * (success, the HTTP status, io_error, or unreadable).
 */
@ApplicationScoped
public class ChatwootClient {

    public static final String REQUEST_TIMER = "chatwoot.client.requests";

    /** Name of the circuit breaker in front of every call (SmallRye's CircuitBreakerMaintenance knows it by it). */
    public static final String CIRCUIT_BREAKER = ChatwootGuards.CIRCUIT_BREAKER;

    /** Chatwoot's limit of files per message (lib/limits.rb). */
    public static final int MAX_ATTACHMENTS = 15;

    private final ChatwootApi api;
    private final ChatwootConfig config;
    private final MeterRegistry registry;
    private final ObjectMapper objectMapper;
    private final ChatwootGuards guards;

    public ChatwootClient(@RestClient ChatwootApi api, ChatwootConfig config, MeterRegistry registry,
            ObjectMapper objectMapper) {
        this.api = api;
        this.config = config;
        this.registry = registry;
        this.objectMapper = objectMapper;
        this.guards = new ChatwootGuards(config);
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
    public ConversationPageDTO listConversations(ConversationQuery query) {
        return listConversations(null, query);
    }

    public ConversationPageDTO listConversations(UserToken as, ConversationQuery q) {
        return read("conversations.list", () -> api.listConversations(token(as), accountId(), q.status(),
                q.assigneeType(), q.inboxId(), q.teamId(), q.labels(), q.q(), q.sourceId(), q.conversationType(),
                q.sortBy(), q.page()).data());
    }

    /**
     * GET conversations/meta: the tab counts only. Chatwoot allows 30 of these per minute per token: cache and share
     * the result, never poll it per agent.
     */
    public ConversationCountsDTO conversationCounts(ConversationQuery query) {
        return conversationCounts(null, query);
    }

    public ConversationCountsDTO conversationCounts(UserToken as, ConversationQuery q) {
        return read("conversations.meta", () -> api.conversationCounts(token(as), accountId(), q.status(),
                q.assigneeType(), q.inboxId(), q.teamId(), q.labels(), q.q()).meta());
    }

    /** POST conversations/filter (a read: retried like one). page is 1-based; null means the first. */
    public ConversationPageDTO filterConversations(List<FilterCondition> conditions, Integer page) {
        return filterConversations(null, conditions, page);
    }

    public ConversationPageDTO filterConversations(UserToken as, List<FilterCondition> conditions, Integer page) {
        FilterRequest filter = new FilterRequest(conditions);
        return read("conversations.filter", () -> api.filterConversations(token(as), accountId(), page, filter));
    }

    public ConversationDTO getConversation(long conversationId) {
        return getConversation(null, conversationId);
    }

    public ConversationDTO getConversation(UserToken as, long conversationId) {
        return read("conversations.get", () -> api.getConversation(token(as), accountId(), conversationId));
    }

    /** POST conversations. Not idempotent: a lock_to_single_conversation inbox returns the existing one instead. */
    public ConversationDTO createConversation(CreateConversationRequest request) {
        return createConversation(null, request);
    }

    public ConversationDTO createConversation(UserToken as, CreateConversationRequest request) {
        if (request.status() == ConversationStatus.ALL || request.status() == ConversationStatus.SNOOZED) {
            throw new IllegalArgumentException("a conversation is created open, pending or resolved");
        }
        return write("conversations.create", () -> api.createConversation(token(as), accountId(), request));
    }

    /**
     * POST toggle_status. snoozedUntil only with {@link ConversationStatus#SNOOZED} (null: until the customer writes);
     * a null status toggles open↔resolved. Opening as an agent-role user assigns the conversation to that user.
     */
    public ToggleStatusResultDTO toggleStatus(long conversationId, ConversationStatus status, Instant snoozedUntil) {
        return toggleStatus(null, conversationId, status, snoozedUntil);
    }

    public ToggleStatusResultDTO toggleStatus(UserToken as, long conversationId, ConversationStatus status,
            Instant snoozedUntil) {
        if (status == ConversationStatus.ALL) {
            throw new IllegalArgumentException("'all' is a list filter, not a conversation status");
        }
        if (snoozedUntil != null && status != ConversationStatus.SNOOZED) {
            throw new IllegalArgumentException("snoozedUntil goes only with status snoozed");
        }
        ToggleStatusRequest request = new ToggleStatusRequest(status,
                snoozedUntil == null ? null : snoozedUntil.getEpochSecond());
        return write("conversations.toggle_status",
                () -> api.toggleStatus(token(as), accountId(), conversationId, request).payload());
    }

    /** POST toggle_priority; null clears the priority. */
    public void togglePriority(long conversationId, ConversationPriority priority) {
        togglePriority(null, conversationId, priority);
    }

    public void togglePriority(UserToken as, long conversationId, ConversationPriority priority) {
        write("conversations.toggle_priority", () -> {
            api.togglePriority(token(as), accountId(), conversationId, new TogglePriorityRequest(priority));
            return null;
        });
    }

    /** POST assignments with assignee_id; agentId null unassigns. Returns the assigned agent, empty when unassigned. */
    public Optional<AgentDTO> assignAgent(long conversationId, Long agentId) {
        return assignAgent(null, conversationId, agentId);
    }

    public Optional<AgentDTO> assignAgent(UserToken as, long conversationId, Long agentId) {
        return Optional.ofNullable(write("conversations.assign_agent",
                () -> api.assignAgent(token(as), accountId(), conversationId, new AssignAgentRequest(agentId))));
    }

    /** Takes the agent off the conversation (assignments with assignee_id null). */
    public void unassign(long conversationId) {
        unassign(null, conversationId);
    }

    public void unassign(UserToken as, long conversationId) {
        assignAgent(as, conversationId, null);
    }

    /** POST assignments with team_id; teamId null removes the team. */
    public Optional<TeamDTO> assignTeam(long conversationId, Long teamId) {
        return assignTeam(null, conversationId, teamId);
    }

    public Optional<TeamDTO> assignTeam(UserToken as, long conversationId, Long teamId) {
        return Optional.ofNullable(write("conversations.assign_team",
                () -> api.assignTeam(token(as), accountId(), conversationId, new AssignTeamRequest(teamId))));
    }

    /** GET a conversation's label titles. */
    public List<String> conversationLabels(long conversationId) {
        return conversationLabels(null, conversationId);
    }

    public List<String> conversationLabels(UserToken as, long conversationId) {
        return read("conversations.labels",
                () -> api.conversationLabels(token(as), accountId(), conversationId).payload());
    }

    /** POST labels: replaces the whole set. Returns the new set. */
    public List<String> setConversationLabels(long conversationId, List<String> labels) {
        return setConversationLabels(null, conversationId, labels);
    }

    public List<String> setConversationLabels(UserToken as, long conversationId, List<String> labels) {
        LabelsRequest request = new LabelsRequest(labels);
        return write("conversations.set_labels",
                () -> api.setConversationLabels(token(as), accountId(), conversationId, request).payload());
    }

    // ---------------------------------------------------------------- messages

    /**
     * GET messages, ascending. No ids: the latest 20; before: 20 older than that message id; after: up to 100 newer
     * than that message id; both: up to 1000 in between.
     */
    public MessageListDTO listMessages(long conversationId, Long before, Long after) {
        return listMessages(null, conversationId, before, after);
    }

    public MessageListDTO listMessages(UserToken as, long conversationId, Long before, Long after) {
        return read("messages.list", () -> api.listMessages(token(as), accountId(), conversationId, before, after));
    }

    /** POST messages as JSON. Not idempotent (Chatwoot does not deduplicate on source_id): never retried. */
    public MessageDTO createMessage(long conversationId, CreateMessageRequest request) {
        return createMessage(null, conversationId, request);
    }

    public MessageDTO createMessage(UserToken as, long conversationId, CreateMessageRequest request) {
        return write("messages.create", () -> api.createMessage(token(as), accountId(), conversationId, request));
    }

    /** POST messages as multipart with files (at most 15), e.g. a customer's WhatsApp image. Never retried. */
    public MessageDTO createMessage(long conversationId, CreateMessageRequest request,
            List<AttachmentUpload> attachments) {
        return createMessage(null, conversationId, request, attachments);
    }

    public MessageDTO createMessage(UserToken as, long conversationId, CreateMessageRequest request,
            List<AttachmentUpload> attachments) {
        if (attachments.size() > MAX_ATTACHMENTS) {
            throw new IllegalArgumentException("Chatwoot takes at most " + MAX_ATTACHMENTS + " attachments");
        }
        ClientMultipartForm form = multipart(request, attachments);
        return write("messages.create_multipart",
                () -> api.createMessageMultipart(token(as), accountId(), conversationId, form));
    }

    /**
     * PATCH a message's delivery status (sent, delivered, read, failed) and error text. API inboxes only, and it needs
     * a user token (an agent bot's is refused with 403). Not in swagger.json (API-NOTES §3).
     */
    public MessageDTO updateMessageStatus(long conversationId, long messageId, MessageStatus status,
            String externalError) {
        return updateMessageStatus(null, conversationId, messageId, status, externalError);
    }

    public MessageDTO updateMessageStatus(UserToken as, long conversationId, long messageId, MessageStatus status,
            String externalError) {
        UpdateMessageStatusRequest request = new UpdateMessageStatusRequest(status, externalError);
        return write("messages.update_status",
                () -> api.updateMessageStatus(token(as), accountId(), conversationId, messageId, request));
    }

    // ---------------------------------------------------------------- contacts

    /** GET contacts/search: name, e-mail, phone number or identifier; 15 per page (page 1-based, null = first). */
    public ContactSearchDTO searchContacts(String q, Integer page) {
        return searchContacts(null, q, page);
    }

    public ContactSearchDTO searchContacts(UserToken as, String q, Integer page) {
        return read("contacts.search", () -> api.searchContacts(token(as), accountId(), q, page));
    }

    /** POST contacts; with an inbox id, also the contact inbox. */
    public ContactCreatedDTO createContact(CreateContactRequest request) {
        return createContact(null, request);
    }

    public ContactCreatedDTO createContact(UserToken as, CreateContactRequest request) {
        return write("contacts.create", () -> api.createContact(token(as), accountId(), request).payload());
    }

    public ContactDTO getContact(long contactId) {
        return getContact(null, contactId);
    }

    public ContactDTO getContact(UserToken as, long contactId) {
        return read("contacts.get", () -> api.getContact(token(as), accountId(), contactId).payload());
    }

    /** GET contacts/{id}/conversations: the contact's last 20 conversations. */
    public List<ConversationDTO> contactConversations(long contactId) {
        return contactConversations(null, contactId);
    }

    public List<ConversationDTO> contactConversations(UserToken as, long contactId) {
        return read("contacts.conversations",
                () -> api.contactConversations(token(as), accountId(), contactId).payload());
    }

    /** POST contacts/{id}/contact_inboxes: makes the contact reachable in an inbox under sourceId. */
    public ContactInboxDTO createContactInbox(long contactId, long inboxId, String sourceId) {
        return createContactInbox(null, contactId, inboxId, sourceId);
    }

    public ContactInboxDTO createContactInbox(UserToken as, long contactId, long inboxId, String sourceId) {
        CreateContactInboxRequest request = new CreateContactInboxRequest(inboxId, sourceId);
        return write("contacts.create_contact_inbox",
                () -> api.createContactInbox(token(as), accountId(), contactId, request));
    }

    // ---------------------------------------------------------------- account directory

    public List<AgentDTO> listAgents() {
        return listAgents(null);
    }

    public List<AgentDTO> listAgents(UserToken as) {
        return read("agents.list", () -> api.listAgents(token(as), accountId()));
    }

    public List<TeamDTO> listTeams() {
        return listTeams(null);
    }

    public List<TeamDTO> listTeams(UserToken as) {
        return read("teams.list", () -> api.listTeams(token(as), accountId()));
    }

    /** GET inboxes: the inboxes the token's user may see. */
    public List<InboxDTO> listInboxes() {
        return listInboxes(null);
    }

    public List<InboxDTO> listInboxes(UserToken as) {
        return read("inboxes.list", () -> api.listInboxes(token(as), accountId()).payload());
    }

    public List<LabelDTO> listLabels() {
        return listLabels(null);
    }

    public List<LabelDTO> listLabels(UserToken as) {
        return read("labels.list", () -> api.listLabels(token(as), accountId()).payload());
    }

    /** GET canned_responses; search (short code or content) may be null for all. */
    public List<CannedResponseDTO> listCannedResponses(String search) {
        return listCannedResponses(null, search);
    }

    public List<CannedResponseDTO> listCannedResponses(UserToken as, String search) {
        return read("canned_responses.list", () -> api.listCannedResponses(token(as), accountId(), search));
    }

    // ---------------------------------------------------------------- v2 reports (administrator token)

    /** GET /api/v2/…/reports: a timeseries of query.metric(). */
    public List<ReportPointDTO> report(ReportQuery query) {
        return report(null, query);
    }

    public List<ReportPointDTO> report(UserToken as, ReportQuery q) {
        return read("reports.timeseries", () -> api.report(token(as), accountId(), q.metric(), q.type(), q.id(),
                q.sinceSeconds(), q.untilSeconds(), q.groupBy(), q.timezoneOffset(), q.businessHours()));
    }

    /** GET /api/v2/…/reports/summary: totals and averages over the period, and the period before. */
    public ReportSummaryDTO reportSummary(ReportQuery query) {
        return reportSummary(null, query);
    }

    public ReportSummaryDTO reportSummary(UserToken as, ReportQuery q) {
        return read("reports.summary", () -> api.reportSummary(token(as), accountId(), q.type(), q.id(),
                q.sinceSeconds(), q.untilSeconds(), q.businessHours()));
    }

    /** GET /api/v2/…/summary_reports/agent: one row per agent over [since, until). */
    public List<AgentSummaryReportDTO> agentSummaryReport(Instant since, Instant until) {
        return agentSummaryReport(null, since, until);
    }

    public List<AgentSummaryReportDTO> agentSummaryReport(UserToken as, Instant since, Instant until) {
        ReportQuery range = ReportQuery.account(since, until);
        return read("reports.agent_summary", () -> api.agentSummaryReport(token(as), accountId(),
                range.sinceSeconds(), range.untilSeconds(), null));
    }

    /** GET /api/v2/…/reports/conversations?type=account: open, unattended, unassigned and pending right now. */
    public ConversationMetricsDTO conversationMetrics() {
        return conversationMetrics(null);
    }

    public ConversationMetricsDTO conversationMetrics(UserToken as) {
        return read("reports.conversations", () -> api.conversationMetrics(token(as), accountId(), "account"));
    }

    /** GET /api/v2/…/reports/conversations?type=agent: each agent's open and unattended conversations right now. */
    public List<AgentConversationMetricsDTO> agentConversationMetrics() {
        return agentConversationMetrics(null);
    }

    public List<AgentConversationMetricsDTO> agentConversationMetrics(UserToken as) {
        return read("reports.agent_conversations",
                () -> api.agentConversationMetrics(token(as), accountId(), "agent", null));
    }

    // ---------------------------------------------------------------- platform API (CHATWOOT_PLATFORM_TOKEN)

    /** GET /platform/api/v1/users/{id}, with the user's access_token (users permissible to the platform app only). */
    public PlatformUserDTO platformUser(long userId) {
        String token = platformToken();
        return read("platform.users.get", () -> api.platformUser(token, userId));
    }

    /** POST /platform/api/v1/users/{id}/token (Chatwoot ≥ 4.3; not in swagger.json): the user's access token. */
    public UserTokenDTO createUserToken(long userId) {
        String token = platformToken();
        return write("platform.users.token", () -> api.createUserToken(token, userId));
    }

    /** The agent's own token, from the platform API's users/{id}, ready to pass to the other calls. */
    public UserToken userToken(long userId) {
        return UserToken.of(platformUser(userId).accessToken());
    }

    // ---------------------------------------------------------------- plumbing

    private String token(UserToken as) {
        return as == null ? config.apiToken() : as.value();
    }

    private String platformToken() {
        return config.platformToken().filter(token -> !token.isBlank()).orElseThrow(
                () -> new IllegalStateException("chatwoot.platform-token (CHATWOOT_PLATFORM_TOKEN) is not set"));
    }

    private <T> T read(String operation, Supplier<T> request) {
        return guards.read(() -> attempt(operation, request));
    }

    private <T> T write(String operation, Supplier<T> request) {
        return guards.write(() -> attempt(operation, request));
    }

    /** One attempt: timed, and with every failure as a ChatwootException (status 0 when nothing answered). */
    private <T> T attempt(String operation, Supplier<T> request) {
        Timer.Sample sample = Timer.start(registry);
        String outcome = "success";
        try {
            return request.get();
        } catch (ChatwootException failure) {
            outcome = Integer.toString(failure.status());
            throw failure;
        } catch (WebApplicationException unmapped) {
            // the mapper handles every status >= 400; this is a 3xx
            int status = unmapped.getResponse().getStatus();
            outcome = Integer.toString(status);
            throw new ChatwootException(status, "", "unexpected HTTP " + status + " from Chatwoot to " + operation,
                    unmapped);
        } catch (ProcessingException failure) {
            if (hasCause(failure, JacksonException.class)) {
                // Chatwoot answered, but not in a shape we can read: retrying would not help
                outcome = "unreadable";
                throw new ChatwootException(0, "", "unreadable Chatwoot answer to " + operation + ": "
                        + failure.getMessage(), failure);
            }
            outcome = "io_error";
            throw new ChatwootUnavailableException("Chatwoot unreachable for " + operation + ": "
                    + failure.getMessage(), failure);
        } finally {
            sample.stop(Timer.builder(REQUEST_TIMER)
                    .description("Chatwoot API calls, one per attempt")
                    .tag("operation", operation)
                    .tag("outcome", outcome)
                    .register(registry));
        }
    }

    private static boolean hasCause(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
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
