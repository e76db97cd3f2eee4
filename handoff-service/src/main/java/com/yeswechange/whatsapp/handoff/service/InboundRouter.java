package com.yeswechange.whatsapp.handoff.service;

import com.yeswechange.whatsapp.chatwoot.ChatwootClient;
import com.yeswechange.whatsapp.chatwoot.ConversationStatus;
import com.yeswechange.whatsapp.chatwoot.MessageType;
import com.yeswechange.whatsapp.chatwoot.dto.AttachmentUpload;
import com.yeswechange.whatsapp.chatwoot.dto.ContactDTO;
import com.yeswechange.whatsapp.chatwoot.dto.ConversationDTO;
import com.yeswechange.whatsapp.chatwoot.dto.CreateContactRequest;
import com.yeswechange.whatsapp.chatwoot.dto.CreateConversationRequest;
import com.yeswechange.whatsapp.chatwoot.dto.CreateMessageRequest;
import com.yeswechange.whatsapp.chatwoot.dto.MessageDTO;
import com.yeswechange.whatsapp.events.InboundEvent;
import com.yeswechange.whatsapp.handoff.client.StudioForwarder;
import com.yeswechange.whatsapp.handoff.client.TwilioMediaClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Puts one customer handoff or message into the right Chatwoot conversation, exactly once.
 *
 * <p>Exactly once rests on Chatwoot itself, which stores our {@code source_id} (the Twilio MessageSid) on every
 * message but does not deduplicate on it: before posting, the conversation's latest messages are read and a message
 * already carrying the id is not posted again. So a redelivered record (Twilio retry, crash before the offset commit,
 * a create whose answer was lost) finds its message and stops. Records of one customer share a partition and are
 * routed one at a time, so two messages of a new customer yield one contact and one conversation.
 */
@ApplicationScoped
public class InboundRouter {

    private static final Logger LOG = Logger.getLogger(InboundRouter.class);

    /** What became of a record. */
    public enum Outcome {
        ROUTED, DUPLICATE, FORWARDED_TO_STUDIO
    }

    /** Suffix of the bot-context note's source_id, so the note too is posted once. */
    static final String CONTEXT_NOTE_SUFFIX = ":context";

    private final ChatwootClient chatwoot;
    private final TwilioMediaClient media;
    private final StudioForwarder studio;

    public InboundRouter(ChatwootClient chatwoot, TwilioMediaClient media, StudioForwarder studio) {
        this.chatwoot = chatwoot;
        this.media = media;
        this.studio = studio;
    }

    public Outcome route(InboundEvent event) {
        if (event.messageSid() == null || event.customerPhone() == null || event.customerPhone().isBlank()) {
            throw new PermanentRouteException("the record has no messageSid or customerPhone");
        }
        ContactDTO contact = findOrCreateContact(event);
        Optional<ConversationDTO> active = activeConversation(contact.id());
        RoutingDecision decision = RoutingDecision.decide(event.kind(),
                active.map(ConversationDTO::status).orElse(null), studio.configured());
        long conversationId = switch (decision) {
            case FORWARD_TO_STUDIO -> {
                studio.forward(event);
                yield -1;
            }
            case CREATE_AND_APPEND -> createConversation(contact, event).id();
            case REOPEN_AND_APPEND -> {
                long id = active.orElseThrow().id();
                chatwoot.toggleStatus(id, ConversationStatus.OPEN, null);
                yield id;
            }
            case APPEND -> active.orElseThrow().id();
        };
        if (decision == RoutingDecision.FORWARD_TO_STUDIO) {
            return Outcome.FORWARDED_TO_STUDIO;
        }
        Set<String> present = sourceIdsOfLatestMessages(conversationId);
        boolean posted = false;
        if (!present.contains(event.messageSid())) {
            postIncoming(conversationId, event);
            posted = true;
        }
        if (MessageTexts.hasBotContext(event) && !present.contains(event.messageSid() + CONTEXT_NOTE_SUFFIX)) {
            chatwoot.createMessage(conversationId, new CreateMessageRequest(MessageTexts.botContextNote(event),
                    MessageType.OUTGOING, true, null, null,
                    event.messageSid() + CONTEXT_NOTE_SUFFIX, null));
            posted = true;
        }
        LOG.debugf("record %s routed to conversation %d (%s)", event.messageSid(), conversationId, decision);
        return posted ? Outcome.ROUTED : Outcome.DUPLICATE;
    }

