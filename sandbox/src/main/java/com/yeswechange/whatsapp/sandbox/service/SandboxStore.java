package com.yeswechange.whatsapp.sandbox.service;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.inject.Singleton;
import jakarta.inject.Inject;

import com.yeswechange.whatsapp.sandbox.config.SandboxConfig;
import com.yeswechange.whatsapp.sandbox.model.Attachment;
import com.yeswechange.whatsapp.sandbox.model.CannedResponse;
import com.yeswechange.whatsapp.sandbox.model.Contact;
import com.yeswechange.whatsapp.sandbox.model.ContactInbox;
import com.yeswechange.whatsapp.sandbox.model.Conversation;
import com.yeswechange.whatsapp.sandbox.model.Inbox;
import com.yeswechange.whatsapp.sandbox.model.Label;
import com.yeswechange.whatsapp.sandbox.model.Message;
import com.yeswechange.whatsapp.sandbox.model.OutgoingCall;
import com.yeswechange.whatsapp.sandbox.model.StudioExecution;
import com.yeswechange.whatsapp.sandbox.model.Team;
import com.yeswechange.whatsapp.sandbox.model.TwilioMessage;
import com.yeswechange.whatsapp.sandbox.model.User;

/**
 * All sandbox state, in memory. Every reader and writer synchronizes on this object, so one operation (a message and
 * the webhook payload it causes) is seen whole. A @Singleton (no client proxy), because callers read its fields
 * and lock on the instance itself. {@link #reset()} puts the French demo data back.
 */
@Singleton
public class SandboxStore {

    public static final String ACCOUNT_NAME = "YesWeChange";

    @Inject
    SandboxConfig config;

    public final Map<Long, User> users = new LinkedHashMap<>();
    public final Map<Long, Inbox> inboxes = new LinkedHashMap<>();
    public final Map<Long, Team> teams = new LinkedHashMap<>();
    public final Map<Long, Label> labels = new LinkedHashMap<>();
    public final Map<Long, CannedResponse> cannedResponses = new LinkedHashMap<>();
    public final Map<Long, Contact> contacts = new LinkedHashMap<>();
    public final Map<Long, ContactInbox> contactInboxes = new LinkedHashMap<>();
    public final Map<Long, Conversation> conversations = new LinkedHashMap<>();
    public final Map<Long, Message> messages = new LinkedHashMap<>();
    public final Map<Long, Attachment> attachments = new LinkedHashMap<>();
    /** Twilio messages by sid, in creation order (outbound sends and inbound customer messages). */
    public final Map<String, TwilioMessage> twilioMessages = new LinkedHashMap<>();
    public final Map<String, StudioExecution> executions = new LinkedHashMap<>();
    /** When each WhatsApp address ("whatsapp:+225…") last wrote to the business: drives the 24-hour window. */
    public final Map<String, Instant> lastInboundAt = new LinkedHashMap<>();
    /** Every HTTP call the sandbox made, for end-to-end assertions. */
    public final List<OutgoingCall> outgoingCalls = new ArrayList<>();

    private final AtomicLong contactSeq = new AtomicLong();
    private final AtomicLong contactInboxSeq = new AtomicLong();
    private final AtomicLong conversationSeq = new AtomicLong();
    private final AtomicLong messageSeq = new AtomicLong();
    private final AtomicLong attachmentSeq = new AtomicLong();
    private final AtomicLong cannedSeq = new AtomicLong();
    private final AtomicLong callSeq = new AtomicLong();

    @jakarta.annotation.PostConstruct
    void init() {
        reset();
    }

    public long nextContactId() {
        return contactSeq.incrementAndGet();
    }

    public long nextContactInboxId() {
        return contactInboxSeq.incrementAndGet();
    }

    public long nextConversationId() {
        return conversationSeq.incrementAndGet();
    }

    public long nextMessageId() {
        return messageSeq.incrementAndGet();
    }

    public long nextAttachmentId() {
        return attachmentSeq.incrementAndGet();
    }

    public long nextCannedResponseId() {
        return cannedSeq.incrementAndGet();
    }

    public long nextCallSeq() {
        return callSeq.incrementAndGet();
    }

    public Optional<User> userByToken(String token) {
        return users.values().stream().filter(u -> u.accessToken.equals(token)).findFirst();
    }

    public Optional<Contact> contactByPhone(String phone) {
        return contacts.values().stream().filter(c -> phone.equals(c.phoneNumber)).findFirst();
    }

    public Optional<ContactInbox> contactInbox(long contactId, long inboxId) {
        return contactInboxes.values().stream().filter(ci -> ci.contactId == contactId && ci.inboxId == inboxId)
                .findFirst();
    }

    public List<Message> messagesOf(long conversationId) {
        return messages.values().stream().filter(m -> m.conversationId == conversationId).toList();
    }

    public String whatsappInboxName() {
        return inboxes.get(config.chatwoot().whatsappInboxId()).name();
    }

