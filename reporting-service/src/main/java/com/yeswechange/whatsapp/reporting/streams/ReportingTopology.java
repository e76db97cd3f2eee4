package com.yeswechange.whatsapp.reporting.streams;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.yeswechange.whatsapp.events.ChatwootEvent;
import com.yeswechange.whatsapp.events.DispatchEvent;
import com.yeswechange.whatsapp.events.EventJson;
import com.yeswechange.whatsapp.events.InboundEvent;
import com.yeswechange.whatsapp.events.StatusEvent;
import com.yeswechange.whatsapp.events.Topics;
import io.quarkus.kafka.client.serialization.ObjectMapperSerde;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Set;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * The reporting topology. Each source is de-duplicated, turned into facts (stateless for inbound, sends and statuses;
 * per conversation for openings, replies, first response and resolution; per customer for queue time), and every fact
 * is added to its day and hour buckets in one changelogged store, {@link #STATS_STORE}, that the REST API queries.
 *
 * <p>Buckets are computed from event time, not with windows and grace periods: a late record still lands in its own
 * day, however late it is.
 */
public final class ReportingTopology {

    public static final String STATS_STORE = "report-stats";
    static final String CONVERSATIONS_STORE = "conversations";
    static final String QUEUES_STORE = "customer-queues";
    static final String SEEN_INBOUND = "seen-inbound";
    static final String SEEN_CHATWOOT = "seen-chatwoot";
    static final String SEEN_STATUS = "seen-status";
    static final String SEEN_DISPATCH = "seen-dispatch";

    /** The events of chatwoot.events that change a number. */
    private static final Set<String> COUNTED_CHATWOOT_EVENTS = Set.of(ChatwootEvent.CONVERSATION_CREATED,
            ChatwootEvent.MESSAGE_CREATED, ChatwootEvent.CONVERSATION_STATUS_CHANGED,
            ChatwootEvent.CONVERSATION_UPDATED);

    /**
     * @param zone             the reporting time zone: a day is a day there
     * @param whatsappInboxId  only this Chatwoot inbox's conversations count (null: every inbox)
     * @param dedupeRetention  how long event ids are remembered to drop re-deliveries
     */
    public record Settings(ZoneId zone, Long whatsappInboxId, Duration dedupeRetention) {
    }

    private ReportingTopology() {
    }

    public static Topology build(Settings settings, FactListener listener) {
        ObjectMapper mapper = EventJson.mapper();
        FactEmitter emitter = new FactEmitter(settings.zone(), listener);
        StreamsBuilder builder = new StreamsBuilder();
        for (String store : Set.of(SEEN_INBOUND, SEEN_CHATWOOT, SEEN_STATUS, SEEN_DISPATCH)) {
            builder.addStateStore(store(store, Serdes.Long()));
        }
        builder.addStateStore(store(CONVERSATIONS_STORE, serde(ConversationState.class, mapper)));
        builder.addStateStore(store(QUEUES_STORE, serde(QueueState.class, mapper)));

        // whatsapp.inbound: handoffs and customer messages
        KStream<String, InboundEvent> inbound = source(builder, Topics.WHATSAPP_INBOUND, InboundEvent.class, mapper)
                .processValues(() -> new Deduplicator<>(SEEN_INBOUND, ReportingTopology::inboundId,
                        settings.dedupeRetention()), Named.as("dedupe-inbound"), SEEN_INBOUND);
        KStream<String, Double> inboundFacts = inbound.process(() -> new FactProcessor<>(Facts::ofInbound, emitter),
                Named.as("inbound-facts"));
        KStream<String, QueueSignal> handoffs = inbound
                .filter((key, event) -> event.isHandoff() && phone(event.customerPhone()) != null
                        && EventTime.of(event) != null)
                .map((key, event) -> KeyValue.pair(phone(event.customerPhone()),
                        QueueSignal.handoff(EventTime.of(event))), Named.as("handoff-by-customer"));

        // chatwoot.events: the conversations of the WhatsApp inbox
        KStream<String, ChatwootEvent> chatwoot = source(builder, Topics.CHATWOOT_EVENTS, ChatwootEvent.class, mapper)
                .filter((key, event) -> event.event() != null && COUNTED_CHATWOOT_EVENTS.contains(event.event())
                        && (settings.whatsappInboxId() == null || event.inboxId() == null
                        || settings.whatsappInboxId().equals(event.inboxId())))
                .processValues(() -> new Deduplicator<>(SEEN_CHATWOOT, ReportingTopology::chatwootId,
                        settings.dedupeRetention()), Named.as("dedupe-chatwoot"), SEEN_CHATWOOT);
        KStream<String, Double> conversationFacts = chatwoot.process(
                () -> new ConversationProcessor(CONVERSATIONS_STORE, emitter), Named.as("conversation-facts"),
                CONVERSATIONS_STORE);
        KStream<String, QueueSignal> replies = chatwoot
                .filter((key, event) -> ConversationProcessor.isAgentReply(event.message())
                        && customerPhoneOf(event) != null && EventTime.of(event) != null)
                .map((key, event) -> KeyValue.pair(customerPhoneOf(event),
                        QueueSignal.reply(EventTime.of(event), event.message().senderId())),
                        Named.as("reply-by-customer"));

        // handoffs and replies meet per customer: one repartition topic keyed by phone
        KStream<String, Double> queueFacts = handoffs.merge(replies)
                .repartition(Repartitioned.with(Serdes.String(), serde(QueueSignal.class, mapper))
                        .withName("queue-by-customer"))
                .process(() -> new QueueTimeProcessor(QUEUES_STORE, emitter), Named.as("queue-facts"), QUEUES_STORE);

        // whatsapp.status and whatsapp.dispatch: delivery outcomes
        KStream<String, Double> statusFacts = source(builder, Topics.WHATSAPP_STATUS, StatusEvent.class, mapper)
                .processValues(() -> new Deduplicator<>(SEEN_STATUS, ReportingTopology::statusId,
                        settings.dedupeRetention()), Named.as("dedupe-status"), SEEN_STATUS)
                .process(() -> new FactProcessor<>(Facts::ofStatus, emitter), Named.as("status-facts"));
        KStream<String, Double> dispatchFacts = source(builder, Topics.WHATSAPP_DISPATCH, DispatchEvent.class, mapper)
                .filter((key, event) -> event.isFinal())
                .processValues(() -> new Deduplicator<>(SEEN_DISPATCH, ReportingTopology::dispatchId,
                        settings.dedupeRetention()), Named.as("dedupe-dispatch"), SEEN_DISPATCH)
                .process(() -> new FactProcessor<>(Facts::ofDispatch, emitter), Named.as("dispatch-facts"));

        inboundFacts.merge(conversationFacts).merge(queueFacts).merge(statusFacts).merge(dispatchFacts)
                .groupByKey(Grouped.with("stats", Serdes.String(), Serdes.Double()))
                .aggregate(() -> Stats.EMPTY, (key, value, stats) -> stats.add(value),
                        Materialized.<String, Stats, KeyValueStore<Bytes, byte[]>>as(STATS_STORE)
                                .withKeySerde(Serdes.String())
                                .withValueSerde(serde(Stats.class, mapper)));
        return builder.build();
    }

    private static <V> KStream<String, V> source(StreamsBuilder builder, String topic, Class<V> type,
            ObjectMapper mapper) {
        return builder.stream(topic, Consumed.with(Serdes.String(), serde(type, mapper))
                        .withTimestampExtractor(new EventTimeExtractor())
                        .withName("source-" + topic))
                .filter((key, event) -> event != null, Named.as("present-" + topic));
    }

    private static <V> StoreBuilder<KeyValueStore<String, V>> store(String name, Serde<V> valueSerde) {
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name), Serdes.String(), valueSerde);
    }

    static <T> Serde<T> serde(Class<T> type, ObjectMapper mapper) {
        return new ObjectMapperSerde<>(type, mapper);
    }

    // ---- what makes two deliveries "the same event"

    static String inboundId(InboundEvent event) {
        return event.messageSid() == null ? null : event.kind() + ":" + event.messageSid();
    }

    /** A message is the same whichever webhook (account or API inbox) delivered it; a status change is its new state. */
    static String chatwootId(ChatwootEvent event) {
        if (event.message() != null && ChatwootEvent.MESSAGE_CREATED.equals(event.event())) {
            return "message:" + event.message().id();
        }
        Instant at = event.occurredAt();
        return event.event() + ":" + event.conversationId() + ":" + event.conversationStatus() + ":"
                + event.assigneeId() + ":" + (at != null ? at : event.deliveryId());
    }

    static String statusId(StatusEvent event) {
        return event.messageSid() == null ? null
                : event.messageSid() + ":" + event.deliveryStatus() + ":" + event.errorCode();
    }

    static String dispatchId(DispatchEvent event) {
        return event.dispatchId() == null ? null
                : event.dispatchId() + ":" + event.attempt() + ":" + event.outcome();
    }

    /** The customer of a Chatwoot event, as E.164 (from the contact's phone or its {@code whatsapp:+...} source id). */
    static String customerPhoneOf(ChatwootEvent event) {
        ChatwootEvent.Contact contact = event.contact();
        if (contact == null) {
            return null;
        }
        String phone = phone(contact.phoneNumber());
        return phone != null ? phone : phone(contact.sourceId());
    }

    static String phone(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String trimmed = value.trim();
        return trimmed.startsWith("whatsapp:") ? trimmed.substring("whatsapp:".length()) : trimmed;
    }
}
