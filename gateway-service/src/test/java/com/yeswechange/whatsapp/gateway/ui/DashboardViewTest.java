package com.yeswechange.whatsapp.gateway.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.yeswechange.whatsapp.gateway.view.AgentView;
import com.yeswechange.whatsapp.gateway.view.Counts;
import com.yeswechange.whatsapp.gateway.view.Dashboard;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DashboardViewTest {

    private static final List<AgentView> AGENTS = List.of(
            new AgentView(2, "Agent Un", "agent1@yeswechange.ci", "agent", "online", null, null));

    @Test
    void numbersBecomeCardsWithLabelsAndDurations() {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("conversations", 12);
        summary.put("avg_first_response_seconds", 95.0);
        summary.put("brand_new_metric", 7);
        summary.put("delivery_failures_by_reason", Map.of("63016", 3, "30008", 1));
        DashboardView view = DashboardView.of(
                new Dashboard("week", "reporting", summary, List.of(), new Counts(1, 4, 6L, 11L)), AGENTS);

        assertThat(view.cards()).extracting(DashboardView.Metric::key)
                .containsExactly("conversations", "avg_first_response_seconds", "brand_new_metric", "unassigned_now",
                        "open_now");
        assertThat(view.cards().get(0).messageKey()).isEqualTo("metric_conversations");
        assertThat(view.cards().get(1).duration()).isTrue();
        assertThat(view.cards().get(2).messageKey()).as("unknown names are shown under their own name").isNull();
        assertThat(view.cards().get(4).value()).isEqualTo(11L);
        assertThat(view.failures()).extracting(DashboardView.Failure::reason).containsExactlyInAnyOrder("63016", "30008");
        assertThat(view.statusChartJson()).contains("\"values\":[4,6]");
    }

    @Test
    void agentRowsAreNamedFromChatwootAgentsAndKeepTheirColumns() {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("agent_id", 2);
        row.put("conversations", 7);
        row.put("avg_first_response_seconds", 80.0);
        Map<String, Object> unknownAgent = new LinkedHashMap<>(Map.of("agent_id", 9, "conversations", 1));
        DashboardView view = DashboardView.of(
                new Dashboard("today", "chatwoot", Map.of(), List.of(row, unknownAgent), null), AGENTS);

        assertThat(view.agentColumns()).extracting(DashboardView.Column::key)
                .containsExactly("conversations", "avg_first_response_seconds");
        assertThat(view.agentRows()).extracting(DashboardView.AgentRow::name).containsExactly("Agent Un", "#9");
        assertThat(view.agentRows().get(1).cells().get(1).value()).as("missing value").isNull();
        assertThat(view.agentChartJson()).contains("\"labels\":[\"Agent Un\",\"#9\"]").contains("\"values\":[7,1]");
        assertThat(view.statusChartJson()).isEqualTo("{}");
    }
}
