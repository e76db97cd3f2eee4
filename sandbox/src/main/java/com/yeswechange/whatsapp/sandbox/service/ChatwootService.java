package com.yeswechange.whatsapp.sandbox.service;

import static com.yeswechange.whatsapp.sandbox.service.Json.obj;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.yeswechange.whatsapp.sandbox.config.SandboxConfig;
import com.yeswechange.whatsapp.sandbox.model.Attachment;
import com.yeswechange.whatsapp.sandbox.model.Contact;
import com.yeswechange.whatsapp.sandbox.model.ContactInbox;
import com.yeswechange.whatsapp.sandbox.model.Conversation;
import com.yeswechange.whatsapp.sandbox.model.Message;
import com.yeswechange.whatsapp.sandbox.model.Team;
import com.yeswechange.whatsapp.sandbox.model.User;

/**
 * Chatwoot's application API semantics over the sandbox state (API-NOTES.md §1): conversation finder, status rules,
 * assignment, labels, message paging and creation, delivery status, contacts. Every change that Chatwoot turns into a
 * webhook publishes one through {@link ChatwootWebhooks}.
 */
@ApplicationScoped
public class ChatwootService {

    public static final int CONVERSATIONS_PER_PAGE = 25;
    public static final int CONTACTS_PER_PAGE = 15;
    static final Set<String> STATUSES = Set.of("open", "resolved", "pending", "snoozed");
    static final Set<String> PRIORITIES = Set.of("low", "medium", "high", "urgent");
    static final Set<String> MESSAGE_STATUSES = Set.of("sent", "delivered", "read", "failed");
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    SandboxStore store;

    @Inject
    ChatwootViews views;

    @Inject
    ChatwootWebhooks webhooks;

    @Inject
    SandboxConfig config;

    /** 32 random hex digits, the tail of every Twilio sid. */
    public static String hex32() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    // ---- conversation finder

    /** The query parameters of GET conversations and conversations/meta. */
    public record ConversationQuery(String status, String assigneeType, Long inboxId, Long teamId, List<String> labels,
            String q, String sourceId, String conversationType, String sortBy, Integer page) {
    }

    /** GET conversations: {data:{meta:{counts}, payload:[conv]}}; counts are taken before the assignee filter. */
    public Map<String, Object> listConversations(User caller, ConversationQuery query) {
        synchronized (store) {
            List<Conversation> base = findBeforeAssignee(query);
            Map<String, Object> meta = counts(caller, base);
            List<Conversation> filtered = sort(base.stream().filter(assigneeFilter(caller, query.assigneeType())),
                    query.sortBy());
            int page = query.page() == null || query.page() < 1 ? 1 : query.page();
            List<Map<String, Object>> payload = filtered.stream().skip((long) (page - 1) * CONVERSATIONS_PER_PAGE)
                    .limit(CONVERSATIONS_PER_PAGE).map(views::conversation).toList();
            return obj("data", obj("meta", meta, "payload", payload));
        }
    }

    /** GET conversations/meta */
    public Map<String, Object> conversationCounts(User caller, ConversationQuery query) {
        synchronized (store) {
            return obj("meta", counts(caller, findBeforeAssignee(query)));
        }
    }

    private Map<String, Object> counts(User caller, List<Conversation> base) {
        return obj("mine_count", base.stream().filter(c -> Objects.equals(c.assigneeId, caller.id)).count(),
                "assigned_count", base.stream().filter(c -> c.assigneeId != null).count(), "unassigned_count",
                base.stream().filter(c -> c.assigneeId == null).count(), "all_count", (long) base.size());
    }

    private List<Conversation> findBeforeAssignee(ConversationQuery q) {
        Stream<Conversation> s = store.conversations.values().stream();
        boolean searching = q.q() != null && !q.q().isBlank();
        if (searching) {
            String needle = q.q().toLowerCase(Locale.ROOT);
            s = s.filter(c -> store.messagesOf(c.id).stream()
                    .anyMatch(m -> m.content != null && m.content.toLowerCase(Locale.ROOT).contains(needle)));
        } else {
            String status = q.status() == null || q.status().isBlank() ? "open" : q.status();
            if (!"all".equals(status)) {
                if (!STATUSES.contains(status)) {
                    throw ApiException.unprocessable("Invalid status " + status);
                }
                s = s.filter(c -> c.status.equals(status));
            }
        }
        if (q.inboxId() != null) {
            s = s.filter(c -> c.inboxId == q.inboxId());
        }
        if (q.teamId() != null) {
            s = s.filter(c -> Objects.equals(c.teamId, q.teamId()));
        }
        if (q.labels() != null && !q.labels().isEmpty()) {
            s = s.filter(c -> c.labels.containsAll(q.labels()));
        }
        if (q.sourceId() != null && !q.sourceId().isBlank()) {
            s = s.filter(c -> store.contactInboxes.get(c.contactInboxId).sourceId.equals(q.sourceId()));
        }
        if ("unattended".equals(q.conversationType())) {
            s = s.filter(c -> c.firstReplyCreatedAt == null || c.waitingSince != null);
        }
        return s.toList();
    }

