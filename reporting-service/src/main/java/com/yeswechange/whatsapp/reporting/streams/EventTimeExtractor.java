package com.yeswechange.whatsapp.reporting.streams;

import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.processor.TimestampExtractor;

/**
 * Event time is when the thing happened (Chatwoot's timestamp, or when the webhook reached us), not when the record
 * was written: a replayed or late record lands in the day it belongs to. Records without a time keep the record's
 * own timestamp.
 */
public class EventTimeExtractor implements TimestampExtractor {

    @Override
    public long extract(ConsumerRecord<Object, Object> record, long partitionTime) {
        Instant at = EventTime.of(record.value());
        if (at != null) {
            return at.toEpochMilli();
        }
        if (record.timestamp() >= 0) {
            return record.timestamp();
        }
        return partitionTime >= 0 ? partitionTime : System.currentTimeMillis();
    }
}
