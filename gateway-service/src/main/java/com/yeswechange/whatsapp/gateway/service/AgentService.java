package com.yeswechange.whatsapp.gateway.service;

import com.yeswechange.whatsapp.chatwoot.AssigneeType;
import com.yeswechange.whatsapp.chatwoot.ConversationStatus;
import com.yeswechange.whatsapp.chatwoot.dto.ConversationDTO;
import com.yeswechange.whatsapp.chatwoot.dto.ConversationPageDTO;
import com.yeswechange.whatsapp.chatwoot.dto.ConversationQuery;
import com.yeswechange.whatsapp.gateway.view.AgentView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The agents page (supervisors and admins): every agent, their availability and their open conversations. */
@ApplicationScoped
public class AgentService {

    /** At most this many pages (25 each) of assigned open conversations are read to count per agent. */
    static final int MAX_PAGES = 20;

    @Inject
    ChatwootReads reads;

    @Inject
    CurrentAgent agent;

    public List<AgentView> list() {
        if (!agent.isSupervisor()) {
            throw new NotAllowedException("the agents list is for supervisors and admins");
        }
        Map<Long, Integer> open = openConversationsByAgent();
        return reads.agents().stream()
                .map(Views::agent)
                .map(view -> view.withOpenConversations(open.getOrDefault(view.id(), 0)))
                .toList();
    }

    /** Counts open, assigned conversations per assignee from the shared (cached) Assigned list pages. */
    private Map<Long, Integer> openConversationsByAgent() {
        Map<Long, Integer> counts = new HashMap<>();
        ConversationQuery assigned = ConversationQuery.of(ConversationStatus.OPEN, AssigneeType.ASSIGNED);
        for (int page = 1; page <= MAX_PAGES; page++) {
            ConversationPageDTO result = reads.page(assigned.withPage(page));
            List<ConversationDTO> items = result.payload() == null ? List.of() : result.payload();
            for (ConversationDTO conversation : items) {
                Long assignee = Views.assigneeId(conversation);
                if (assignee != null) {
                    counts.merge(assignee, 1, Integer::sum);
                }
            }
            if (items.size() < ConversationService.PAGE_SIZE) {
                break;
            }
        }
        return counts;
    }
}