    private static Predicate<Conversation> assigneeFilter(User caller, String assigneeType) {
        if (assigneeType == null) {
            return c -> true;
        }
        return switch (assigneeType) {
            case "me" -> c -> Objects.equals(c.assigneeId, caller.id);
            case "unassigned" -> c -> c.assigneeId == null;
            case "assigned" -> c -> c.assigneeId != null;
            case "all" -> c -> true;
            default -> throw ApiException.unprocessable("Invalid assignee_type " + assigneeType);
        };
    }

    private static List<Conversation> sort(Stream<Conversation> conversations, String sortBy) {
        Comparator<Instant> nullsLast = Comparator.nullsLast(Comparator.naturalOrder());
        Comparator<Conversation> byActivity = Comparator.comparing(c -> c.lastActivityAt);
        Comparator<Conversation> order = switch (sortBy == null ? "last_activity_at_desc" : sortBy) {
            case "last_activity_at_asc" -> byActivity;
            case "created_at_desc" -> Comparator.comparing((Conversation c) -> c.createdAt).reversed();
            case "created_at_asc" -> Comparator.comparing(c -> c.createdAt);
            case "priority_desc" -> Comparator.comparing((Conversation c) -> priorityRank(c.priority)).reversed()
                    .thenComparing(byActivity.reversed());
            case "priority_asc" -> Comparator.comparing((Conversation c) -> priorityRank(c.priority))
                    .thenComparing(byActivity.reversed());
            case "priority_desc_created_at_asc" -> Comparator
                    .comparing((Conversation c) -> priorityRank(c.priority)).reversed()
                    .thenComparing(c -> c.createdAt);
            case "waiting_since_asc" -> Comparator.comparing((Conversation c) -> c.waitingSince, nullsLast);
            case "waiting_since_desc" -> Comparator.comparing((Conversation c) -> c.waitingSince,
                    Comparator.nullsLast(Comparator.<Instant> reverseOrder()));
            case "last_activity_at_desc" -> byActivity.reversed();
            default -> throw ApiException.unprocessable("Invalid sort_by " + sortBy);
        };
        return conversations.sorted(order).toList();
    }

    private static int priorityRank(String priority) {
        return priority == null ? 0 : List.of("low", "medium", "high", "urgent").indexOf(priority) + 1;
    }

    // ---- conversations/filter

    /** One condition of POST conversations/filter. */
    public record FilterCondition(String attributeKey, String filterOperator, List<Object> values,
            String queryOperator) {
    }

    /** POST conversations/filter: {meta:{mine_count,unassigned_count,all_count}, payload}; AND binds before OR. */
    public Map<String, Object> filterConversations(User caller, List<FilterCondition> conditions, Integer page) {
        if (conditions == null || conditions.isEmpty()) {
            throw ApiException.unprocessable("payload must hold at least one condition");
        }
        synchronized (store) {
            List<Conversation> matches = store.conversations.values().stream().filter(c -> matches(c, conditions))
                    .sorted(Comparator.comparing((Conversation c) -> c.lastActivityAt).reversed()).toList();
            int p = page == null || page < 1 ? 1 : page;
            return obj("meta", obj("mine_count",
                    matches.stream().filter(c -> Objects.equals(c.assigneeId, caller.id)).count(), "unassigned_count",
                    matches.stream().filter(c -> c.assigneeId == null).count(), "all_count", (long) matches.size()),
                    "payload", matches.stream().skip((long) (p - 1) * CONVERSATIONS_PER_PAGE)
                            .limit(CONVERSATIONS_PER_PAGE).map(views::conversation).toList());
        }
    }

