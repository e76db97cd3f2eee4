package com.yeswechange.whatsapp.gateway.view;

/**
 * A Chatwoot agent.
 *
 * @param role              Chatwoot's role: agent or administrator
 * @param availability      online, busy or offline
 * @param openConversations open conversations assigned to the agent, when known (agents page only)
 */
public record AgentView(
        long id,
        String name,
        String email,
        String role,
        String availability,
        String thumbnail,
        Integer openConversations) {

    public AgentView withOpenConversations(Integer count) {
        return new AgentView(id, name, email, role, availability, thumbnail, count);
    }
}
