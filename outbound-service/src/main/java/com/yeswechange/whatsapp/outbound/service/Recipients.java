package com.yeswechange.whatsapp.outbound.service;

import com.yeswechange.whatsapp.chatwoot.ChatwootClient;
import com.yeswechange.whatsapp.chatwoot.dto.ContactDTO;
import com.yeswechange.whatsapp.chatwoot.dto.ConversationDTO;
import com.yeswechange.whatsapp.events.ChatwootEvent;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/** Who a conversation's customer is on WhatsApp. */
@ApplicationScoped
public class Recipients {

    public static final String WHATSAPP_PREFIX = "whatsapp:";

    private final ChatwootClient chatwoot;

    public Recipients(ChatwootClient chatwoot) {
        this.chatwoot = chatwoot;
    }

    /**
     * The customer's number in E.164: from the event's contact (its WhatsApp source id, else its phone number), else
     * from the conversation in Chatwoot.
     */
    public Optional<String> customerPhone(ChatwootEvent event) {
        ChatwootEvent.Contact contact = event.contact();
        if (contact != null) {
            Optional<String> known = fromSourceId(contact.sourceId()).or(() -> normalize(contact.phoneNumber()));
            if (known.isPresent()) {
                return known;
            }
        }
        ConversationDTO conversation = chatwoot.getConversation(event.conversationId());
        ContactDTO sender = conversation.meta() == null ? null : conversation.meta().sender();
        return sender == null ? Optional.empty() : normalize(sender.phoneNumber());
    }

    /** The customer's name for the template, if known. */
    public String customerName(ChatwootEvent event) {
        return event.contact() == null || event.contact().name() == null ? "" : event.contact().name();
    }

    /** The customer's name from the conversation in Chatwoot ("" when unknown or unreachable). */
    public String customerName(long conversationId) {
        try {
            ConversationDTO conversation = chatwoot.getConversation(conversationId);
            ContactDTO sender = conversation.meta() == null ? null : conversation.meta().sender();
            return sender == null || sender.name() == null ? "" : sender.name();
        } catch (com.yeswechange.whatsapp.chatwoot.ChatwootException e) {
            return "";
        }
    }

    private static Optional<String> fromSourceId(String sourceId) {
        if (sourceId != null && sourceId.startsWith(WHATSAPP_PREFIX)) {
            return normalize(sourceId.substring(WHATSAPP_PREFIX.length()));
        }
        return Optional.empty();
    }

    private static Optional<String> normalize(String phone) {
        if (phone == null || phone.isBlank()) {
            return Optional.empty();
        }
        String digits = phone.replaceAll("[\\s().-]", "");
        return digits.matches("\\+[1-9]\\d{6,14}") ? Optional.of(digits) : Optional.empty();
    }

    public static String whatsapp(String e164) {
        return WHATSAPP_PREFIX + e164;
    }
}
