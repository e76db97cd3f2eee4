package com.yeswechange.whatsapp.sandbox.service;

import static com.yeswechange.whatsapp.sandbox.service.Json.iso;
import static com.yeswechange.whatsapp.sandbox.service.Json.obj;
import static com.yeswechange.whatsapp.sandbox.service.Json.unix;
import static com.yeswechange.whatsapp.sandbox.service.Json.unixFloat;
import static com.yeswechange.whatsapp.sandbox.service.Json.unixOrZero;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
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
import com.yeswechange.whatsapp.sandbox.model.Team;
import com.yeswechange.whatsapp.sandbox.model.User;

/**
 * Renders sandbox records in Chatwoot v4.15.1's JSON shapes (keys in the order of its jbuilder views and
 * {@code webhook_data} methods; see specs/chatwoot/API-NOTES.md and examples/README.md). Callers hold the store lock.
 */
@ApplicationScoped
public class ChatwootViews {

    @Inject
    SandboxStore store;

    @Inject
    SandboxConfig config;

    long accountId() {
        return config.chatwoot().accountId();
    }

    // ---- users

    /** api/v1/models/_agent.json.jbuilder */
    public Map<String, Object> agent(User u) {
        return obj("id", u.id, "account_id", accountId(), "availability_status", u.availability, "auto_offline", true,
                "confirmed", true, "email", u.email, "provider", "email", "available_name", u.name, "name", u.name,
                "role", u.role, "thumbnail", "", "custom_role_id", null);
    }

    /** User#push_event_data; availability_status is null in webhooks (no Current.account in the job). */
    public Map<String, Object> userPushData(User u, boolean inWebhook) {
        return obj("id", u.id, "name", u.name, "available_name", u.name, "avatar_url", "", "type", "user",
                "availability_status", inWebhook ? null : u.availability, "thumbnail", "");
    }

    /** User#webhook_data, the top-level sender of a message event. */
    public Map<String, Object> userWebhookData(User u) {
        return obj("id", u.id, "name", u.name, "email", u.email, "type", "user");
    }

    /** platform/api/v1/models/_user.json.jbuilder, with the secrets a platform app may read. */
    public Map<String, Object> platformUser(User u) {
        return obj("access_token", u.accessToken, "account_id", accountId(), "available_name", u.name, "avatar_url",
                "", "confirmed", true, "display_name", null, "message_signature", null, "email", u.email,
                "hmac_identifier", "", "id", u.id, "inviter_id", null, "name", u.name, "provider", "email",
                "pubsub_token", u.pubsubToken, "role", u.role, "ui_settings", obj(), "uid", u.email, "type", null,
                "custom_attributes", obj(), "accounts", List.of(obj("id", accountId(), "name", SandboxStore.ACCOUNT_NAME,
                        "status", "active", "active_at", null, "role", u.role, "permissions", List.of(u.role),
                        "availability", u.availability, "availability_status", u.availability, "auto_offline", true,
                        "custom_role_id", null, "custom_role", null)));
    }

    // ---- contacts

    /** api/v1/models/_contact.json.jbuilder (conversation meta.sender, contact endpoints). */
    public Map<String, Object> contact(Contact c, boolean withContactInboxes) {
        Map<String, Object> json = obj("additional_attributes", c.additionalAttributes, "availability_status",
                "offline", "email", c.email, "id", c.id, "name", c.name, "phone_number", c.phoneNumber, "blocked",
                c.blocked, "identifier", c.identifier, "thumbnail", "", "custom_attributes", c.customAttributes,
                "last_activity_at", unix(c.lastActivityAt), "created_at", unix(c.createdAt));
        if (withContactInboxes) {
            json.put("contact_inboxes", store.contactInboxes.values().stream().filter(ci -> ci.contactId == c.id)
                    .map(this::contactInbox).toList());
        }
        return json;
    }

    /** Contact#push_event_data (conversation meta and message senders in webhooks). */
    public Map<String, Object> contactPushData(Contact c) {
        return obj("additional_attributes", c.additionalAttributes, "custom_attributes", c.customAttributes, "email",
                c.email, "id", c.id, "identifier", c.identifier, "name", c.name, "phone_number", c.phoneNumber,
                "thumbnail", "", "blocked", c.blocked, "type", "contact");
    }

