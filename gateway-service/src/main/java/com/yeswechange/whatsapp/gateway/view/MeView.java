package com.yeswechange.whatsapp.gateway.view;

import java.util.Set;

/**
 * Who is logged in and how the gateway acts for them in Chatwoot.
 *
 * @param actingAs               {@code agent_token} (Chatwoot shows this agent as the author) or {@code account_token}
 *                               (no CHATWOOT_PLATFORM_TOKEN or no token for this agent: Chatwoot shows the account's
 *                               user)
 * @param chatwootAgent          the Chatwoot agent with this email; null when there is none
 * @param pollingIntervalSeconds how often the UI polls when the live stream is down
 */
public record MeView(
        String username,
        String name,
        String email,
        Set<String> roles,
        boolean supervisor,
        AgentView chatwootAgent,
        String actingAs,
        int pollingIntervalSeconds) {
}