    private boolean matches(Conversation c, List<FilterCondition> conditions) {
        boolean any = false;
        boolean group = true;
        for (int i = 0; i < conditions.size(); i++) {
            group &= test(c, conditions.get(i));
            String op = conditions.get(i).queryOperator();
            boolean last = i == conditions.size() - 1;
            if (last || "OR".equalsIgnoreCase(op)) {
                any |= group;
                group = true;
            }
        }
        return any;
    }

    private boolean test(Conversation c, FilterCondition f) {
        Object actual = switch (f.attributeKey() == null ? "" : f.attributeKey()) {
            case "status" -> c.status;
            case "assignee_id" -> c.assigneeId;
            case "inbox_id" -> c.inboxId;
            case "team_id" -> c.teamId;
            case "contact_id" -> c.contactId;
            case "priority" -> c.priority;
            case "display_id" -> c.id;
            case "labels" -> c.labels;
            case "created_at" -> c.createdAt;
            case "last_activity_at" -> c.lastActivityAt;
            default -> throw ApiException.unprocessable("Invalid attribute key - [" + f.attributeKey() + "]");
        };
        List<String> values = f.values() == null ? List.of()
                : f.values().stream().map(v -> v instanceof Map<?, ?> m ? String.valueOf(m.get("id"))
                        : String.valueOf(v)).toList();
        String operator = f.filterOperator() == null ? "" : f.filterOperator();
        if (actual instanceof List<?> list) {
            boolean hit = list.stream().map(String::valueOf).anyMatch(values::contains);
            return switch (operator) {
                case "equal_to", "contains" -> hit;
                case "not_equal_to", "does_not_contain" -> !hit;
                case "is_present" -> !list.isEmpty();
                case "is_not_present" -> list.isEmpty();
                default -> throw ApiException.unprocessable("Invalid operator " + operator + " for labels");
            };
        }
        if (actual instanceof Instant time) {
            Instant bound = values.isEmpty() ? null : parseDate(values.get(0));
            return switch (operator) {
                case "is_greater_than" -> bound != null && time.isAfter(bound);
                case "is_less_than" -> bound != null && time.isBefore(bound);
                case "days_before" -> !values.isEmpty()
                        && time.isBefore(Instant.now().minus(Long.parseLong(values.get(0)), ChronoUnit.DAYS));
                default -> throw ApiException.unprocessable("Invalid operator " + operator + " for dates");
            };
        }
        String text = actual == null ? null : String.valueOf(actual);
        return switch (operator) {
            case "equal_to" -> text != null && values.contains(text);
            case "not_equal_to" -> text == null || !values.contains(text);
            case "contains" -> text != null && values.stream().anyMatch(text::contains);
            case "does_not_contain" -> text == null || values.stream().noneMatch(text::contains);
            case "is_present" -> text != null;
            case "is_not_present" -> text == null;
            default -> throw ApiException.unprocessable("Invalid operator " + operator);
        };
    }

    private static Instant parseDate(String value) {
        try {
            return value.length() == 10 ? java.time.LocalDate.parse(value).atStartOfDay(java.time.ZoneOffset.UTC)
                    .toInstant() : Instant.parse(value);
        } catch (RuntimeException e) {
            throw ApiException.unprocessable("Invalid date " + value);
        }
    }

    // ---- one conversation

    public Conversation conversation(long id) {
        Conversation c = store.conversations.get(id);
        if (c == null) {
            throw ApiException.notFound();
        }
        return c;
    }

    public Map<String, Object> getConversation(long id) {
        synchronized (store) {
            return views.conversation(conversation(id));
        }
    }

    /** The body of POST conversations. */
    public record NewConversation(String sourceId, Long inboxId, Long contactId, String status, Long assigneeId,
            Long teamId, Long snoozedUntil, Map<String, Object> additionalAttributes,
            Map<String, Object> customAttributes, Map<String, Object> message) {
    }

