package com.yeswechange.whatsapp.outbound.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.yeswechange.whatsapp.chatwoot.ChatwootConfig;
import com.yeswechange.whatsapp.events.ChatwootEvent;
import com.yeswechange.whatsapp.events.DispatchEvent;
import com.yeswechange.whatsapp.events.DispatchEvent.Kind;
import com.yeswechange.whatsapp.events.DispatchEvent.Outcome;
import com.yeswechange.whatsapp.events.EventJson;
import com.yeswechange.whatsapp.outbound.client.OutgoingMessage;
import com.yeswechange.whatsapp.outbound.config.OutboundConfig;
import com.yeswechange.whatsapp.outbound.config.TwilioConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * chatwoot.events → WhatsApp. Agent replies (outgoing, not private, in a WhatsApp inbox, not our own echo) are sent
 * once each; customer messages keep the 24-hour window up to date; a resolve hands over to {@link ConversationCloser}.
 */
@ApplicationScoped
public class ReplyDispatcher {

    static final String TEMPLATE_SENT_NOTE = "ℹ️ Le client n'a pas écrit depuis plus de 24 h : WhatsApp n'accepte "
            + "qu'un modèle approuvé, qui lui a été envoyé à la place de votre message. Renvoyez votre message quand "
            + "il aura répondu.";

    private final DispatchLedger ledger;
    private final ExactlyOnceSender sender;
    private final CustomerWindow window;
    private final Recipients recipients;
    private final ChatwootFeedback feedback;
    private final StatusCallbacks callbacks;
    private final ConversationCloser closer;
    private final OutboundMetrics metrics;
    private final TwilioConfig twilio;
    private final Set<Long> inboxes;

    public ReplyDispatcher(DispatchLedger ledger, ExactlyOnceSender sender, CustomerWindow window,
            Recipients recipients, ChatwootFeedback feedback, StatusCallbacks callbacks, ConversationCloser closer,
            OutboundMetrics metrics, TwilioConfig twilio, OutboundConfig config, ChatwootConfig chatwoot) {
        this.ledger = ledger;
        this.sender = sender;
        this.window = window;
        this.recipients = recipients;
        this.feedback = feedback;
        this.callbacks = callbacks;
        this.closer = closer;
        this.metrics = metrics;
        this.twilio = twilio;
        this.inboxes = config.whatsappInboxIds().filter(ids -> !ids.isEmpty())
                .orElse(Set.of(chatwoot.whatsappInboxId()));
    }

    public void onEvent(ChatwootEvent event) {
        if (event.inboxId() == null || !inboxes.contains(event.inboxId()) || event.conversationId() == null) {
            return;
        }
        switch (event.event()) {
            case ChatwootEvent.MESSAGE_CREATED -> onMessage(event);
            case ChatwootEvent.CONVERSATION_STATUS_CHANGED -> {
                if ("resolved".equals(event.conversationStatus())) {
                    closer.onResolved(event);
                }
            }
            default -> {
                // other events change nothing on WhatsApp
            }
        }
    }

    /** An agent's reply: outgoing, visible to the customer, and not a message this bridge wrote itself. */
    static boolean isAgentReply(ChatwootEvent.Message message) {
        return message != null && message.isOutgoing() && !message.privateNote()
                && (message.sourceId() == null || message.sourceId().isBlank());
    }

    private void onMessage(ChatwootEvent event) {
        ChatwootEvent.Message message = event.message();
        if (message == null) {
            return;
        }
        if (message.isIncoming() && !message.privateNote()) {
            window.customerWrote(event.conversationId(), firstNonNull(message.createdAt(), event.occurredAt()));
        } else if (isAgentReply(message)) {
            sendReply(event, message);
        }
    }

    private void sendReply(ChatwootEvent event, ChatwootEvent.Message message) {
        String dispatchId = Long.toString(message.id());
        Optional<DispatchEvent> previous = ledger.get(dispatchId);
        if (previous.filter(DispatchEvent::isFinal).isPresent()) {
            metrics.duplicateIgnored();
            return;
        }
        long conversationId = event.conversationId();
        Instant eventAt = firstNonNull(event.occurredAt(), event.receivedAt());
        Optional<String> phone = recipients.customerPhone(event);
        Dispatch dispatch = new Dispatch(dispatchId, Kind.REPLY, conversationId, message.id(), phone.orElse(null),
                message.senderId(), eventAt);
        if (phone.isEmpty()) {
            fail(dispatch, null, "le client n'a pas de numéro WhatsApp connu dans Chatwoot.", Outcome.SKIPPED);
            return;
        }
        String text = message.content() == null ? "" : message.content().strip();
        List<URI> media = message.attachments().stream()
                .map(ChatwootEvent.Attachment::dataUrl)
                .filter(url -> url != null && !url.isBlank())
                .map(URI::create)
                .toList();
        if (text.isEmpty() && media.isEmpty()) {
            sender.settle(dispatch, dispatch.entry(Outcome.SKIPPED, null, null, "empty message", 0));
            return;
        }
        boolean templateUnderway = previous.map(p -> p.kind() == Kind.TEMPLATE).orElse(false);
        if (templateUnderway || !window.isOpen(conversationId, Instant.now())) {
            sendTemplate(event, dispatch, previous);
            return;
        }
        OutgoingMessage reply = new OutgoingMessage(Recipients.whatsapp(phone.get()), text.isEmpty() ? null : text,
                media, null, null, callbacks.forMessage(conversationId, message.id()));
        switch (sender.deliver(dispatch, reply, previous)) {
            case ExactlyOnceSender.Result.Settled settled -> afterSettled(dispatch, settled);
            case ExactlyOnceSender.Result.OutsideWindow refused -> sendTemplate(event, dispatch, Optional.empty());
        }
    }

