package com.yeswechange.whatsapp.gateway.service;

import com.yeswechange.whatsapp.chatwoot.ChatwootClient;
import com.yeswechange.whatsapp.chatwoot.ChatwootConfig;
import com.yeswechange.whatsapp.chatwoot.ChatwootException;
import com.yeswechange.whatsapp.chatwoot.ChatwootUnavailableException;
import com.yeswechange.whatsapp.chatwoot.UserToken;
import com.yeswechange.whatsapp.chatwoot.dto.AgentDTO;
import io.quarkus.cache.CacheResult;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Locale;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Maps a logged-in user to their Chatwoot agent (by email, from the cached agents list) and, when the platform token
 * is set, to that agent's own Chatwoot access token (platform API, cached), so the gateway can act as them.
 */
@ApplicationScoped
public class AgentDirectory {

    public static final String AGENT_TOKENS = "agent-tokens";

    private static final Logger LOG = Logger.getLogger(AgentDirectory.class);

    @Inject
    ChatwootReads reads;

    @Inject
    ChatwootClient client;

    @Inject
    ChatwootConfig config;

    /** The Chatwoot agent whose email is {@code email} (case-insensitive). */
    public Optional<AgentDTO> byEmail(String email) {
        if (email == null || email.isBlank()) {
            return Optional.empty();
        }
        String wanted = email.trim().toLowerCase(Locale.ROOT);
        return reads.agents().stream()
                .filter(agent -> agent.email() != null && agent.email().toLowerCase(Locale.ROOT).equals(wanted))
                .findFirst();
    }

    public Optional<AgentDTO> byId(long agentId) {
        return reads.agents().stream().filter(agent -> agent.id() == agentId).findFirst();
    }

    /** True when CHATWOOT_PLATFORM_TOKEN is set, i.e. the gateway can fetch agents' own tokens. */
    public boolean canActAsAgents() {
        return config.platformToken().filter(token -> !token.isBlank()).isPresent();
    }

    /**
     * The agent's own Chatwoot token, or empty when there is no platform token or Chatwoot will not give this user's
     * token to our platform app (then the account token is used). An unreachable Chatwoot is not cached: it throws.
     */
    @CacheResult(cacheName = AGENT_TOKENS)
    public Optional<UserToken> tokenFor(long agentId) {
        if (!canActAsAgents()) {
            return Optional.empty();
        }
        try {
            return Optional.of(client.userToken(agentId));
        } catch (ChatwootUnavailableException down) {
            throw down;
        } catch (ChatwootException refused) {
            LOG.warnf("Chatwoot gives no access token for agent %d (HTTP %d): acting with the account token",
                    agentId, refused.status());
            return Optional.empty();
        }
    }
}