    public Map<String, Object> createConversation(User caller, NewConversation request) {
        synchronized (store) {
            ContactInbox ci;
            if (request.inboxId() != null && request.contactId() != null) {
                if (!store.inboxes.containsKey(request.inboxId()) || !store.contacts.containsKey(request.contactId())) {
                    throw ApiException.notFound();
                }
                ci = findOrCreateContactInbox(request.contactId(), request.inboxId(), request.sourceId());
            } else {
                ci = store.contactInboxes.values().stream()
                        .filter(x -> request.sourceId() != null && x.sourceId.equals(request.sourceId())).findFirst()
                        .orElseThrow(ApiException::notFound);
            }
            String status = request.status() == null ? "open" : request.status();
            if (!Set.of("open", "resolved", "pending").contains(status)) {
                throw ApiException.unprocessable("Invalid status " + status);
            }
            Instant now = Instant.now();
            Conversation c = new Conversation();
            c.id = store.nextConversationId();
            c.inboxId = ci.inboxId;
            c.contactId = ci.contactId;
            c.contactInboxId = ci.id;
            c.status = status;
            c.assigneeId = request.assigneeId() != null && store.users.containsKey(request.assigneeId())
                    ? request.assigneeId() : null;
            c.teamId = request.teamId() != null && store.teams.containsKey(request.teamId()) ? request.teamId() : null;
            if (request.snoozedUntil() != null) {
                c.snoozedUntil = Instant.ofEpochSecond(request.snoozedUntil());
            }
            if (request.additionalAttributes() != null) {
                c.additionalAttributes.putAll(request.additionalAttributes());
            }
            if (request.customAttributes() != null) {
                c.customAttributes.putAll(request.customAttributes());
            }
            c.createdAt = now;
            c.updatedAt = now;
            c.lastActivityAt = now;
            c.waitingSince = now;
            store.conversations.put(c.id, c);
            webhooks.publish("conversation_created", withEvent(views.conversationWebhookData(c),
                    "conversation_created"), null);
            if (request.message() != null && request.message().get("content") != null) {
                addMessage(caller, c, new NewMessage(String.valueOf(request.message().get("content")), "outgoing",
                        false, null, null, null, null), List.of());
            }
            return views.conversation(c);
        }
    }

    /** POST toggle_status: without a status it toggles open↔resolved. */
    public Map<String, Object> toggleStatus(User caller, long id, String status, Long snoozedUntil) {
        synchronized (store) {
            Conversation c = conversation(id);
            String target = status;
            if (target == null || target.isBlank()) {
                target = "open".equals(c.status) ? "resolved" : "open";
            }
            if (!STATUSES.contains(target)) {
                throw ApiException.unprocessable("Invalid status " + target);
            }
            Instant until = "snoozed".equals(target) && snoozedUntil != null ? Instant.ofEpochSecond(snoozedUntil)
                    : null;
            changeStatus(c, target, until, caller);
            if ("open".equals(target) && !caller.isAdministrator() && !Objects.equals(c.assigneeId, caller.id)) {
                changeAssignee(c, caller.id, caller);
            }
            return obj("meta", obj(), "payload", obj("success", true, "conversation_id", c.id, "current_status",
                    c.status, "snoozed_until", Json.iso(c.snoozedUntil)));
        }
    }

    /** Applies a status change with its activity message and webhooks; callers hold the lock. */
    void changeStatus(Conversation c, String target, Instant snoozedUntil, User actor) {
        String previous = c.status;
        Instant previousSnooze = c.snoozedUntil;
        c.status = target;
        c.snoozedUntil = "snoozed".equals(target) ? snoozedUntil : null;
        if (previous.equals(target) && Objects.equals(previousSnooze, c.snoozedUntil)) {
            return;
        }
        Instant previousUpdate = c.updatedAt;
        c.updatedAt = Instant.now();
        if ("resolved".equals(target)) {
            c.resolvedAt = c.updatedAt;
        }
        List<Map<String, Object>> changes = new ArrayList<>();
        if (!previous.equals(target)) {
            changes.add(change("status", previous, target));
        }
        if (!Objects.equals(previousSnooze, c.snoozedUntil)) {
            changes.add(change("snoozed_until", Json.iso(previousSnooze), Json.iso(c.snoozedUntil)));
        }
        changes.add(change("updated_at", Json.iso(previousUpdate), Json.iso(c.updatedAt)));
        if (!previous.equals(target)) {
            addActivity(c, statusActivity(target, actor));
            Map<String, Object> statusChanged = withEvent(views.conversationWebhookData(c),
                    "conversation_status_changed");
            // changed_attributes is read after commit in Chatwoot, so it is null (examples/README.md, inferred 3)
            statusChanged.put("changed_attributes", null);
            webhooks.publish("conversation_status_changed", statusChanged, null);
        }
        publishUpdated(c, changes);
    }