    /**
     * Twilio accepted a free-text reply, then reported 63016 in a status callback (the usual way for WhatsApp): the
     * template goes out instead, once per Chatwoot message (ledger key {@code template:<message id>}).
     */
    public void windowClosedAfterSend(long conversationId, long messageId, String to) {
        String dispatchId = "template:" + messageId;
        Optional<DispatchEvent> previous = ledger.get(dispatchId);
        if (previous.filter(DispatchEvent::isFinal).isPresent() || twilio.templateContentSid().isEmpty()) {
            return;
        }
        String phone = to != null && to.startsWith(Recipients.WHATSAPP_PREFIX)
                ? to.substring(Recipients.WHATSAPP_PREFIX.length()) : to;
        if (phone == null || phone.isBlank()) {
            return;
        }
        Dispatch dispatch = new Dispatch(dispatchId, Kind.TEMPLATE, conversationId, messageId, phone, null,
                Instant.now());
        OutgoingMessage template = new OutgoingMessage(Recipients.whatsapp(phone), null, List.of(),
                twilio.templateContentSid().get(), templateVariables(recipients.customerName(conversationId)),
                callbacks.forMessage(conversationId, null));
        if (sender.deliver(dispatch, template, previous) instanceof ExactlyOnceSender.Result.Settled settled
                && settled.entry().outcome() == Outcome.SENT) {
            feedback.note(conversationId, TEMPLATE_SENT_NOTE);
        }
    }

    /** Outside the 24-hour window: the approved template if there is one, else a clear failure. */
    private void sendTemplate(ChatwootEvent event, Dispatch reply, Optional<DispatchEvent> previous) {
        Dispatch dispatch = reply.as(Kind.TEMPLATE);
        Optional<String> contentSid = twilio.templateContentSid().filter(sid -> !sid.isBlank());
        if (contentSid.isEmpty()) {
            fail(dispatch, Integer.toString(TwilioErrors.OUTSIDE_WINDOW),
                    TwilioErrors.explain(TwilioErrors.OUTSIDE_WINDOW, null), Outcome.FAILED);
            return;
        }
        OutgoingMessage template = new OutgoingMessage(Recipients.whatsapp(dispatch.customerPhone()), null, List.of(),
                contentSid.get(), templateVariables(recipients.customerName(event)),
                callbacks.forMessage(dispatch.conversationId(), dispatch.messageId()));
        ExactlyOnceSender.Result result = sender.deliver(dispatch, template, previous);
        if (result instanceof ExactlyOnceSender.Result.Settled settled) {
            afterSettled(dispatch, settled);
            if (settled.entry().outcome() == Outcome.SENT) {
                feedback.note(dispatch.conversationId(), TEMPLATE_SENT_NOTE);
            }
        }
    }

    private void afterSettled(Dispatch dispatch, ExactlyOnceSender.Result.Settled settled) {
        DispatchEvent entry = settled.entry();
        if (entry.outcome() == Outcome.FAILED) {
            feedback.messageFailed(dispatch.conversationId(), dispatch.messageId(), entry.reason());
        }
        if (settled.exhausted()) {
            throw new GaveUpException("dispatch " + dispatch.dispatchId() + ": " + entry.reason());
        }
    }

    private void fail(Dispatch dispatch, String code, String reason, Outcome outcome) {
        sender.settle(dispatch, dispatch.entry(outcome, null, code, reason, 0));
        feedback.messageFailed(dispatch.conversationId(), dispatch.messageId(), reason);
    }

    /** TWILIO_TEMPLATE_CONTENT_VARIABLES with {{contact_name}} filled in (JSON-escaped). */
    String templateVariables(String customerName) {
        Optional<String> configured = twilio.templateContentVariables().filter(json -> !json.isBlank());
        if (configured.isEmpty()) {
            return null;
        }
        try {
            String escaped = EventJson.mapper().writeValueAsString(customerName);
            return configured.get().replace("{{contact_name}}", escaped.substring(1, escaped.length() - 1));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Instant firstNonNull(Instant first, Instant second) {
        return first != null ? first : second;
    }
}
