package com.yeswechange.whatsapp.gateway.view;

import java.util.List;

/** One page (Chatwoot's 25 per page) of a conversation list, with the tab counts. */
public record ConversationPage(List<ConversationSummary> items, Counts counts, int page, boolean hasMore) {
}