    private static String statusActivity(String status, User actor) {
        String who = actor == null ? "le système" : actor.name;
        return switch (status) {
            case "resolved" -> "Conversation résolue par " + who;
            case "open" -> "Conversation rouverte par " + who;
            case "pending" -> "Conversation mise en attente par " + who;
            default -> "Conversation reportée par " + who;
        };
    }

    public Map<String, Object> togglePriority(long id, String priority) {
        if (priority != null && !PRIORITIES.contains(priority)) {
            throw ApiException.unprocessable("Invalid priority " + priority);
        }
        synchronized (store) {
            Conversation c = conversation(id);
            if (!Objects.equals(c.priority, priority)) {
                String previous = c.priority;
                Instant previousUpdate = c.updatedAt;
                c.priority = priority;
                c.updatedAt = Instant.now();
                publishUpdated(c, List.of(change("priority", previous, priority),
                        change("updated_at", Json.iso(previousUpdate), Json.iso(c.updatedAt))));
            }
            return obj();
        }
    }

    /** POST assignments: an agent (missing/unknown id unassigns) or, with only team_id, a team. */
    public Map<String, Object> assign(User caller, long id, Map<String, Object> body) {
        synchronized (store) {
            Conversation c = conversation(id);
            if (!body.containsKey("assignee_id") && body.get("team_id") != null) {
                long teamId = ((Number) body.get("team_id")).longValue();
                Team team = store.teams.get(teamId);
                if (team == null) {
                    throw ApiException.notFound();
                }
                if (!Objects.equals(c.teamId, teamId)) {
                    Long previous = c.teamId;
                    Instant previousUpdate = c.updatedAt;
                    c.teamId = teamId;
                    c.updatedAt = Instant.now();
                    addActivity(c, "Attribuée à l'équipe " + team.name() + " par " + caller.name);
                    publishUpdated(c, List.of(change("team_id", previous, teamId),
                            change("updated_at", Json.iso(previousUpdate), Json.iso(c.updatedAt))));
                }
                return views.team(team, caller);
            }
            Object raw = body.get("assignee_id");
            Long assigneeId = raw instanceof Number n ? Long.valueOf(n.longValue()) : null;
            if (raw instanceof String s && s.matches("\\d+")) {
                assigneeId = Long.valueOf(s);
            }
            User assignee = assigneeId == null ? null : store.users.get(assigneeId);
            changeAssignee(c, assignee == null ? null : assignee.id, caller);
            return assignee == null ? null : views.agent(assignee);
        }
    }

    void changeAssignee(Conversation c, Long assigneeId, User actor) {
        if (Objects.equals(c.assigneeId, assigneeId)) {
            return;
        }
        Long previous = c.assigneeId;
        Instant previousUpdate = c.updatedAt;
        c.assigneeId = assigneeId;
        c.updatedAt = Instant.now();
        addActivity(c, assigneeId == null ? "Conversation désassignée par " + actor.name
                : "Assignée à " + store.users.get(assigneeId).name + " par " + actor.name);
        publishUpdated(c, List.of(change("assignee_id", previous, assigneeId),
                change("updated_at", Json.iso(previousUpdate), Json.iso(c.updatedAt))));
    }

    public Map<String, Object> labels(long id) {
        synchronized (store) {
            return obj("payload", List.copyOf(conversation(id).labels));
        }
    }

    /** POST labels replaces the set. */
    public Map<String, Object> setLabels(User caller, long id, List<String> labels) {
        synchronized (store) {
            Conversation c = conversation(id);
            List<String> wanted = labels == null ? List.of() : labels.stream().distinct().toList();
            if (!wanted.equals(c.labels)) {
                List<String> previous = List.copyOf(c.labels);
                Instant previousUpdate = c.updatedAt;
                c.labels.clear();
                c.labels.addAll(wanted);
                c.updatedAt = Instant.now();
                List<String> added = wanted.stream().filter(l -> !previous.contains(l)).toList();
                if (!added.isEmpty()) {
                    addActivity(c, caller.name + " a ajouté " + String.join(", ", added));
                }
                publishUpdated(c, List.of(change("label_list", previous, wanted),
                        change("updated_at", Json.iso(previousUpdate), Json.iso(c.updatedAt))));
            }
            return obj("payload", List.copyOf(c.labels));
        }
    }

    // ---- messages

