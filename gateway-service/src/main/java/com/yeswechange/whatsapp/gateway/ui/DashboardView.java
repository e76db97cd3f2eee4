package com.yeswechange.whatsapp.gateway.ui;

import com.yeswechange.whatsapp.events.EventJson;
import com.yeswechange.whatsapp.gateway.view.AgentView;
import com.yeswechange.whatsapp.gateway.view.Counts;
import com.yeswechange.whatsapp.gateway.view.Dashboard;
import io.quarkus.qute.TemplateData;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The dashboard page's shape: number cards, the per-agent table, delivery failures by reason and the charts' data.
 * The numbers come as named values (from reporting-service or Chatwoot's reports); names we know get a translated
 * label and durations are shown as such; names we do not know are still shown, under their own name.
 */
@TemplateData
public record DashboardView(String period, String source, List<Metric> cards, List<Column> agentColumns,
        List<AgentRow> agentRows, List<Failure> failures, String agentChartJson, String statusChartJson) {

    /** Known metric names and their message keys, in display order. */
    static final Map<String, String> LABELS = new LinkedHashMap<>();

    static {
        LABELS.put("conversations", "metric_conversations");
        LABELS.put("handoffs", "metric_handoffs");
        LABELS.put("resolutions", "metric_resolutions");
        LABELS.put("resolved", "metric_resolutions");
        LABELS.put("avg_first_response_seconds", "metric_first_response");
        LABELS.put("avg_resolution_seconds", "metric_resolution");
        LABELS.put("avg_queue_seconds", "metric_queue");
        LABELS.put("queue_time_seconds", "metric_queue");
        LABELS.put("avg_reply_seconds", "metric_reply");
        LABELS.put("reply_time_seconds", "metric_reply");
        LABELS.put("incoming_messages", "metric_incoming");
        LABELS.put("outgoing_messages", "metric_outgoing");
        LABELS.put("delivery_failures", "metric_delivery_failures");
    }

    /** A number with its label key (null: show {@code key}) and whether it is a duration in seconds. */
    @TemplateData
    public record Metric(String key, String messageKey, Number value, boolean duration) {
    }

    @TemplateData
    public record Column(String key, String messageKey, boolean duration) {
    }

    @TemplateData
    public record Cell(Number value, boolean duration) {
    }

    @TemplateData
    public record AgentRow(String name, List<Cell> cells) {
    }

    @TemplateData
    public record Failure(String reason, Number count) {
    }

    public static DashboardView of(Dashboard dashboard, List<AgentView> agents) {
        List<Metric> cards = new ArrayList<>();
        List<Failure> failures = new ArrayList<>();
        Map<String, Object> summary = dashboard.summary() == null ? Map.of() : dashboard.summary();
        summary.forEach((key, value) -> {
            if (value instanceof Number number) {
                cards.add(metric(key, number));
            } else if (value instanceof Map<?, ?> byReason && key.contains("fail")) {
                byReason.forEach((reason, count) -> {
                    if (count instanceof Number n) {
                        failures.add(new Failure(String.valueOf(reason), n));
                    }
                });
            }
        });
        Counts counts = dashboard.counts();
        if (counts != null) {
            cards.add(new Metric("unassigned_now", "metric_unassigned", counts.unassigned(), false));
            if (counts.all() != null) {
                cards.add(new Metric("open_now", "metric_open", counts.all(), false));
            }
        }

        List<Map<String, Object>> rows = dashboard.agents() == null ? List.of() : dashboard.agents();
        List<Column> columns = new ArrayList<>();
        for (Map<String, Object> row : rows) {
            for (Map.Entry<String, Object> e : row.entrySet()) {
                if (e.getValue() instanceof Number && !isIdentity(e.getKey())
                        && columns.stream().noneMatch(c -> c.key().equals(e.getKey()))) {
                    Metric m = metric(e.getKey(), 0);
                    columns.add(new Column(e.getKey(), m.messageKey(), m.duration()));
                }
            }
        }
        List<AgentRow> agentRows = new ArrayList<>();
        List<String> names = new ArrayList<>();
        List<Number> conversations = new ArrayList<>();
        for (Map<String, Object> row : rows) {
            String name = agentName(row, agents);
            List<Cell> cells = columns.stream()
                    .map(c -> new Cell(row.get(c.key()) instanceof Number n ? n : null, c.duration())).toList();
            agentRows.add(new AgentRow(name, cells));
            names.add(name);
            conversations.add(row.get("conversations") instanceof Number n ? n : 0);
        }
        Map<String, Object> agentChart = Map.of("type", "bar", "labels", names, "values", conversations);
        Map<String, Object> statusChart = counts == null ? Map.of()
                : Map.of("type", "doughnut", "labels", List.of("mine", "unassigned", "assigned"),
                        "values", List.of(counts.mine(), counts.unassigned(),
                                counts.assigned() == null ? 0 : counts.assigned()));
        return new DashboardView(dashboard.period(), dashboard.source(), cards, columns, agentRows, failures,
                json(agentChart), json(statusChart));
    }

    static Metric metric(String key, Number value) {
        boolean duration = key.endsWith("_seconds") || key.endsWith("_time");
        return new Metric(key, LABELS.get(key), value, duration);
    }

    private static boolean isIdentity(String key) {
        return key.equals("agent_id") || key.equals("id") || key.equals("user_id");
    }

    /** The row's agent name: given by the source, else looked up by id among Chatwoot's agents. */
    static String agentName(Map<String, Object> row, List<AgentView> agents) {
        for (String key : List.of("agent_name", "name")) {
            if (row.get(key) instanceof String name && !name.isBlank()) {
                return name;
            }
        }
        Object id = row.containsKey("agent_id") ? row.get("agent_id") : row.get("id");
        if (id instanceof Number n) {
            return agents.stream().filter(a -> a.id() == n.longValue()).map(AgentView::name).findFirst()
                    .orElse("#" + n);
        }
        return "?";
    }

    private static String json(Object value) {
        return EventJson.write(value);
    }
}