    /** Forgets everything and loads the demo data again. */
    public synchronized void reset() {
        users.clear();
        inboxes.clear();
        teams.clear();
        labels.clear();
        cannedResponses.clear();
        contacts.clear();
        contactInboxes.clear();
        conversations.clear();
        messages.clear();
        attachments.clear();
        twilioMessages.clear();
        executions.clear();
        lastInboundAt.clear();
        outgoingCalls.clear();
        for (AtomicLong seq : List.of(contactSeq, contactInboxSeq, conversationSeq, messageSeq, attachmentSeq,
                cannedSeq, callSeq)) {
            seq.set(0);
        }
        seed(Instant.now().truncatedTo(ChronoUnit.MILLIS));
    }

    private void seed(Instant now) {
        SandboxConfig.Chatwoot cw = config.chatwoot();
        addUser(new User(1, "Administrateur YesWeChange", "admin@yeswechange.ci", "administrator", cw.adminToken()));
        addUser(new User(2, "Koffi N'Guessan", "agent1@yeswechange.ci", "agent", "sandbox-agent1-token"));
        addUser(new User(3, "Mariam Traoré", "agent2@yeswechange.ci", "agent", "sandbox-agent2-token"));
        addUser(new User(4, "Yao Kouadio", "agent3@yeswechange.ci", "agent", "sandbox-agent3-token"));
        addUser(new User(5, "Fatou Bamba", "supervisor1@yeswechange.ci", "administrator", "sandbox-supervisor1-token"));
        users.get(4L).availability = "busy";

        long whatsapp = cw.whatsappInboxId();
        inboxes.put(whatsapp, new Inbox(whatsapp, "WhatsApp", 1));

        teams.put(1L, new Team(1, "Service client", "Questions générales et remboursements", List.of(2L, 3L)));
        teams.put(2L, new Team(2, "Support technique", "Problèmes d'accès et de paiement", List.of(4L)));

        labels.put(1L, new Label(1, "remboursement", "Demandes de remboursement", "#1f93ff"));
        labels.put(2L, new Label(2, "facturation", "Questions sur les factures", "#ff9800"));
        labels.put(3L, new Label(3, "urgent", "À traiter en priorité", "#e0245e"));
        labels.put(4L, new Label(4, "reclamation", "Réclamations clients", "#7e57c2"));

        addCanned("bonjour", "Bonjour, je suis {{agent.name}} de YesWeChange. Comment puis-je vous aider ?", now);
        addCanned("delai", "Votre demande est bien prise en compte. Nous revenons vers vous sous 48 heures ouvrées.",
                now);
        addCanned("rib", "Pouvez-vous nous envoyer une photo de votre relevé d'identité bancaire (RIB) ?", now);
        addCanned("merci", "Merci pour votre patience. Bonne journée et à bientôt sur YesWeChange !", now);

        // 1: open, assigned to agent1, waiting for the agent's answer
        Conversation c1 = seedConversation("Aya Kouassi", "+2250701020304", now.minus(Duration.ofMinutes(40)), "open",
                2L, 1L);
        c1.labels.add("remboursement");
        seedMessage(c1, Message.INCOMING, null,
                "Bonjour, j'ai un problème avec le remboursement de ma facture.", now.minus(Duration.ofMinutes(40)));
        seedMessage(c1, Message.OUTGOING, 2L, "Bonjour Aya, je regarde votre dossier tout de suite.",
                now.minus(Duration.ofMinutes(35)));
        seedMessage(c1, Message.INCOMING, null, "Merci. Le montant est de 25 000 FCFA, facture de mai.",
                now.minus(Duration.ofMinutes(12)));

        // 2: open, unassigned, high priority
        Conversation c2 = seedConversation("Jean-Marc Konan", "+2250505060708", now.minus(Duration.ofMinutes(8)),
                "open", null, null);
        c2.priority = "high";
        seedMessage(c2, Message.INCOMING, null, "Bonsoir, mon paiement Mobile Money a été débité deux fois !",
                now.minus(Duration.ofMinutes(8)));
        seedMessage(c2, Message.INCOMING, null, "Je veux parler à un conseiller s'il vous plaît.",
                now.minus(Duration.ofMinutes(5)));

        // 3: pending (still with the bot), unassigned
        Conversation c3 = seedConversation("Adjoua Yao", "+2250102030405", now.minus(Duration.ofHours(1)), "pending",
                null, null);
        seedMessage(c3, Message.INCOMING, null, "Comment modifier mon numéro de téléphone sur mon compte ?",
                now.minus(Duration.ofHours(1)));

        // 4: resolved yesterday by agent2
        Conversation c4 = seedConversation("Moussa Coulibaly", "+2250707080910", now.minus(Duration.ofHours(26)),
                "resolved", 3L, 1L);
        c4.labels.add("facturation");
        seedMessage(c4, Message.INCOMING, null, "Je n'arrive pas à télécharger ma facture d'avril.",
                now.minus(Duration.ofHours(26)));
        seedMessage(c4, Message.OUTGOING, 3L, "Bonjour Moussa, je vous l'envoie par e-mail à l'instant.",
                now.minus(Duration.ofHours(25).plusMinutes(50)));
        Message note = seedMessage(c4, Message.OUTGOING, 3L, "Facture renvoyée depuis le back-office.",
                now.minus(Duration.ofHours(25).plusMinutes(48)));
        note.isPrivate = true;
        seedMessage(c4, Message.INCOMING, null, "Bien reçue, merci beaucoup !", now.minus(Duration.ofHours(25)));
        c4.resolvedAt = now.minus(Duration.ofHours(24));
        seedActivity(c4, "Conversation résolue par Mariam Traoré", c4.resolvedAt);

        // 5: snoozed until tomorrow, agent3
        Conversation c5 = seedConversation("Awa Ouattara", "+2250504030201", now.minus(Duration.ofHours(3)), "snoozed",
                4L, 2L);
        c5.snoozedUntil = now.plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.SECONDS);
        seedMessage(c5, Message.INCOMING, null, "Je vous rappelle demain avec mon numéro de dossier.",
                now.minus(Duration.ofHours(3)));
        seedMessage(c5, Message.OUTGOING, 4L, "Très bien, à demain Awa.", now.minus(Duration.ofHours(2).plusMinutes(55)));