    /** GET messages: ids as cursors; 20 latest, 20 before, up to 100 after, up to 1000 between; ascending. */
    public Map<String, Object> listMessages(long conversationId, Long before, Long after) {
        synchronized (store) {
            Conversation c = conversation(conversationId);
            List<Message> all = store.messagesOf(c.id);
            List<Message> page;
            if (before != null && after != null) {
                page = all.stream().filter(m -> m.id > after && m.id < before).limit(1000).toList();
            } else if (after != null) {
                page = all.stream().filter(m -> m.id > after).limit(100).toList();
            } else {
                List<Message> older = before == null ? all : all.stream().filter(m -> m.id < before).toList();
                page = older.subList(Math.max(0, older.size() - 20), older.size());
            }
            User assignee = c.assigneeId == null ? null : store.users.get(c.assigneeId);
            return obj("meta", obj("labels", List.copyOf(c.labels), "additional_attributes", c.additionalAttributes,
                    "contact", views.contactPushData(store.contacts.get(c.contactId)), "assignee",
                    assignee == null ? null : views.agent(assignee), "agent_last_seen_at", Json.iso(c.agentLastSeenAt),
                    "assignee_last_seen_at", Json.iso(c.assigneeLastSeenAt)), "payload",
                    page.stream().map(views::message).toList());
        }
    }

    /** The fields of POST messages. messageType is incoming, outgoing or template (names or 0/1/3). */
    public record NewMessage(String content, String messageType, Boolean isPrivate, String contentType,
            Map<String, Object> contentAttributes, String sourceId, String echoId) {
    }

    /** An uploaded file. */
    public record Upload(String fileName, String contentType, byte[] data) {
    }

    public Map<String, Object> createMessage(User caller, long conversationId, NewMessage request,
            List<Upload> uploads) {
        synchronized (store) {
            Conversation c = conversation(conversationId);
            return views.message(addMessage(caller, c, request, uploads));
        }
    }

    Message addMessage(User caller, Conversation c, NewMessage request, List<Upload> uploads) {
        int type = parseMessageType(request.messageType());
        if (uploads.size() > 15) {
            throw ApiException.unprocessable("Too many attachments (15 at most)");
        }
        Instant now = Instant.now();
        Message m = new Message();
        m.id = store.nextMessageId();
        m.conversationId = c.id;
        m.inboxId = c.inboxId;
        m.content = request.content();
        m.messageType = type;
        m.contentType = request.contentType() == null ? "text" : request.contentType();
        m.isPrivate = Boolean.TRUE.equals(request.isPrivate());
        m.sourceId = request.sourceId();
        m.echoId = request.echoId();
        if (request.contentAttributes() != null) {
            m.contentAttributes.putAll(request.contentAttributes());
        }
        m.createdAt = now;
        m.updatedAt = now;
        if (type == Message.INCOMING) {
            m.senderType = "Contact";
            m.senderId = c.contactId;
        } else {
            m.senderType = "User";
            m.senderId = caller.id;
        }
        for (Upload upload : uploads) {
            Attachment a = new Attachment();
            a.id = store.nextAttachmentId();
            a.messageId = m.id;
            a.fileName = upload.fileName() == null ? "fichier" : upload.fileName();
            a.contentType = upload.contentType();
            a.data = upload.data();
            store.attachments.put(a.id, a);
            m.attachments.add(a);
        }
        store.messages.put(m.id, m);

        c.lastActivityAt = now;
        c.updatedAt = now;
        if (type == Message.INCOMING) {
            Contact contact = store.contacts.get(c.contactId);
            contact.lastActivityAt = now;
            if (c.waitingSince == null) {
                c.waitingSince = now;
            }
        } else if (!m.isPrivate) {
            if (c.firstReplyCreatedAt == null) {
                c.firstReplyCreatedAt = now;
            }
            c.waitingSince = null;
        }
        webhooks.publish("message_created", withEvent(views.messageWebhookData(m), "message_created"),
                error -> markCallbackFailure(m.id, error));
        // an incoming message reopens a snoozed or resolved conversation (message.rb#reopen_conversation)
        if (type == Message.INCOMING && ("snoozed".equals(c.status) || "resolved".equals(c.status))) {
            changeStatus(c, "open", null, null);
        }
        return m;
    }

