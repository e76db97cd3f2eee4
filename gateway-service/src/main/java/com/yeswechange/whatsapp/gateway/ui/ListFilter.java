package com.yeswechange.whatsapp.gateway.ui;

import com.yeswechange.whatsapp.chatwoot.AssigneeType;
import com.yeswechange.whatsapp.chatwoot.ConversationStatus;
import com.yeswechange.whatsapp.gateway.service.ConversationFilter;
import io.quarkus.qute.TemplateData;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

/**
 * The conversation list's filters as they appear in the page's URL (status, assignee, inbox, label, page), and the
 * links that change one of them. Unknown values fall back to the defaults: open, mine, page 1.
 */
@TemplateData
public record ListFilter(String status, String assignee, Long inbox, String label, int page) {

    static final Set<String> STATUSES = Set.of("open", "pending", "snoozed", "resolved", "all");
    static final Set<String> ASSIGNEES = Set.of("me", "unassigned", "all");

    public ListFilter {
        status = status != null && STATUSES.contains(status) ? status : "open";
        assignee = assignee != null && ASSIGNEES.contains(assignee) ? assignee : "me";
        label = label == null || label.isBlank() ? null : label;
        page = Math.max(page, 1);
    }

    public static ListFilter of(String status, String assignee, Long inbox, String label, Integer page) {
        return new ListFilter(status, assignee, inbox, label, page == null ? 1 : page);
    }

    /** The service's filter. */
    public ConversationFilter toServiceFilter() {
        return new ConversationFilter(ConversationStatus.fromApi(status),
                AssigneeType.valueOf(assignee.toUpperCase(Locale.ROOT)), inbox, null, label, null, page);
    }

    public ListFilter withStatus(String value) {
        return new ListFilter(value, assignee, inbox, label, 1);
    }

    public ListFilter withAssignee(String value) {
        return new ListFilter(status, value, inbox, label, 1);
    }

    public ListFilter withPage(int value) {
        return new ListFilter(status, assignee, inbox, label, value);
    }

    public int previousPage() {
        return Math.max(page - 1, 1);
    }

    public int nextPage() {
        return page + 1;
    }

    /** The list page with these filters. */
    public String href() {
        return "/ui/conversations" + query();
    }

    /** The list fragment htmx reloads when something changes. */
    public String listHref() {
        return "/ui/conversations/list" + query();
    }

    /** A conversation opened from this list, keeping the filters so the list stays as it was. */
    public String threadHref(long conversationId) {
        return "/ui/conversations/" + conversationId + query();
    }

    public String query() {
        StringBuilder q = new StringBuilder("?status=").append(status).append("&assignee=").append(assignee);
        if (inbox != null) {
            q.append("&inbox=").append(inbox);
        }
        if (label != null) {
            q.append("&label=").append(URLEncoder.encode(label, StandardCharsets.UTF_8));
        }
        if (page > 1) {
            q.append("&page=").append(page);
        }
        return q.toString();
    }
}
