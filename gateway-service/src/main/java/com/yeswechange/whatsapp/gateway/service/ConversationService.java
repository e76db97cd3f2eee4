package com.yeswechange.whatsapp.gateway.service;

import com.yeswechange.whatsapp.chatwoot.AssigneeType;
import com.yeswechange.whatsapp.chatwoot.ChatwootClient;
import com.yeswechange.whatsapp.chatwoot.ConversationPriority;
import com.yeswechange.whatsapp.chatwoot.ConversationStatus;
import com.yeswechange.whatsapp.chatwoot.dto.AttachmentUpload;
import com.yeswechange.whatsapp.chatwoot.dto.ConversationCountsDTO;
import com.yeswechange.whatsapp.chatwoot.dto.ConversationDTO;
import com.yeswechange.whatsapp.chatwoot.dto.ConversationPageDTO;
import com.yeswechange.whatsapp.chatwoot.dto.ConversationQuery;
import com.yeswechange.whatsapp.chatwoot.dto.CreateMessageRequest;
import com.yeswechange.whatsapp.chatwoot.dto.MessageDTO;
import com.yeswechange.whatsapp.chatwoot.dto.MessageListDTO;
import com.yeswechange.whatsapp.gateway.service.ChatwootReads.AssigneeFilter;
import com.yeswechange.whatsapp.gateway.view.AgentView;
import com.yeswechange.whatsapp.gateway.view.CannedResponseView;
import com.yeswechange.whatsapp.gateway.view.ConversationDetail;
import com.yeswechange.whatsapp.gateway.view.ConversationPage;
import com.yeswechange.whatsapp.gateway.view.ConversationSummary;
import com.yeswechange.whatsapp.gateway.view.Counts;
import com.yeswechange.whatsapp.gateway.view.LabelView;
import com.yeswechange.whatsapp.gateway.view.MessagePage;
import com.yeswechange.whatsapp.gateway.view.MessageView;
import com.yeswechange.whatsapp.gateway.view.PollResult;
import com.yeswechange.whatsapp.gateway.view.TeamView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Conversations for the logged-in agent: lists and counts (shared, cached reads), a thread with its messages, and the
 * agent's actions, which Chatwoot records as that agent's when the gateway holds their token.
 *
 * <p>Who sees what: agents see their own and unassigned conversations; supervisors and admins see all.
 */
@ApplicationScoped
public class ConversationService {

    /** As the seed: a reply or note is 1 to 4096 characters. */
    public static final int MAX_CONTENT_LENGTH = 4096;
    /** Chatwoot's page size for conversation lists. */
    public static final int PAGE_SIZE = 25;
    /** Chatwoot returns 20 messages per page backwards. */
    public static final int MESSAGES_PER_PAGE = 20;
    /** WhatsApp's customer service window: free-form replies only within 24 hours of the customer's last message. */
    public static final Duration REPLY_WINDOW = Duration.ofHours(24);

    private static final Pattern LABEL = Pattern.compile("[\\p{L}\\p{N}_-]{1,100}");

    @Inject
    ChatwootReads reads;

    @Inject
    ChatwootClient client;

    @Inject
    CurrentAgent agent;

    Clock clock = Clock.systemUTC();

    // ------------------------------------------------------------------------------------------------ lists, counts

    /** One page of a conversation list, with the tab counts. Agents may list only Mine and Unassigned. */
    public ConversationPage list(ConversationFilter filter) {
        AssigneeType assignee = filter.assigneeOrDefault();
        checkMayList(assignee);
        int page = filter.pageOrFirst();
        Counts counts = counts(filter);
        ConversationPageDTO result = assignee == AssigneeType.ME
                ? reads.assignedTo(agent.requireChatwootAgentId(), assigneeFilter(filter, page))
                : reads.page(query(filter).withPage(page));
        List<ConversationSummary> items = result.payload() == null ? List.of()
                : result.payload().stream().map(Views::summary).toList();
        long total = switch (assignee) {
            case ME -> counts.mine();
            case UNASSIGNED -> counts.unassigned();
            case ASSIGNED -> counts.assigned();
            case ALL -> counts.all();
        };
        return new ConversationPage(items, counts, page, (long) page * PAGE_SIZE < total);
    }

    /** The tab counts for a status and filters: mine and unassigned for everyone, assigned and all for supervisors. */
    public Counts counts(ConversationFilter filter) {
        long mine = agent.chatwootAgentId()
                .map(id -> matches(reads.assignedTo(id, assigneeFilter(filter, 1)).meta()))
                .orElse(0L);
        // the counts of GET conversations do not depend on assignee_type: share the Unassigned tab's first page
        ConversationCountsDTO shared = reads.page(query(filter).withAssigneeType(AssigneeType.UNASSIGNED).withPage(1))
                .meta();
        long unassigned = shared == null || shared.unassignedCount() == null ? 0 : shared.unassignedCount();
        if (!agent.isSupervisor()) {
            return new Counts(mine, unassigned, null, null);
        }
        return new Counts(mine, unassigned,
                shared == null || shared.assignedCount() == null ? 0 : shared.assignedCount(),
                shared == null || shared.allCount() == null ? 0 : shared.allCount());
    }

