package com.yeswechange.whatsapp.gateway.service;

import com.yeswechange.whatsapp.chatwoot.ChatwootClient;
import com.yeswechange.whatsapp.chatwoot.dto.AgentDTO;
import com.yeswechange.whatsapp.chatwoot.dto.CannedResponseDTO;
import com.yeswechange.whatsapp.chatwoot.dto.ContactDTO;
import com.yeswechange.whatsapp.chatwoot.dto.ContactSearchDTO;
import com.yeswechange.whatsapp.chatwoot.dto.ConversationDTO;
import com.yeswechange.whatsapp.chatwoot.dto.ConversationPageDTO;
import com.yeswechange.whatsapp.chatwoot.dto.ConversationQuery;
import com.yeswechange.whatsapp.chatwoot.dto.FilterCondition;
import com.yeswechange.whatsapp.chatwoot.dto.LabelDTO;
import com.yeswechange.whatsapp.chatwoot.dto.MessageListDTO;
import com.yeswechange.whatsapp.chatwoot.dto.TeamDTO;
import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import io.quarkus.cache.CacheResult;
import io.quarkus.cache.CaffeineCache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/**
 * Every Chatwoot read the gateway makes, with the account token, cached briefly and shared by all agents. A cache
 * entry is computed once even when many agents ask at the same moment (concurrent identical calls wait for the first),
 * so the load on Chatwoot depends on how many different things are looked at, not on how many agents look.
 * Who may see what is decided by the services on top, never by which token read it.
 */
@ApplicationScoped
public class ChatwootReads {

    public static final String CONVERSATION_PAGES = "conversation-pages";
    public static final String ASSIGNEE_PAGES = "assignee-pages";
    public static final String CONVERSATIONS = "conversations";
    public static final String MESSAGES = "messages";
    public static final String AGENTS = "agents";
    public static final String TEAMS = "teams";
    public static final String LABELS = "labels";
    public static final String CANNED_RESPONSES = "canned-responses";
    public static final String CONTACT_SEARCHES = "contact-searches";
    public static final String CONTACTS = "contacts";
    public static final String CONTACT_CONVERSATIONS = "contact-conversations";

    @Inject
    ChatwootClient client;

    @Inject
    @CacheName(CONVERSATIONS)
    Cache conversations;

    @Inject
    @CacheName(MESSAGES)
    Cache messages;

    @Inject
    @CacheName(CONVERSATION_PAGES)
    Cache conversationPages;

    @Inject
    @CacheName(ASSIGNEE_PAGES)
    Cache assigneePages;

    /** GET conversations: a page and the tab counts (used instead of conversations/meta, which is limited to 30/min). */
    @CacheResult(cacheName = CONVERSATION_PAGES)
    public ConversationPageDTO page(ConversationQuery query) {
        return client.listConversations(query);
    }

    /** The conversations assigned to one agent (filter on assignee_id), with their number in meta.all_count. */
    @CacheResult(cacheName = ASSIGNEE_PAGES)
    public ConversationPageDTO assignedTo(long agentId, AssigneeFilter filter) {
        return client.filterConversations(filter.conditions(agentId), filter.page());
    }

    @CacheResult(cacheName = CONVERSATIONS)
    public ConversationDTO conversation(long conversationId) {
        return client.getConversation(conversationId);
    }

    /** Messages: the latest 20 (no ids), 20 before an id, or up to 100 after an id. */
    @CacheResult(cacheName = MESSAGES)
    public MessageListDTO messages(long conversationId, Long before, Long after) {
        return client.listMessages(conversationId, before, after);
    }

    @CacheResult(cacheName = AGENTS)
    public List<AgentDTO> agents() {
        return client.listAgents();
    }

    @CacheResult(cacheName = TEAMS)
    public List<TeamDTO> teams() {
        return client.listTeams();
    }

    @CacheResult(cacheName = LABELS)
    public List<LabelDTO> labels() {
        return client.listLabels();
    }

    @CacheResult(cacheName = CANNED_RESPONSES)
    public List<CannedResponseDTO> cannedResponses() {
        return client.listCannedResponses(null);
    }

    @CacheResult(cacheName = CONTACT_SEARCHES)
    public ContactSearchDTO searchContacts(String q, int page) {
        return client.searchContacts(q, page);
    }

    @CacheResult(cacheName = CONTACTS)
    public ContactDTO contact(long contactId) {
        return client.getContact(contactId);
    }

    @CacheResult(cacheName = CONTACT_CONVERSATIONS)
    public List<ConversationDTO> contactConversations(long contactId) {
        return client.contactConversations(contactId);
    }

    /** Something changed in this conversation (our own write, or an event from Kafka): read it afresh next time. */
    public void conversationChanged(long conversationId) {
        conversations.invalidate(conversationId).await().indefinitely();
        messages.as(CaffeineCache.class).keySet().stream()
                .filter(key -> key instanceof io.quarkus.cache.CompositeCacheKey composite
                        && Long.valueOf(conversationId).equals(composite.getKeyElements()[0]))
                .toList()
                .forEach(key -> messages.invalidate(key).await().indefinitely());
    }

    /** A conversation changed status or assignee: the lists and counts are stale. */
    public void listsChanged() {
        conversationPages.invalidateAll().await().indefinitely();
        assigneePages.invalidateAll().await().indefinitely();
    }

    /**
     * The filter of an agent's own conversations; {@code status} null means every status.
     */
    public record AssigneeFilter(String status, Long inboxId, Long teamId, String label, int page) {

        List<FilterCondition> conditions(long agentId) {
            var conditions = new java.util.ArrayList<FilterCondition>();
            conditions.add(FilterCondition.equalTo("assignee_id", agentId));
            if (status != null) {
                conditions.add(FilterCondition.equalTo("status", status));
            }
            if (inboxId != null) {
                conditions.add(FilterCondition.equalTo("inbox_id", inboxId));
            }
            if (teamId != null) {
                conditions.add(FilterCondition.equalTo("team_id", teamId));
            }
            if (label != null) {
                conditions.add(FilterCondition.equalTo("labels", label));
            }
            // every condition but the last is joined to the next with AND
            for (int i = 0; i < conditions.size() - 1; i++) {
                conditions.set(i, conditions.get(i).and());
            }
            return List.copyOf(conditions);
        }
    }
}