    /** Contact#webhook_data: the top-level sender of an incoming message event (no type key). */
    public Map<String, Object> contactWebhookData(Contact c) {
        return obj("account", account(), "additional_attributes", c.additionalAttributes, "avatar", "",
                "custom_attributes", c.customAttributes, "email", c.email, "id", c.id, "identifier", c.identifier,
                "name", c.name, "phone_number", c.phoneNumber, "thumbnail", "", "blocked", c.blocked);
    }

    /** {source_id, inbox} as contacts/show and contact_inboxes#create render it. */
    public Map<String, Object> contactInbox(ContactInbox ci) {
        Inbox inbox = store.inboxes.get(ci.inboxId);
        return obj("source_id", ci.sourceId, "inbox", obj("id", inbox.id(), "avatar_url", "", "channel_id",
                inbox.channelId(), "name", inbox.name(), "channel_type", Inbox.CHANNEL_TYPE, "provider", null));
    }

    /** The raw contact_inboxes row (ContactInbox#as_json) that conversation webhooks carry. */
    public Map<String, Object> contactInboxRecord(ContactInbox ci) {
        return obj("id", ci.id, "contact_id", ci.contactId, "inbox_id", ci.inboxId, "source_id", ci.sourceId,
                "created_at", iso(ci.createdAt), "updated_at", iso(ci.updatedAt), "hmac_verified", ci.hmacVerified,
                "pubsub_token", ci.pubsubToken);
    }

    // ---- account directory

    public Map<String, Object> account() {
        return obj("id", accountId(), "name", SandboxStore.ACCOUNT_NAME);
    }

    public Map<String, Object> inbox(Inbox inbox) {
        return obj("id", inbox.id(), "avatar_url", "", "channel_id", inbox.channelId(), "name", inbox.name(),
                "channel_type", Inbox.CHANNEL_TYPE, "greeting_enabled", false, "greeting_message", null,
                "working_hours_enabled", false, "enable_email_collect", false, "csat_survey_enabled", false,
                "enable_auto_assignment", false, "auto_assignment_config", obj(), "out_of_office_message", null,
                "working_hours", List.of(), "timezone", "Africa/Abidjan", "callback_webhook_url",
                config.chatwoot().inboxCallbackUrl().orElse(null), "allow_messages_after_resolved", true,
                "lock_to_single_conversation", false, "sender_name_type", "friendly", "business_name", null,
                "webhook_url", config.chatwoot().inboxCallbackUrl().orElse(null), "provider", null);
    }

    public Map<String, Object> team(Team t, User caller) {
        return obj("id", t.id(), "name", t.name(), "description", t.description(), "allow_auto_assign", true,
                "account_id", accountId(), "is_member", caller != null && t.memberIds().contains(caller.id));
    }

    /** Team#push_event_data */
    public Map<String, Object> teamPushData(Team t) {
        return obj("id", t.id(), "name", t.name());
    }

    public Map<String, Object> label(Label l) {
        return obj("id", l.id(), "title", l.title(), "description", l.description(), "color", l.color(),
                "show_on_sidebar", true);
    }

    public Map<String, Object> cannedResponse(CannedResponse r) {
        return obj("id", r.id(), "account_id", accountId(), "short_code", r.shortCode(), "content", r.content(),
                "created_at", iso(r.createdAt()), "updated_at", iso(r.createdAt()));
    }

    // ---- messages

    public Map<String, Object> attachment(Attachment a) {
        String dataUrl = attachmentUrl(a);
        return obj("id", a.id, "message_id", a.messageId, "file_type", a.fileType(), "account_id", accountId(),
                "extension", a.extension(), "content_type", a.contentType, "data_url", dataUrl, "thumb_url", dataUrl,
                "file_size", a.data.length, "width", null, "height", null);
    }

    public String attachmentUrl(Attachment a) {
        return config.publicBaseUrl() + "/rails/active_storage/blobs/redirect/" + a.id + "/" + a.fileName;
    }

    /** The message's sender as push_event_data (contact with type "contact", user with type "user"). */
    Map<String, Object> senderPushData(Message m, boolean inWebhook) {
        if ("Contact".equals(m.senderType)) {
            return contactPushData(store.contacts.get(m.senderId));
        }
        if ("User".equals(m.senderType)) {
            return userPushData(store.users.get(m.senderId), inWebhook);
        }
        return null;
    }

