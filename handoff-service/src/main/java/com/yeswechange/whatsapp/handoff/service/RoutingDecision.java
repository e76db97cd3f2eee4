package com.yeswechange.whatsapp.handoff.service;

import com.yeswechange.whatsapp.chatwoot.ConversationStatus;
import com.yeswechange.whatsapp.events.InboundEvent;

/** Where a customer's handoff or message goes, from the state of the customer's conversation. Pure. */
public enum RoutingDecision {
    /** Post into the customer's open (or pending) conversation. */
    APPEND,
    /** Open the conversation first (it was snoozed, or pending when the customer asks for a human), then post. */
    REOPEN_AND_APPEND,
    /** No active conversation: create one (open) and post into it. */
    CREATE_AND_APPEND,
    /** No active conversation and a Studio flow is configured: the bot answers, Chatwoot is not involved. */
    FORWARD_TO_STUDIO;

    /**
     * @param active the status of the customer's most recent open, pending or snoozed conversation in the WhatsApp
     *               inbox, or null when there is none (never a conversation, or all resolved)
     */
    public static RoutingDecision decide(InboundEvent.Kind kind, ConversationStatus active, boolean studioConfigured) {
        if (active == null || active == ConversationStatus.RESOLVED) {
            return kind == InboundEvent.Kind.MESSAGE && studioConfigured ? FORWARD_TO_STUDIO : CREATE_AND_APPEND;
        }
        if (active == ConversationStatus.SNOOZED) {
            return REOPEN_AND_APPEND;
        }
        if (active == ConversationStatus.PENDING && kind == InboundEvent.Kind.HANDOFF) {
            return REOPEN_AND_APPEND;
        }
        return APPEND;
    }

    /** Statuses in which a conversation is still the customer's current one. */
    public static boolean isActive(ConversationStatus status) {
        return status == ConversationStatus.OPEN || status == ConversationStatus.PENDING
                || status == ConversationStatus.SNOOZED;
    }
}
