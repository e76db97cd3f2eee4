package com.yeswechange.whatsapp.outbound.service;

import com.twilio.exception.ApiConnectionException;
import com.twilio.exception.ApiException;
import com.yeswechange.whatsapp.events.ChatwootEvent;
import com.yeswechange.whatsapp.events.DispatchEvent;
import com.yeswechange.whatsapp.events.DispatchEvent.Kind;
import com.yeswechange.whatsapp.events.DispatchEvent.Outcome;
import com.yeswechange.whatsapp.outbound.client.OutgoingMessage;
import com.yeswechange.whatsapp.outbound.client.TwilioMessaging;
import com.yeswechange.whatsapp.outbound.config.OutboundConfig;
import com.yeswechange.whatsapp.outbound.config.TwilioConfig;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * A conversation resolved in Chatwoot: the customer gets the closing message (once per resolve), and the Studio
 * execution recorded at handoff is ended, so the customer's next message reaches the bot again.
 */
@ApplicationScoped
public class ConversationCloser {

    private static final Logger LOG = Logger.getLogger(ConversationCloser.class);

    private final DispatchLedger ledger;
    private final ExactlyOnceSender sender;
    private final CustomerWindow window;
    private final Recipients recipients;
    private final ChatwootFeedback feedback;
    private final StatusCallbacks callbacks;
    private final StudioExecutions executions;
    private final TwilioMessaging twilio;
    private final OutboundConfig config;
    private final TwilioConfig twilioConfig;
    private final MeterRegistry registry;

    public ConversationCloser(DispatchLedger ledger, ExactlyOnceSender sender, CustomerWindow window,
            Recipients recipients, ChatwootFeedback feedback, StatusCallbacks callbacks, StudioExecutions executions,
            TwilioMessaging twilio, OutboundConfig config, TwilioConfig twilioConfig, MeterRegistry registry) {
        this.ledger = ledger;
        this.sender = sender;
        this.window = window;
        this.recipients = recipients;
        this.feedback = feedback;
        this.callbacks = callbacks;
        this.executions = executions;
        this.twilio = twilio;
        this.config = config;
        this.twilioConfig = twilioConfig;
        this.registry = registry;
    }

    /** The ledger key of one resolve: a redelivered event maps to the same key, a later resolve to a new one. */
    static String dispatchId(ChatwootEvent event) {
        String occurrence = event.deliveryId() != null ? event.deliveryId()
                : String.valueOf(event.occurredAt() == null ? null : event.occurredAt().toEpochMilli());
        return "closing:" + event.conversationId() + ":" + occurrence;
    }

    public void onResolved(ChatwootEvent event) {
        Optional<String> phone = recipients.customerPhone(event);
        if (phone.isEmpty()) {
            LOG.warnf("conversation %d resolved but its customer has no WhatsApp number", event.conversationId());
            return;
        }
        if (config.closingMessage().enabled()) {
            sendClosingMessage(event, phone.get());
        }
        endStudioExecution(phone.get());
    }

    private void sendClosingMessage(ChatwootEvent event, String phone) {
        String dispatchId = dispatchId(event);
        Optional<DispatchEvent> previous = ledger.get(dispatchId);
        if (previous.filter(DispatchEvent::isFinal).isPresent()) {
            return;
        }
        long conversationId = event.conversationId();
        Dispatch dispatch = new Dispatch(dispatchId, Kind.CLOSING, conversationId, null, phone, event.assigneeId(),
                event.occurredAt() != null ? event.occurredAt() : event.receivedAt());
        if (!window.isOpen(conversationId, Instant.now())) {
            skipOutsideWindow(dispatch);
            return;
        }
        String text = config.closingMessage().text();
        OutgoingMessage closing = new OutgoingMessage(Recipients.whatsapp(phone), text, List.of(), null, null,
                callbacks.forMessage(conversationId, null));
        ExactlyOnceSender.Result result = sender.deliver(dispatch, closing, previous);
        if (result instanceof ExactlyOnceSender.Result.Settled settled) {
            if (settled.entry().outcome() == Outcome.SENT) {
                feedback.note(conversationId, "Message de clôture envoyé au client : « " + text + " »");
            } else {
                feedback.note(conversationId, "⚠️ Message de clôture non remis. " + settled.entry().reason());
            }
        } else {
            skipOutsideWindow(dispatch);
        }
    }

    /** Outside the 24-hour window WhatsApp refuses free text: the closing message is recorded as skipped. */
    private void skipOutsideWindow(Dispatch dispatch) {
        sender.settle(dispatch, dispatch.entry(Outcome.SKIPPED, null, Integer.toString(TwilioErrors.OUTSIDE_WINDOW),
                "closing message not sent: outside the customer's 24-hour window", 0));
    }

    /** Ends the customer's Studio execution, if one was recorded at handoff; a gone execution counts as ended. */
    private void endStudioExecution(String phone) {
        executions.forCustomer(phone).ifPresent(execution -> {
            String flow = execution.flowSid() != null ? execution.flowSid()
                    : twilioConfig.studioFlowSid().orElse(null);
            if (flow == null) {
                LOG.warnf("Studio execution %s has no flow sid and TWILIO_STUDIO_FLOW_SID is not set",
                        execution.executionSid());
                return;
            }
            try {
                twilio.endStudioExecution(flow, execution.executionSid());
                executions.ended(phone, execution);
                registry.counter("outbound.studio.executions.ended", "result", "ended").increment();
            } catch (ApiException refused) {
                // 404: already ended or expired (Studio ends executions itself after 30 days)
                executions.ended(phone, execution);
                registry.counter("outbound.studio.executions.ended", "result", "refused").increment();
                LOG.infof("Studio execution %s not ended (%s)", execution.executionSid(), refused.getMessage());
            } catch (ApiConnectionException unreachable) {
                registry.counter("outbound.studio.executions.ended", "result", "unreachable").increment();
                LOG.warnf("Studio unreachable, execution %s not ended: %s", execution.executionSid(),
                        unreachable.getMessage());
            }
        });
    }
}