    /** api/v1/accounts/conversations/messages/_message.json.jbuilder: the messages endpoints' shape. */
    public Map<String, Object> message(Message m) {
        Map<String, Object> json = obj("id", m.id, "content", m.content, "inbox_id", m.inboxId);
        if (m.echoId != null) {
            json.put("echo_id", m.echoId);
        }
        json.putAll(obj("conversation_id", m.conversationId, "message_type", m.messageType, "content_type",
                m.contentType, "status", m.status, "content_attributes", m.contentAttributes, "created_at",
                unix(m.createdAt), "private", m.isPrivate, "source_id", m.sourceId));
        // the jbuilder view renders sender only when there is one (activity messages have none)
        Map<String, Object> sender = senderPushData(m, false);
        if (sender != null) {
            json.put("sender", sender);
        }
        if (!m.attachments.isEmpty()) {
            json.put("attachments", m.attachments.stream().map(this::attachment).toList());
        }
        return json;
    }

    /**
     * Message#webhook_push_event_data / push_event_data: every column, integer message_type, display conversation id,
     * then a conversation digest, attachments and sender. Used in conversation objects and webhook payloads.
     */
    public Map<String, Object> messagePushData(Message m, boolean inWebhook) {
        Conversation c = store.conversations.get(m.conversationId);
        Map<String, Object> json = obj("id", m.id, "content", m.content, "account_id", accountId(), "inbox_id",
                m.inboxId, "conversation_id", m.conversationId, "message_type", m.messageType, "created_at",
                unix(m.createdAt), "updated_at", iso(m.updatedAt), "private", m.isPrivate, "status", m.status,
                "source_id", m.sourceId, "content_type", m.contentType, "content_attributes", m.contentAttributes,
                "sender_type", m.senderType, "sender_id", m.senderId, "external_source_ids", obj(),
                "additional_attributes", m.additionalAttributes, "processed_message_content", m.content, "sentiment",
                obj(), "conversation", obj("assignee_id", c.assigneeId, "unread_count", unreadCount(c),
                        "last_activity_at", unix(c.lastActivityAt), "contact_inbox",
                        obj("source_id", store.contactInboxes.get(c.contactInboxId).sourceId)));
        if (!m.attachments.isEmpty()) {
            json.put("attachments", m.attachments.stream().map(this::attachment).toList());
        }
        json.put("sender", senderPushData(m, inWebhook));
        return json;
    }

    /** Message#webhook_data: the body of message_created / message_updated (keys alphabetical, then the rest). */
    public Map<String, Object> messageWebhookData(Message m) {
        Object sender = null;
        if ("Contact".equals(m.senderType)) {
            sender = contactWebhookData(store.contacts.get(m.senderId));
        } else if ("User".equals(m.senderType)) {
            sender = userWebhookData(store.users.get(m.senderId));
        }
        Inbox inbox = store.inboxes.get(m.inboxId);
        Map<String, Object> json = obj("account", account(), "additional_attributes", m.additionalAttributes,
                "content_attributes", m.contentAttributes, "content_type", m.contentType, "content",
                webhookContent(m.content), "conversation",
                conversationWebhookData(store.conversations.get(m.conversationId)), "created_at", iso(m.createdAt),
                "id", m.id, "inbox", obj("id", inbox.id(), "name", inbox.name()), "message_type",
                Message.typeName(m.messageType), "private", m.isPrivate, "sender", sender, "source_id", m.sourceId);
        if (!m.attachments.isEmpty()) {
            json.put("attachments", m.attachments.stream().map(this::attachment).toList());
        }
        return json;
    }

    /** Messages::WebhookContentNormalizer: strips backslash hard breaks and trailing newlines. */
    static String webhookContent(String content) {
        if (content == null) {
            return null;
        }
        return content.replace("\\\n", "\n").replaceAll("\n+$", "");
    }

    // ---- conversations

    public int unreadCount(Conversation c) {
        return (int) store.messagesOf(c.id).stream().filter(m -> m.messageType == Message.INCOMING)
                .filter(m -> c.agentLastSeenAt == null || m.createdAt.isAfter(c.agentLastSeenAt)).count();
    }

