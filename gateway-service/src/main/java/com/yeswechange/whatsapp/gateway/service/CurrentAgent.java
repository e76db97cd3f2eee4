package com.yeswechange.whatsapp.gateway.service;

import com.yeswechange.whatsapp.chatwoot.UserToken;
import com.yeswechange.whatsapp.chatwoot.dto.AgentDTO;
import com.yeswechange.whatsapp.gateway.security.Roles;
import com.yeswechange.whatsapp.gateway.view.AgentView;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Supplier;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The logged-in user of this request: who they are (OIDC claims), their roles, their Chatwoot agent (by email) and the
 * token the gateway uses to act as them in Chatwoot.
 */
@RequestScoped
public class CurrentAgent {

    public static final String ACTING_AS_AGENT = "agent_token";
    public static final String ACTING_AS_ACCOUNT = "account_token";

    @Inject
    SecurityIdentity identity;

    @Inject
    AgentDirectory directory;

    @Inject
    com.yeswechange.whatsapp.gateway.config.GatewayConfig config;

    private Optional<AgentDTO> chatwootAgent;

    public boolean isLoggedIn() {
        return !identity.isAnonymous();
    }

    /** The Keycloak username (preferred_username). */
    public String username() {
        String preferred = claim("preferred_username");
        return preferred != null ? preferred : identity.getPrincipal().getName();
    }

    public String email() {
        return claim("email");
    }

    /** The name to greet the user with: the token's name, else the username. */
    public String displayName() {
        String name = claim("name");
        return name != null && !name.isBlank() ? name : username();
    }

    /** The user's roles among agent, supervisor, admin. */
    public Set<String> roles() {
        Set<String> roles = new TreeSet<>(identity.getRoles());
        roles.retainAll(Roles.ALL);
        return roles;
    }

    /** Supervisors and admins see every agent's conversations, the agents page and the dashboard. */
    public boolean isSupervisor() {
        return identity.hasRole(Roles.SUPERVISOR) || identity.hasRole(Roles.ADMIN);
    }

    public boolean isAdmin() {
        return identity.hasRole(Roles.ADMIN);
    }

    /** The Chatwoot agent with the user's email, if any. */
    public Optional<AgentView> chatwootAgent() {
        return agent().map(Views::agent);
    }

    /** The Chatwoot agent id, or empty when no Chatwoot agent has the user's email. */
    public Optional<Long> chatwootAgentId() {
        return agent().map(AgentDTO::id);
    }

    /** The Chatwoot agent id; without one the user cannot work conversations (403). */
    public long requireChatwootAgentId() {
        return chatwootAgentId().orElseThrow(() -> new NotAllowedException(
                "no Chatwoot agent has the email of user " + username() + "; ask an administrator to invite it"));
    }

    /** The agent's own Chatwoot token, when the gateway can act as them. */
    public Optional<UserToken> userToken() {
        return chatwootAgentId().flatMap(directory::tokenFor);
    }

    /** {@link #ACTING_AS_AGENT} or {@link #ACTING_AS_ACCOUNT}: whose name Chatwoot shows on this user's changes. */
    public String actingAs() {
        return userToken().isPresent() ? ACTING_AS_AGENT : ACTING_AS_ACCOUNT;
    }

    /** Runs a Chatwoot write as this agent when possible, else with the account token. */
    public <T> T act(Function<UserToken, T> asAgent, Supplier<T> asAccount) {
        Optional<UserToken> token = userToken();
        return token.isPresent() ? asAgent.apply(token.get()) : asAccount.get();
    }

    /** Everything /api/me says about the user. */
    public com.yeswechange.whatsapp.gateway.view.MeView me() {
        return new com.yeswechange.whatsapp.gateway.view.MeView(username(), displayName(), email(), roles(),
                isSupervisor(), chatwootAgent().orElse(null), actingAs(), config.pollingIntervalSeconds());
    }

    /** Whether this user may see a conversation assigned to {@code assigneeId} (null: unassigned). */
    public boolean maySee(Long assigneeId) {
        if (isSupervisor() || assigneeId == null) {
            return true;
        }
        return chatwootAgentId().map(assigneeId::equals).orElse(false);
    }

    private Optional<AgentDTO> agent() {
        if (chatwootAgent == null) {
            chatwootAgent = directory.byEmail(email());
        }
        return chatwootAgent;
    }

    private String claim(String name) {
        if (identity.getPrincipal() instanceof JsonWebToken jwt) {
            Object value = jwt.getClaim(name);
            if (value instanceof jakarta.json.JsonString json) {
                return json.getString();
            }
            return value == null ? null : value.toString();
        }
        return null;
    }
}