    private static int parseMessageType(String messageType) {
        if (messageType == null || messageType.isBlank()) {
            return Message.OUTGOING;
        }
        return switch (messageType) {
            case "incoming", "0" -> Message.INCOMING;
            case "outgoing", "1" -> Message.OUTGOING;
            case "template", "3" -> Message.TEMPLATE;
            default -> throw ApiException.unprocessable("Invalid message_type " + messageType);
        };
    }

    /** PATCH messages/{id}: status sent|delivered|read|failed (+external_error); read→delivered is refused. */
    public Map<String, Object> updateMessageStatus(long conversationId, long messageId, String status,
            String externalError) {
        if (status == null || !MESSAGE_STATUSES.contains(status)) {
            throw ApiException.unprocessable("Invalid status " + status);
        }
        synchronized (store) {
            Conversation c = conversation(conversationId);
            Message m = store.messages.get(messageId);
            if (m == null || m.conversationId != c.id) {
                throw ApiException.notFound();
            }
            if ("read".equals(m.status) && "delivered".equals(status)) {
                throw ApiException.unprocessable("Invalid status transition from read to delivered");
            }
            applyStatus(m, status, "failed".equals(status) ? externalError : null);
            return views.message(m);
        }
    }

    private void applyStatus(Message m, String status, String externalError) {
        boolean changed = !status.equals(m.status)
                || !Objects.equals(externalError, m.contentAttributes.get("external_error"));
        m.status = status;
        if (externalError != null) {
            m.contentAttributes.put("external_error", externalError);
        }
        if (changed) {
            m.updatedAt = Instant.now();
            webhooks.publish("message_updated", withEvent(views.messageWebhookData(m), "message_updated"), null);
        }
    }

    /** Webhooks::Trigger#update_message_status: a failed API-inbox callback marks the message failed. */
    void markCallbackFailure(long messageId, String error) {
        synchronized (store) {
            Message m = store.messages.get(messageId);
            if (m != null && !"failed".equals(m.status)) {
                applyStatus(m, "failed", error);
            }
        }
    }

    private void addActivity(Conversation c, String content) {
        Message m = new Message();
        m.id = store.nextMessageId();
        m.conversationId = c.id;
        m.inboxId = c.inboxId;
        m.content = content;
        m.messageType = Message.ACTIVITY;
        m.createdAt = Instant.now();
        m.updatedAt = m.createdAt;
        store.messages.put(m.id, m);
        c.lastActivityAt = m.createdAt;
    }

    private void publishUpdated(Conversation c, List<Map<String, Object>> changes) {
        Map<String, Object> payload = withEvent(views.conversationWebhookData(c), "conversation_updated");
        payload.put("changed_attributes", changes);
        webhooks.publish("conversation_updated", payload, null);
    }

    private static Map<String, Object> change(String attribute, Object previous, Object current) {
        return obj(attribute, obj("previous_value", previous, "current_value", current));
    }

    private static Map<String, Object> withEvent(Map<String, Object> payload, String event) {
        Map<String, Object> copy = new LinkedHashMap<>(payload);
        copy.put("event", event);
        return copy;
    }

    // ---- contacts

    public Map<String, Object> searchContacts(String q, Integer page) {
        synchronized (store) {
            String needle = q == null ? "" : q.toLowerCase(Locale.ROOT);
            List<Contact> matches = store.contacts.values().stream()
                    .filter(c -> Stream.of(c.name, c.email, c.phoneNumber, c.identifier).filter(Objects::nonNull)
                            .anyMatch(v -> v.toLowerCase(Locale.ROOT).contains(needle)))
                    .sorted(Comparator.comparing((Contact c) -> c.lastActivityAt,
                            Comparator.nullsLast(Comparator.<Instant> reverseOrder())))
                    .toList();
            int p = page == null || page < 1 ? 1 : page;
            List<Map<String, Object>> payload = matches.stream().skip((long) (p - 1) * CONTACTS_PER_PAGE)
                    .limit(CONTACTS_PER_PAGE).map(c -> views.contact(c, true)).toList();
            return obj("meta", obj("count", matches.size(), "current_page", p, "has_more",
                    (long) p * CONTACTS_PER_PAGE < matches.size()), "payload", payload);
        }
    }

    /** The body of POST contacts. */
    public record NewContact(String name, String email, String phoneNumber, String identifier, Long inboxId,
            String sourceId, Map<String, Object> additionalAttributes, Map<String, Object> customAttributes) {
    }