    /** The last public non-activity message (messages.chat.last). */
    public Message lastChatMessage(Conversation c) {
        return store.messagesOf(c.id).stream().filter(m -> m.messageType != Message.ACTIVITY && !m.isPrivate)
                .max(Comparator.comparingLong(m -> m.id)).orElse(null);
    }

    Map<String, Object> conversationMeta(Conversation c, boolean inWebhook) {
        Contact contact = store.contacts.get(c.contactId);
        User assignee = c.assigneeId == null ? null : store.users.get(c.assigneeId);
        Team team = c.teamId == null ? null : store.teams.get(c.teamId);
        if (inWebhook) {
            // Conversations::EventDataPresenter keeps every key, null when absent
            return obj("sender", contactPushData(contact), "assignee",
                    assignee == null ? null : userPushData(assignee, true), "assignee_type",
                    assignee == null ? null : "User", "team", team == null ? null : teamPushData(team),
                    "hmac_verified", false);
        }
        // _conversation.json.jbuilder renders assignee/assignee_type and team only when present
        Map<String, Object> meta = obj("sender", contact(contact, false), "channel", Inbox.CHANNEL_TYPE);
        if (assignee != null) {
            meta.put("assignee", agent(assignee));
            meta.put("assignee_type", "User");
        }
        if (team != null) {
            meta.put("team", teamPushData(team));
        }
        meta.put("hmac_verified", false);
        return meta;
    }

    /** api/v1/conversations/partials/_conversation.json.jbuilder */
    public Map<String, Object> conversation(Conversation c) {
        Message last = lastChatMessage(c);
        List<Object> messages = new ArrayList<>();
        if (last != null) {
            messages.add(messagePushData(last, false));
        }
        return obj("meta", conversationMeta(c, false), "id", c.id, "messages", messages, "account_id", accountId(),
                "uuid", c.uuid, "additional_attributes", c.additionalAttributes, "agent_last_seen_at",
                unixOrZero(c.agentLastSeenAt), "assignee_last_seen_at", unixOrZero(c.assigneeLastSeenAt), "can_reply",
                true, "contact_last_seen_at", unixOrZero(c.contactLastSeenAt), "custom_attributes",
                c.customAttributes, "inbox_id", c.inboxId, "labels", List.copyOf(c.labels), "muted", false,
                "snoozed_until", iso(c.snoozedUntil), "status", c.status, "created_at", unix(c.createdAt),
                "updated_at", unixFloat(c.updatedAt), "timestamp", unix(c.lastActivityAt), "first_reply_created_at",
                unix(c.firstReplyCreatedAt), "unread_count", unreadCount(c), "last_non_activity_message",
                last == null ? null : messagePushData(last, false), "last_activity_at", unix(c.lastActivityAt),
                "priority", c.priority, "waiting_since", unix(c.waitingSince), "sla_policy_id", null);
    }

    /** Conversations::EventDataPresenter#push_data plus account: the conversation part of every webhook. */
    public Map<String, Object> conversationWebhookData(Conversation c) {
        Message last = lastChatMessage(c);
        List<Object> messages = new ArrayList<>();
        if (last != null) {
            messages.add(messagePushData(last, true));
        }
        return obj("additional_attributes", c.additionalAttributes, "can_reply", true, "channel", Inbox.CHANNEL_TYPE,
                "contact_inbox", contactInboxRecord(store.contactInboxes.get(c.contactInboxId)), "id", c.id,
                "inbox_id", c.inboxId, "messages", messages, "labels", List.copyOf(c.labels), "meta",
                conversationMeta(c, true), "status", c.status, "custom_attributes", c.customAttributes,
                "snoozed_until", iso(c.snoozedUntil), "unread_count", unreadCount(c), "first_reply_created_at",
                iso(c.firstReplyCreatedAt), "priority", c.priority, "waiting_since", unixOrZero(c.waitingSince),
                "agent_last_seen_at", unixOrZero(c.agentLastSeenAt), "contact_last_seen_at",
                unixOrZero(c.contactLastSeenAt), "last_activity_at", unixOrZero(c.lastActivityAt), "timestamp",
                unixOrZero(c.lastActivityAt), "created_at", unixOrZero(c.createdAt), "updated_at",
                unixFloat(c.updatedAt), "account", account());
    }
}