        // 6: open, agent2, the customer last wrote three days ago: a free-form reply fails with 63016
        Conversation c6 = seedConversation("Serge Kouamé", "+2250708091011", now.minus(Duration.ofDays(3)), "open", 3L,
                null);
        c6.labels.add("reclamation");
        seedMessage(c6, Message.INCOMING, null, "Ma carte est bloquée depuis ce matin.", now.minus(Duration.ofDays(3)));
        seedMessage(c6, Message.OUTGOING, 3L, "Nous transmettons votre demande au service concerné.",
                now.minus(Duration.ofDays(3)).plus(Duration.ofMinutes(10)));
    }

    private void addUser(User user) {
        users.put(user.id, user);
    }

    private void addCanned(String shortCode, String content, Instant now) {
        long id = nextCannedResponseId();
        cannedResponses.put(id, new CannedResponse(id, shortCode, content, now));
    }

    /** A WhatsApp contact, its contact inbox and a conversation created at {@code at}. */
    private Conversation seedConversation(String name, String phone, Instant at, String status, Long assigneeId,
            Long teamId) {
        Contact contact = new Contact();
        contact.id = nextContactId();
        contact.name = name;
        contact.phoneNumber = phone;
        contact.createdAt = at.minusSeconds(1);
        contact.lastActivityAt = at;
        contacts.put(contact.id, contact);

        ContactInbox ci = new ContactInbox();
        ci.id = nextContactInboxId();
        ci.contactId = contact.id;
        ci.inboxId = config.chatwoot().whatsappInboxId();
        ci.sourceId = "whatsapp:" + phone;
        ci.createdAt = contact.createdAt;
        ci.updatedAt = contact.createdAt;
        ci.pubsubToken = "pst" + Long.toHexString(Double.doubleToLongBits(Math.random()));
        contactInboxes.put(ci.id, ci);

        Conversation c = new Conversation();
        c.id = nextConversationId();
        c.inboxId = ci.inboxId;
        c.contactId = contact.id;
        c.contactInboxId = ci.id;
        c.status = status;
        c.assigneeId = assigneeId;
        c.teamId = teamId;
        c.createdAt = at;
        c.updatedAt = at;
        c.lastActivityAt = at;
        c.waitingSince = at;
        conversations.put(c.id, c);
        return c;
    }

    private Message seedMessage(Conversation c, int type, Long userId, String content, Instant at) {
        Message m = new Message();
        m.id = nextMessageId();
        m.conversationId = c.id;
        m.inboxId = c.inboxId;
        m.content = content;
        m.messageType = type;
        m.createdAt = at;
        m.updatedAt = at;
        if (type == Message.INCOMING) {
            m.senderType = "Contact";
            m.senderId = c.contactId;
            m.sourceId = "SM" + ChatwootService.hex32();
            String address = contactInboxes.get(c.contactInboxId).sourceId;
            lastInboundAt.merge(address, at, (a, b) -> a.isAfter(b) ? a : b);
            contacts.get(c.contactId).lastActivityAt = at;
            if (c.waitingSince == null) {
                c.waitingSince = at;
            }
        } else {
            m.senderType = "User";
            m.senderId = userId;
            m.status = "read";
            if (c.firstReplyCreatedAt == null) {
                c.firstReplyCreatedAt = at;
            }
            c.waitingSince = null;
        }
        messages.put(m.id, m);
        c.lastActivityAt = at;
        c.updatedAt = at;
        return m;
    }

    private void seedActivity(Conversation c, String content, Instant at) {
        Message m = new Message();
        m.id = nextMessageId();
        m.conversationId = c.id;
        m.inboxId = c.inboxId;
        m.content = content;
        m.messageType = Message.ACTIVITY;
        m.createdAt = at;
        m.updatedAt = at;
        messages.put(m.id, m);
        c.lastActivityAt = at;
        c.updatedAt = at;
    }
}