    public Map<String, Object> createContact(NewContact request) {
        if (request.phoneNumber() != null && !request.phoneNumber().matches("\\+[1-9]\\d{1,14}")) {
            throw ApiException.unprocessable("Phone number should be in e164 format");
        }
        synchronized (store) {
            if (request.phoneNumber() != null && store.contactByPhone(request.phoneNumber()).isPresent()) {
                throw ApiException.unprocessable("Phone number has already been taken");
            }
            if (request.email() != null && store.contacts.values().stream()
                    .anyMatch(c -> request.email().equalsIgnoreCase(c.email))) {
                throw ApiException.unprocessable("Email has already been taken");
            }
            if (request.inboxId() != null && !store.inboxes.containsKey(request.inboxId())) {
                throw ApiException.notFound();
            }
            Instant now = Instant.now();
            Contact contact = new Contact();
            contact.id = store.nextContactId();
            contact.name = request.name() == null || request.name().isBlank()
                    ? Objects.requireNonNullElse(request.phoneNumber(), "Contact " + contact.id) : request.name();
            contact.email = request.email();
            contact.phoneNumber = request.phoneNumber();
            contact.identifier = request.identifier();
            contact.createdAt = now;
            if (request.additionalAttributes() != null) {
                contact.additionalAttributes.putAll(request.additionalAttributes());
            }
            if (request.customAttributes() != null) {
                contact.customAttributes.putAll(request.customAttributes());
            }
            store.contacts.put(contact.id, contact);
            Map<String, Object> contactInbox = null;
            if (request.inboxId() != null) {
                contactInbox = views.contactInbox(findOrCreateContactInbox(contact.id, request.inboxId(),
                        request.sourceId()));
            }
            return obj("payload", obj("contact", views.contact(contact, true), "contact_inbox", contactInbox));
        }
    }

    public Contact contact(long id) {
        Contact c = store.contacts.get(id);
        if (c == null) {
            throw ApiException.notFound();
        }
        return c;
    }

    public Map<String, Object> getContact(long id) {
        synchronized (store) {
            return obj("payload", views.contact(contact(id), true));
        }
    }

    public Map<String, Object> contactConversations(long id) {
        synchronized (store) {
            contact(id);
            List<Conversation> mine = store.conversations.values().stream().filter(c -> c.contactId == id)
                    .sorted(Comparator.comparing((Conversation c) -> c.lastActivityAt).reversed()).limit(20).toList();
            return obj("payload", mine.stream().map(views::conversation).toList());
        }
    }

    public Map<String, Object> createContactInbox(long contactId, Long inboxId, String sourceId) {
        synchronized (store) {
            contact(contactId);
            if (inboxId == null || !store.inboxes.containsKey(inboxId)) {
                throw ApiException.unprocessable("Inbox must exist");
            }
            if (sourceId != null && store.contactInboxes.values().stream()
                    .anyMatch(ci -> ci.inboxId == inboxId && ci.sourceId.equals(sourceId) && ci.contactId != contactId)) {
                throw ApiException.unprocessable("Source has already been taken");
            }
            return views.contactInbox(findOrCreateContactInbox(contactId, inboxId, sourceId));
        }
    }

    /** ContactInboxBuilder: reuse the contact's inbox link (same source id), else create one (UUID by default). */
    private ContactInbox findOrCreateContactInbox(long contactId, long inboxId, String sourceId) {
        return store.contactInboxes.values().stream()
                .filter(ci -> ci.contactId == contactId && ci.inboxId == inboxId)
                .filter(ci -> sourceId == null || ci.sourceId.equals(sourceId)).findFirst().orElseGet(() -> {
                    if (sourceId != null && store.contactInboxes.values().stream()
                            .anyMatch(ci -> ci.inboxId == inboxId && ci.sourceId.equals(sourceId))) {
                        throw ApiException.unprocessable("Source has already been taken");
                    }
                    Instant now = Instant.now();
                    ContactInbox ci = new ContactInbox();
                    ci.id = store.nextContactInboxId();
                    ci.contactId = contactId;
                    ci.inboxId = inboxId;
                    ci.sourceId = sourceId == null ? UUID.randomUUID().toString() : sourceId;
                    ci.createdAt = now;
                    ci.updatedAt = now;
                    ci.pubsubToken = hex32().substring(0, 24);
                    store.contactInboxes.put(ci.id, ci);
                    return ci;
                });
    }
}
