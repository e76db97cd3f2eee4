package com.yeswechange.whatsapp.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;

/**
 * One entry of the send ledger, on the compacted {@link Topics#WHATSAPP_DISPATCH}, keyed by {@link #dispatchId()}.
 * The latest entry of a key is the truth about that send: {@link Outcome#PENDING} is written before Twilio is called,
 * so a crash between the call and the outcome leaves a PENDING entry that must be reconciled with Twilio's message
 * list before any re-send.
 *
 * @param dispatchId     the Chatwoot message id for an agent reply; {@code closing:<conversation>:<delivery>} for a
 *                       closing message
 * @param kind           what was (to be) sent
 * @param conversationId the Chatwoot conversation
 * @param messageId      the Chatwoot message, for replies
 * @param customerPhone  the recipient in E.164
 * @param messageSid     Twilio's MessageSid once known
 * @param errorCode      Twilio's error code for a failure
 * @param reason         why it failed or was skipped, in plain words
 * @param attempt        1 for the first try
 * @param agentId        the Chatwoot user who wrote the reply, if known
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DispatchEvent(
        int schemaVersion,
        String dispatchId,
        Kind kind,
        Outcome outcome,
        Long conversationId,
        Long messageId,
        String customerPhone,
        String messageSid,
        String errorCode,
        String reason,
        int attempt,
        Long agentId,
        Instant at) {

    public static final int CURRENT_VERSION = 1;

    public enum Kind {
        REPLY,
        TEMPLATE,
        CLOSING
    }

    public enum Outcome {
        /** Written before the Twilio call: if nothing follows, the outcome is unknown and must be reconciled. */
        PENDING,
        SENT,
        FAILED,
        SKIPPED
    }

    public DispatchEvent {
        schemaVersion = schemaVersion <= 0 ? 1 : schemaVersion;
    }

    public boolean isFinal() {
        return outcome != null && outcome != Outcome.PENDING;
    }
}
