package com.yeswechange.whatsapp.reporting.client;

/** The WhatsApp inbox's conversations right now. */
public record ConversationCounts(long open, long pending, long unassigned) {
}
