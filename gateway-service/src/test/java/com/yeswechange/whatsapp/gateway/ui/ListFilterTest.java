package com.yeswechange.whatsapp.gateway.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.yeswechange.whatsapp.chatwoot.AssigneeType;
import com.yeswechange.whatsapp.chatwoot.ConversationStatus;
import com.yeswechange.whatsapp.gateway.service.ConversationFilter;
import org.junit.jupiter.api.Test;

class ListFilterTest {

    @Test
    void unknownValuesFallBackToOpenMineFirstPage() {
        ListFilter filter = ListFilter.of("deleted", "everyone", null, " ", -3);
        assertThat(filter).isEqualTo(new ListFilter("open", "me", null, null, 1));
        assertThat(filter.href()).isEqualTo("/ui/conversations?status=open&assignee=me");
    }

    @Test
    void linksKeepTheOtherFiltersAndGoBackToPageOne() {
        ListFilter filter = ListFilter.of("pending", "unassigned", 3L, "vip client", 4);
        assertThat(filter.withStatus("resolved").href())
                .isEqualTo("/ui/conversations?status=resolved&assignee=unassigned&inbox=3&label=vip+client");
        assertThat(filter.threadHref(42))
                .isEqualTo("/ui/conversations/42?status=pending&assignee=unassigned&inbox=3&label=vip+client&page=4");
        assertThat(filter.listHref()).startsWith("/ui/conversations/list?status=pending");
        assertThat(filter.previousPage()).isEqualTo(3);
        assertThat(filter.withPage(1).previousPage()).isEqualTo(1);
    }

    @Test
    void becomesTheServicesFilter() {
        ConversationFilter filter = ListFilter.of("snoozed", "all", 3L, "vip", 2).toServiceFilter();
        assertThat(filter.status()).isEqualTo(ConversationStatus.SNOOZED);
        assertThat(filter.assigneeType()).isEqualTo(AssigneeType.ALL);
        assertThat(filter.inboxId()).isEqualTo(3L);
        assertThat(filter.label()).isEqualTo("vip");
        assertThat(filter.page()).isEqualTo(2);
    }
}
