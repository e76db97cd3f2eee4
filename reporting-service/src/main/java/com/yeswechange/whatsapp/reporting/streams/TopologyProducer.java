package com.yeswechange.whatsapp.reporting.streams;

import com.yeswechange.whatsapp.chatwoot.ChatwootConfig;
import com.yeswechange.whatsapp.reporting.config.ReportingConfig;
import com.yeswechange.whatsapp.reporting.metrics.FactMetrics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.apache.kafka.streams.Topology;

/** Hands the topology to quarkus-kafka-streams, which runs it with the {@code kafka-streams.*} configuration. */
@ApplicationScoped
public class TopologyProducer {

    @Produces
    public Topology reportingTopology(ReportingConfig reporting, ChatwootConfig chatwoot, FactMetrics metrics) {
        return ReportingTopology.build(new ReportingTopology.Settings(reporting.timeZone(), chatwoot.whatsappInboxId(),
                reporting.dedupeRetention()), metrics);
    }
}
