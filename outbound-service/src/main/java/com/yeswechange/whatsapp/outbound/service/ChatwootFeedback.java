package com.yeswechange.whatsapp.outbound.service;

import com.yeswechange.whatsapp.chatwoot.ChatwootClient;
import com.yeswechange.whatsapp.chatwoot.ChatwootException;
import com.yeswechange.whatsapp.chatwoot.MessageStatus;
import com.yeswechange.whatsapp.chatwoot.dto.CreateMessageRequest;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * What agents see in Chatwoot about a send: the failed tick with its error text, and a private note saying why and
 * what to do. Best effort: a Chatwoot outage never turns into a re-send (the ledger already holds the outcome).
 */
@ApplicationScoped
public class ChatwootFeedback {

    private static final Logger LOG = Logger.getLogger(ChatwootFeedback.class);

    private final ChatwootClient chatwoot;
    private final MeterRegistry registry;

    public ChatwootFeedback(ChatwootClient chatwoot, MeterRegistry registry) {
        this.chatwoot = chatwoot;
        this.registry = registry;
    }

    /** Failed tick on the agent's message plus a private note with the reason. */
    public void messageFailed(long conversationId, Long messageId, String reason) {
        if (messageId != null) {
            try {
                chatwoot.updateMessageStatus(conversationId, messageId, MessageStatus.FAILED, reason);
            } catch (ChatwootException e) {
                failure("status", e);
            }
        }
        note(conversationId, "⚠️ Message non remis sur WhatsApp. " + reason);
    }

    /** A private note only agents see. */
    public void note(long conversationId, String text) {
        try {
            chatwoot.createMessage(conversationId, CreateMessageRequest.privateNote(text));
        } catch (ChatwootException e) {
            failure("note", e);
        }
    }

    private void failure(String what, ChatwootException e) {
        registry.counter("outbound.chatwoot.feedback.failures", "kind", what).increment();
        LOG.warnf("could not write the %s to Chatwoot (HTTP %d): %s", what, e.status(), e.getMessage());
    }
}
