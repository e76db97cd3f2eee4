package com.yeswechange.whatsapp.gateway.service;

import com.yeswechange.whatsapp.chatwoot.ChatwootClient;
import com.yeswechange.whatsapp.chatwoot.dto.ContactCreatedDTO;
import com.yeswechange.whatsapp.chatwoot.dto.ContactSearchDTO;
import com.yeswechange.whatsapp.chatwoot.dto.CreateContactRequest;
import com.yeswechange.whatsapp.gateway.view.ContactDetail;
import com.yeswechange.whatsapp.gateway.view.ContactPage;
import com.yeswechange.whatsapp.gateway.view.ContactView;
import com.yeswechange.whatsapp.gateway.view.ConversationSummary;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.regex.Pattern;

/** Customers: search, create (in the WhatsApp inbox), and a contact with the conversations the agent may see. */
@ApplicationScoped
public class ContactService {

    /** E.164: a plus, then 8 to 15 digits, e.g. +2250701020304 for Côte d'Ivoire. */
    public static final Pattern E164 = Pattern.compile("\\+[1-9]\\d{7,14}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    @Inject
    ChatwootReads reads;

    @Inject
    ChatwootClient client;

    @Inject
    CurrentAgent agent;

    /** Contacts whose name, email, phone or identifier match {@code q} (15 per page). */
    public ContactPage search(String q, Integer page) {
        String query = q == null ? "" : q.strip();
        if (query.isEmpty() || query.length() > 100) {
            throw new InvalidInputException("q", "1 to 100 characters");
        }
        int wanted = page == null || page < 1 ? 1 : page;
        ContactSearchDTO result = reads.searchContacts(query, wanted);
        List<ContactView> items = result.payload() == null ? List.of()
                : result.payload().stream().map(Views::contact).toList();
        var meta = result.meta();
        return new ContactPage(items, wanted, meta != null && Boolean.TRUE.equals(meta.hasMore()),
                meta == null || meta.count() == null ? items.size() : meta.count());
    }

    /** Creates a WhatsApp customer: a name and an E.164 phone number, optionally an email. */
    public ContactView create(String name, String phoneNumber, String email) {
        String cleanName = name == null ? "" : name.strip();
        if (cleanName.isEmpty() || cleanName.length() > 255) {
            throw new InvalidInputException("name", "1 to 255 characters");
        }
        String phone = phoneNumber == null ? "" : phoneNumber.replaceAll("[\\s.()-]", "");
        if (!E164.matcher(phone).matches()) {
            throw new InvalidInputException("phoneNumber", "an international number such as +2250701020304");
        }
        String cleanEmail = email == null || email.isBlank() ? null : email.strip();
        if (cleanEmail != null && (cleanEmail.length() > 255 || !EMAIL.matcher(cleanEmail).matches())) {
            throw new InvalidInputException("email", "not an email address");
        }
        CreateContactRequest request = new CreateContactRequest(cleanName, cleanEmail, phone, null,
                client.whatsappInboxId(), "whatsapp:" + phone, null, null, null);
        ContactCreatedDTO created = agent.act(as -> client.createContact(as, request),
                () -> client.createContact(request));
        return Views.contact(created.contact());
    }

    /** A contact and those of their conversations the agent may see (their own, unassigned; supervisors: all). */
    public ContactDetail get(long contactId) {
        ContactView contact = Views.contact(reads.contact(contactId));
        List<ConversationSummary> conversations = reads.contactConversations(contactId).stream()
                .filter(c -> agent.maySee(Views.assigneeId(c)))
                .map(Views::summary)
                .toList();
        return new ContactDetail(contact, conversations);
    }
}
