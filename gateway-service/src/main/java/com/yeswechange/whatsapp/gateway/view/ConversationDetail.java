package com.yeswechange.whatsapp.gateway.view;

import java.time.Instant;
import java.util.List;

/**
 * A conversation opened in the thread view: the latest messages (ascending), who it is with and who handles it.
 *
 * @param hasOlder         more messages exist before the first one (fetch them with {@code before})
 * @param lastIncomingAt   the customer's latest message among those loaded
 * @param replyWindowOpen  WhatsApp's 24-hour customer service window is open (a free-form reply can be sent)
 */
public record ConversationDetail(
        ConversationSummary conversation,
        ContactView contact,
        AgentView assignee,
        List<MessageView> messages,
        boolean hasOlder,
        Instant lastIncomingAt,
        boolean replyWindowOpen) {
}
