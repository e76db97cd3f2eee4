package com.yeswechange.whatsapp.chatwoot;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/**
 * Where Chatwoot is and who we are there. Environment variables follow the usual mapping:
 * {@code chatwoot.base-url} ← {@code CHATWOOT_BASE_URL}, and so on.
 */
@ConfigMapping(prefix = "chatwoot")
public interface ChatwootConfig {

    /** Chatwoot's root URL, e.g. http://localhost:3000 (CHATWOOT_BASE_URL). */
    String baseUrl();

    /** The account every /api/v1|v2/accounts/{id} call targets (CHATWOOT_ACCOUNT_ID). */
    long accountId();

    /** The default api_access_token: a user's or agent bot's token for the account (CHATWOOT_API_TOKEN). */
    String apiToken();

    /** A platform app's token for /platform/api/v1, needed only to fetch agents' own tokens (CHATWOOT_PLATFORM_TOKEN). */
    Optional<String> platformToken();

    /** The API inbox that carries WhatsApp conversations (CHATWOOT_WHATSAPP_INBOX_ID). */
    long whatsappInboxId();

    /** How long reads may retry on a 429 before giving up; longer Retry-After values are not waited for. */
    @WithDefault("30")
    int maxRetryAfterSeconds();
}
