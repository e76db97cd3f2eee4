package com.yeswechange.whatsapp.gateway.view;

import java.util.List;

/** A contact with their conversations (the latest 20, as Chatwoot returns them), filtered to what the agent may see. */
public record ContactDetail(ContactView contact, List<ConversationSummary> conversations) {
}