    /** The filter endpoint's all_count is the number of conversations matching the filter. */
    private static long matches(ConversationCountsDTO meta) {
        return meta == null || meta.allCount() == null ? 0 : meta.allCount();
    }

    private void checkMayList(AssigneeType assignee) {
        if (!agent.isSupervisor() && (assignee == AssigneeType.ALL || assignee == AssigneeType.ASSIGNED)) {
            throw new NotAllowedException("agents see their own and unassigned conversations only");
        }
    }

    private static ConversationQuery query(ConversationFilter f) {
        return ConversationQuery.of(f.statusOrDefault(), f.assigneeOrDefault())
                .withInboxId(f.inboxId())
                .withTeamId(f.teamId())
                .withLabels(f.label() == null ? null : List.of(f.label()))
                .withSortBy(f.sortBy());
    }

    private static AssigneeFilter assigneeFilter(ConversationFilter f, int page) {
        ConversationStatus status = f.statusOrDefault();
        return new AssigneeFilter(status == ConversationStatus.ALL ? null : status.apiValue(), f.inboxId(),
                f.teamId(), f.label(), page);
    }

    // ------------------------------------------------------------------------------------------------ thread

    /** A conversation with its contact, assignee and latest messages; 403 if the agent may not see it. */
    public ConversationDetail get(long conversationId) {
        ConversationDTO conversation = visible(conversationId);
        MessageListDTO latest = reads.messages(conversationId, null, null);
        List<MessageView> messages = messages(latest, conversationId);
        Instant lastIncoming = messages.stream().filter(MessageView::incoming).map(MessageView::createdAt)
                .filter(Objects::nonNull).max(Instant::compareTo).orElse(null);
        boolean windowOpen = lastIncoming != null
                && Duration.between(lastIncoming, clock.instant()).compareTo(REPLY_WINDOW) < 0;
        ConversationSummary summary = Views.summary(conversation);
        return new ConversationDetail(summary, summary.contact(), summary.assignee(), messages,
                messages.size() >= MESSAGES_PER_PAGE, lastIncoming, windowOpen);
    }

    /** The 20 messages before {@code beforeId} (ascending), for scrolling back. */
    public MessagePage messagesBefore(long conversationId, long beforeId) {
        visible(conversationId);
        List<MessageView> messages = messages(reads.messages(conversationId, beforeId, null), conversationId);
        return new MessagePage(messages, messages.size() >= MESSAGES_PER_PAGE);
    }

    /** Every message newer than {@code afterId} (up to Chatwoot's 100 per call; ask again with the last id). */
    public List<MessageView> messagesAfter(long conversationId, long afterId) {
        visible(conversationId);
        return messages(reads.messages(conversationId, null, afterId), conversationId);
    }

    /** The seed's polling contract: messages after {@code lastMessageId} (or the latest, when null) and has_new. */
    public PollResult poll(long conversationId, Long lastMessageId) {
        visible(conversationId);
        List<MessageView> messages = messages(reads.messages(conversationId, null, lastMessageId), conversationId);
        Long last = messages.isEmpty() ? lastMessageId : messages.getLast().id();
        return new PollResult(messages, !messages.isEmpty(), last);
    }

    private static List<MessageView> messages(MessageListDTO list, long conversationId) {
        return list == null || list.payload() == null ? List.of()
                : list.payload().stream().map(m -> Views.message(m, conversationId)).toList();
    }

    /** The conversation, if the agent may see it (supervisors: any; agents: theirs or unassigned). */
    ConversationDTO visible(long conversationId) {
        ConversationDTO conversation = reads.conversation(conversationId);
        if (!agent.maySee(Views.assigneeId(conversation))) {
            throw new NotAllowedException("conversation " + conversationId + " is assigned to another agent");
        }
        return conversation;
    }

    // ------------------------------------------------------------------------------------------------ messages

    /**
     * Sends a reply to the customer ({@code privateNote} false) or writes an internal note, as the agent. Content is 1
     * to 4096 characters; it may be empty when files are attached.
     */
    public MessageView reply(long conversationId, String content, boolean privateNote,
            List<AttachmentUpload> attachments) {
        List<AttachmentUpload> files = attachments == null ? List.of() : attachments;
        String text = content == null ? "" : content.strip();
        if (text.isEmpty() && files.isEmpty()) {
            throw new InvalidInputException("content", "a message needs text or an attachment");
        }
        if (content != null && content.length() > MAX_CONTENT_LENGTH) {
            throw new InvalidInputException("content", "at most " + MAX_CONTENT_LENGTH + " characters");
        }
        visible(conversationId);
        CreateMessageRequest request = privateNote ? CreateMessageRequest.privateNote(text.isEmpty() ? null : content)
                : CreateMessageRequest.outgoing(text.isEmpty() ? null : content);
        MessageDTO created = files.isEmpty()
                ? agent.act(as -> client.createMessage(as, conversationId, request),
                        () -> client.createMessage(conversationId, request))
                : agent.act(as -> client.createMessage(as, conversationId, request, files),
                        () -> client.createMessage(conversationId, request, files));
        reads.conversationChanged(conversationId);
        return Views.message(created, conversationId);
    }