    /** The contact with this phone number (or WhatsApp id), created in the WhatsApp inbox when absent. */
    ContactDTO findOrCreateContact(InboundEvent event) {
        String phone = event.customerPhone();
        List<ContactDTO> found = Optional.ofNullable(chatwoot.searchContacts(phone, null).payload()).orElse(List.of());
        for (ContactDTO candidate : found) {
            if (phone.equals(candidate.phoneNumber()) || phone.equals(candidate.identifier())) {
                return candidate;
            }
        }
        String name = event.profileName() == null || event.profileName().isBlank() ? phone : event.profileName();
        boolean isPhoneNumber = phone.startsWith("+");
        CreateContactRequest request = new CreateContactRequest(name, null, isPhoneNumber ? phone : null,
                isPhoneNumber ? null : phone, chatwoot.whatsappInboxId(), contactSourceId(event), null, null, null);
        ContactDTO created = chatwoot.createContact(request).contact();
        LOG.infof("created Chatwoot contact %d for a new WhatsApp customer", created.id());
        return created;
    }

    /** The customer's most recent open, pending or snoozed conversation in the WhatsApp inbox. */
    Optional<ConversationDTO> activeConversation(long contactId) {
        long inbox = chatwoot.whatsappInboxId();
        return Optional.ofNullable(chatwoot.contactConversations(contactId)).orElse(List.of()).stream()
                .filter(conversation -> Objects.equals(conversation.inboxId(), inbox))
                .filter(conversation -> RoutingDecision.isActive(conversation.status()))
                .max(Comparator.comparingLong(ConversationDTO::id));
    }

    private ConversationDTO createConversation(ContactDTO contact, InboundEvent event) {
        ConversationDTO created = chatwoot.createConversation(new CreateConversationRequest(contactSourceId(event),
                chatwoot.whatsappInboxId(), contact.id(), ConversationStatus.OPEN, null, null, null, null, null));
        LOG.infof("opened Chatwoot conversation %d (%s)", created.id(), event.kind());
        return created;
    }

    private Set<String> sourceIdsOfLatestMessages(long conversationId) {
        List<MessageDTO> latest = Optional.ofNullable(chatwoot.listMessages(conversationId, null, null).payload())
                .orElse(List.of());
        return latest.stream().map(MessageDTO::sourceId).filter(Objects::nonNull).collect(Collectors.toSet());
    }

    private void postIncoming(long conversationId, InboundEvent event) {
        StringBuilder content = new StringBuilder(MessageTexts.content(event));
        List<AttachmentUpload> files = new ArrayList<>();
        for (InboundEvent.Media item : event.media()) {
            try {
                files.add(media.download(item));
            } catch (PermanentRouteException unavailable) {
                // the customer's text must still reach the agent; say what is missing instead
                LOG.warnf("media of %s not attached: %s", event.messageSid(), unavailable.getMessage());
                content.append(content.isEmpty() ? "" : "\n").append(MessageTexts.missingMedia(item));
            }
        }
        CreateMessageRequest request = CreateMessageRequest.incoming(content.toString(), event.messageSid());
        if (files.isEmpty()) {
            chatwoot.createMessage(conversationId, request);
        } else {
            chatwoot.createMessage(conversationId, request, files);
        }
    }

    /** The contact inbox's source_id in the WhatsApp API inbox: whatsapp:+E164, as Chatwoot's own channel does. */
    static String contactSourceId(InboundEvent event) {
        return "whatsapp:" + event.customerPhone();
    }
}
