package com.yeswechange.whatsapp.reporting.streams;

import java.time.Instant;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Queue time: from a customer's handoff request to the first agent reply to that customer, per customer phone.
 *
 * <ul>
 *   <li>A second handoff while one is waiting keeps the earlier one: the customer has been waiting since then.</li>
 *   <li>A handoff at or before the last reply that already answered one is a duplicate or a stale replay: ignored.</li>
 *   <li>A handoff that arrives after its answer (the two topics are not ordered together) is matched with the
 *       earliest remembered reply after it.</li>
 * </ul>
 */
final class QueueTimeProcessor implements Processor<String, QueueSignal, String, Double> {

    private final String storeName;
    private final FactEmitter emitter;
    private ProcessorContext<String, Double> context;
    private KeyValueStore<String, QueueState> queues;

    QueueTimeProcessor(String storeName, FactEmitter emitter) {
        this.storeName = storeName;
        this.emitter = emitter;
    }

    @Override
    public void init(ProcessorContext<String, Double> context) {
        this.context = context;
        this.queues = context.getStateStore(storeName);
    }

    @Override
    public void process(Record<String, QueueSignal> record) {
        QueueSignal signal = record.value();
        if (record.key() == null || signal == null || signal.at() == null) {
            return;
        }
        QueueState state = queues.get(record.key());
        state = state == null ? QueueState.NEW : state;
        state = switch (signal.type()) {
            case HANDOFF -> onHandoff(state, signal.at());
            case AGENT_REPLY -> onReply(state, new QueueState.Reply(signal.at(), signal.agentId()));
        };
        queues.put(record.key(), state);
    }

    private QueueState onHandoff(QueueState state, Instant at) {
        if (state.lastAnswerAt() != null && !at.isAfter(state.lastAnswerAt())) {
            return state;
        }
        Instant since = state.waitingSince() == null || at.isBefore(state.waitingSince()) ? at : state.waitingSince();
        QueueState.Reply answer = state.firstReplyFrom(since);
        return answer == null ? state.waiting(since) : answer(state, since, answer);
    }

    private QueueState onReply(QueueState state, QueueState.Reply reply) {
        QueueState remembered = state.remember(reply);
        if (state.waitingSince() != null && !reply.at().isBefore(state.waitingSince())) {
            return answer(remembered, state.waitingSince(), reply);
        }
        return remembered;
    }

    private QueueState answer(QueueState state, Instant since, QueueState.Reply reply) {
        double seconds = ConversationProcessor.seconds(since, reply.at());
        emitter.emit(context, Fact.seconds(Measure.QUEUE_TIME, seconds).forAgent(reply.agentId()),
                reply.at().toEpochMilli());
        return state.answered(reply.at());
    }
}
