package com.yeswechange.whatsapp.gateway.view;

import java.util.List;

/**
 * The supervisors' numbers for a period.
 *
 * @param period  today, week or month
 * @param source  {@code reporting} (reporting-service: Kafka aggregates + Chatwoot) or {@code chatwoot} (fallback:
 *                Chatwoot's v2 reports only, when reporting-service does not answer)
 * @param summary numbers by name (conversations, resolutions, avg_first_response_seconds, ...), as the source gives
 *                them; the UI shows what is present
 * @param agents  one row per agent
 * @param counts  conversations open now: mine / unassigned / assigned / all
 */
public record Dashboard(String period, String source, java.util.Map<String, Object> summary,
        List<java.util.Map<String, Object>> agents, Counts counts) {
}
