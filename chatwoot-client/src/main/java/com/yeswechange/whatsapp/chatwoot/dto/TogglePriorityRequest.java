package com.yeswechange.whatsapp.chatwoot.dto;

import com.yeswechange.whatsapp.chatwoot.ConversationPriority;

/** POST …/toggle_priority. A null priority is sent as null and clears it. */
public record TogglePriorityRequest(ConversationPriority priority) {
}
