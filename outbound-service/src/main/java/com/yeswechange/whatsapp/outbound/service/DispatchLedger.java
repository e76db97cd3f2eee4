package com.yeswechange.whatsapp.outbound.service;

import com.yeswechange.whatsapp.events.DispatchEvent;
import com.yeswechange.whatsapp.events.EventJson;
import com.yeswechange.whatsapp.events.Topics;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The durable record of every send: the compacted {@link Topics#WHATSAPP_DISPATCH} topic, keyed by dispatch id (the
 * Chatwoot message id for a reply), read back into memory. The latest entry of a key is the truth about that send.
 *
 * <p>Writes are synchronous (acks=all, idempotent producer): {@link DispatchEvent.Outcome#PENDING} is acknowledged by
 * Kafka <em>before</em> Twilio is called, and the outcome after. Before each decision the reader catches up with the
 * topic's end, so entries written by an earlier run, or by another instance before a rebalance, are seen.
 */
@ApplicationScoped
public class DispatchLedger {

    private static final Duration WRITE_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration POLL = Duration.ofMillis(200);

    private final String bootstrapServers;
    private final Map<String, DispatchEvent> latest = new HashMap<>();
    private KafkaProducer<String, String> producer;
    private KafkaConsumer<String, String> reader;
    private List<TopicPartition> partitions = List.of();

    public DispatchLedger(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    /** The latest entry for this dispatch, after reading everything the topic holds. */
    public synchronized Optional<DispatchEvent> get(String dispatchId) {
        catchUp();
        return Optional.ofNullable(latest.get(dispatchId));
    }

    /** Twilio MessageSids already owned by some dispatch: reconciliation must not take them for another. */
    public synchronized Set<String> claimedSids() {
        catchUp();
        return latest.values().stream()
                .map(DispatchEvent::messageSid)
                .filter(sid -> sid != null && !sid.isBlank())
                .collect(Collectors.toSet());
    }

    /** Appends an entry and returns once Kafka has acknowledged it; fails loudly otherwise. */
    public synchronized void record(DispatchEvent entry) {
        try {
            producer().send(new ProducerRecord<>(Topics.WHATSAPP_DISPATCH, entry.dispatchId(), EventJson.write(entry)))
                    .get(WRITE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LedgerUnavailableException("interrupted while writing the dispatch ledger", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new LedgerUnavailableException("the dispatch ledger could not be written: " + e, e);
        }
        latest.put(entry.dispatchId(), entry);
    }

    /** Forgets what is in memory and reads the whole topic again: exactly what a restart of the service does. */
    public synchronized void rebuild() {
        latest.clear();
        if (reader != null) {
            reader.close();
            reader = null;
            partitions = List.of();
        }
        catchUp();
    }

    private void catchUp() {
        KafkaConsumer<String, String> consumer = reader();
        if (partitions.isEmpty()) {
            return;
        }
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
        long deadline = System.nanoTime() + WRITE_TIMEOUT.toNanos();
        while (end.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
            if (System.nanoTime() > deadline) {
                throw new LedgerUnavailableException("the dispatch ledger could not be read to its end", null);
            }
            for (ConsumerRecord<String, String> record : consumer.poll(POLL)) {
                if (record.value() == null) {
                    latest.remove(record.key());
                } else {
                    latest.put(record.key(), EventJson.read(record.value(), DispatchEvent.class));
                }
            }
        }
    }

    private KafkaConsumer<String, String> reader() {
        if (reader == null) {
            reader = new KafkaConsumer<>(Map.of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                    ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                    ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                    ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false",
                    ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                    ConsumerConfig.CLIENT_ID_CONFIG, "outbound-dispatch-ledger"));
        }
        if (partitions.isEmpty()) {
            partitions = reader.partitionsFor(Topics.WHATSAPP_DISPATCH).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition()))
                    .toList();
            reader.assign(partitions);
            reader.seekToBeginning(partitions);
        }
        return reader;
    }

    private KafkaProducer<String, String> producer() {
        if (producer == null) {
            producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                    ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                    ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                    ProducerConfig.ACKS_CONFIG, "all",
                    ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true",
                    ProducerConfig.CLIENT_ID_CONFIG, "outbound-dispatch-ledger-writer"));
        }
        return producer;
    }

    synchronized void close(@Observes ShutdownEvent shutdown) {
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
        if (reader != null) {
            reader.close();
        }
    }

    /** Kafka did not acknowledge a ledger write or read: nothing may be sent without it. */
    public static class LedgerUnavailableException extends RuntimeException {
        public LedgerUnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
