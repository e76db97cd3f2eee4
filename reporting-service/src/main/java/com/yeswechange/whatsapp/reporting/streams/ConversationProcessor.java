package com.yeswechange.whatsapp.reporting.streams;

import com.yeswechange.whatsapp.events.ChatwootEvent;
import java.time.Duration;
import java.time.Instant;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Follows each conversation (chatwoot.events is keyed by conversation id, so one task sees all of a conversation's
 * events in order) and yields: conversations opened and resolved, agent replies, first response time (opened to
 * first agent reply) and resolution time (opened to resolved), overall and per agent.
 *
 * <p>Out of order: an agent reply seen before the conversation's creation is kept and measured once the creation
 * arrives; a status older than the latest one applied is ignored; an opening or resolution is counted once per cycle.
 */
final class ConversationProcessor implements Processor<String, ChatwootEvent, String, Double> {

    static final String RESOLVED = "resolved";
    static final String OPEN = "open";

    private final String storeName;
    private final FactEmitter emitter;
    private ProcessorContext<String, Double> context;
    private KeyValueStore<String, ConversationState> conversations;

    ConversationProcessor(String storeName, FactEmitter emitter) {
        this.storeName = storeName;
        this.emitter = emitter;
    }

    @Override
    public void init(ProcessorContext<String, Double> context) {
        this.context = context;
        this.conversations = context.getStateStore(storeName);
    }

    @Override
    public void process(Record<String, ChatwootEvent> record) {
        ChatwootEvent event = record.value();
        if (event.conversationId() == null) {
            return;
        }
        String key = event.conversationId().toString();
        ConversationState state = conversations.get(key);
        state = state == null ? ConversationState.NEW : state;
        Instant at = Instant.ofEpochMilli(record.timestamp());
        if (event.assigneeId() != null) {
            state = state.assignee(event.assigneeId());
        }
        state = switch (event.event()) {
            case ChatwootEvent.CONVERSATION_CREATED -> onCreated(state, event, at, record.timestamp());
            case ChatwootEvent.MESSAGE_CREATED -> onMessage(state, event, at, record.timestamp());
            case ChatwootEvent.CONVERSATION_STATUS_CHANGED, ChatwootEvent.CONVERSATION_UPDATED ->
                    onStatus(state, event.conversationStatus(), at, record.timestamp());
            case null, default -> state;
        };
        conversations.put(key, state);
    }

    private ConversationState onCreated(ConversationState state, ChatwootEvent event, Instant at, long ts) {
        if (!state.openSeen()) {
            emitter.emit(context, Fact.count(Measure.CONVERSATIONS_OPENED), ts);
            Instant opened = state.openedAt() == null || at.isBefore(state.openedAt()) ? at : state.openedAt();
            state = state.opened(opened, true);
            if (state.status() == null && event.conversationStatus() != null) {
                state = state.status(event.conversationStatus(), at);
            }
        }
        return measureFirstResponse(state, ts);
    }

    private ConversationState onMessage(ConversationState state, ChatwootEvent event, Instant at, long ts) {
        ChatwootEvent.Message message = event.message();
        if (message == null || message.privateNote()) {
            return state;
        }
        if (message.isIncoming() && state.openedAt() == null) {
            // a conversation created before we started listening: its first customer message starts the clock
            return state.opened(at, false);
        }
        if (!isAgentReply(message)) {
            return state;
        }
        emitter.emit(context, Fact.count(Measure.MESSAGES_OUT).forAgent(message.senderId()), ts);
        if (!state.firstResponseMeasured() && (state.firstReplyAt() == null || at.isBefore(state.firstReplyAt()))) {
            state = state.firstReply(at, message.senderId());
        }
        return measureFirstResponse(state, ts);
    }

    private ConversationState onStatus(ConversationState state, String status, Instant at, long ts) {
        if (status == null || status.equals(state.status())
                || (state.statusAt() != null && at.isBefore(state.statusAt()))) {
            return state;
        }
        if (RESOLVED.equals(status)) {
            emitter.emit(context, Fact.count(Measure.CONVERSATIONS_RESOLVED).forAgent(state.assigneeId()), ts);
            if (state.openedAt() != null && !at.isBefore(state.openedAt())) {
                emitter.emit(context, Fact.seconds(Measure.RESOLUTION_TIME, seconds(state.openedAt(), at))
                        .forAgent(state.assigneeId()), ts);
            }
            return state.status(status, at);
        }
        if (OPEN.equals(status) && RESOLVED.equals(state.status())) {
            emitter.emit(context, Fact.count(Measure.CONVERSATIONS_OPENED), ts);
            return state.reopened(at);
        }
        return state.status(status, at);
    }

    private ConversationState measureFirstResponse(ConversationState state, long ts) {
        if (state.firstResponseMeasured() || state.openedAt() == null || state.firstReplyAt() == null
                || state.firstReplyAt().isBefore(state.openedAt())) {
            return state;
        }
        emitter.emit(context, Fact.seconds(Measure.FIRST_RESPONSE, seconds(state.openedAt(), state.firstReplyAt()))
                .forAgent(state.firstReplyAgentId()), ts);
        return state.withFirstResponseMeasured();
    }

    /** An agent's reply to the customer: outgoing, public, written by a Chatwoot user (not a bot or the system). */
    static boolean isAgentReply(ChatwootEvent.Message message) {
        return message != null && message.isOutgoing() && !message.privateNote()
                && "user".equalsIgnoreCase(message.senderType());
    }

    static double seconds(Instant from, Instant to) {
        return Duration.between(from, to).toMillis() / 1000.0;
    }
}