    // ------------------------------------------------------------------------------------------------ actions

    public ConversationSummary resolve(long conversationId) {
        return changeStatus(conversationId, ConversationStatus.RESOLVED, null);
    }

    public ConversationSummary reopen(long conversationId) {
        return changeStatus(conversationId, ConversationStatus.OPEN, null);
    }

    public ConversationSummary pending(long conversationId) {
        return changeStatus(conversationId, ConversationStatus.PENDING, null);
    }

    /** Snoozes until {@code until} (must be in the future), or until the customer writes when null. */
    public ConversationSummary snooze(long conversationId, Instant until) {
        if (until != null && !until.isAfter(clock.instant())) {
            throw new InvalidInputException("until", "must be in the future");
        }
        return changeStatus(conversationId, ConversationStatus.SNOOZED, until);
    }

    public ConversationSummary changeStatus(long conversationId, ConversationStatus status, Instant snoozedUntil) {
        if (status == null || status == ConversationStatus.ALL) {
            throw new InvalidInputException("status", "one of open, pending, resolved, snoozed");
        }
        visible(conversationId);
        agent.act(as -> client.toggleStatus(as, conversationId, status, snoozedUntil),
                () -> client.toggleStatus(conversationId, status, snoozedUntil));
        return changed(conversationId);
    }

    /** Sets the priority; null clears it. */
    public ConversationSummary setPriority(long conversationId, ConversationPriority priority) {
        visible(conversationId);
        agent.act(as -> {
            client.togglePriority(as, conversationId, priority);
            return null;
        }, () -> {
            client.togglePriority(conversationId, priority);
            return null;
        });
        return changed(conversationId);
    }

    /** Assigns to an agent (by Chatwoot id), or to nobody when null. */
    public ConversationSummary assignAgent(long conversationId, Long agentId) {
        visible(conversationId);
        agent.act(as -> client.assignAgent(as, conversationId, agentId),
                () -> client.assignAgent(conversationId, agentId));
        return changed(conversationId);
    }

    /** Takes the conversation: assigns it to the logged-in agent. */
    public ConversationSummary assignToMe(long conversationId) {
        return assignAgent(conversationId, agent.requireChatwootAgentId());
    }

    /** Sets the team, or removes it when null. */
    public ConversationSummary assignTeam(long conversationId, Long teamId) {
        visible(conversationId);
        agent.act(as -> client.assignTeam(as, conversationId, teamId),
                () -> client.assignTeam(conversationId, teamId));
        return changed(conversationId);
    }

    /** Replaces the conversation's labels (titles made of letters, digits, - and _). Returns the new set. */
    public List<String> setLabels(long conversationId, List<String> labels) {
        List<String> cleaned = (labels == null ? List.<String>of() : labels).stream()
                .map(label -> label == null ? "" : label.strip().toLowerCase(Locale.ROOT))
                .distinct().toList();
        for (String label : cleaned) {
            if (!LABEL.matcher(label).matches()) {
                throw new InvalidInputException("labels", "a label is 1 to 100 letters, digits, - or _");
            }
        }
        visible(conversationId);
        List<String> result = agent.act(as -> client.setConversationLabels(as, conversationId, cleaned),
                () -> client.setConversationLabels(conversationId, cleaned));
        changed(conversationId);
        return result;
    }

    private ConversationSummary changed(long conversationId) {
        reads.conversationChanged(conversationId);
        reads.listsChanged();
        return Views.summary(reads.conversation(conversationId));
    }

    // ------------------------------------------------------------------------------------------------ directory

    /** Canned responses whose short code or content contains {@code search} (all when blank). */
    public List<CannedResponseView> cannedResponses(String search) {
        String wanted = search == null ? "" : search.strip().toLowerCase(Locale.ROOT);
        return reads.cannedResponses().stream()
                .filter(c -> wanted.isEmpty()
                        || (c.shortCode() != null && c.shortCode().toLowerCase(Locale.ROOT).contains(wanted))
                        || (c.content() != null && c.content().toLowerCase(Locale.ROOT).contains(wanted)))
                .map(Views::canned).toList();
    }

    public List<LabelView> labels() {
        return reads.labels().stream().map(Views::label).toList();
    }

    public List<TeamView> teams() {
        return reads.teams().stream().map(Views::team).toList();
    }

    /** Agents one can assign a conversation to. */
    public List<AgentView> assignableAgents() {
        return reads.agents().stream().map(Views::agent).toList();
    }
}
