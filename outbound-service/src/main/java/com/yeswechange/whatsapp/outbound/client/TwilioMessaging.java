package com.yeswechange.whatsapp.outbound.client;

import com.twilio.base.Page;
import com.twilio.exception.ApiException;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.Message;
import com.twilio.rest.api.v2010.account.MessageCreator;
import com.twilio.rest.studio.v2.flow.Execution;
import com.twilio.type.PhoneNumber;
import com.yeswechange.whatsapp.outbound.config.TwilioConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The Twilio calls outbound-service makes, through the SDK on our own single-attempt transport. */
@ApplicationScoped
public class TwilioMessaging {

    /** How many of the customer's most recent messages reconciliation looks through. */
    static final long RECONCILE_PAGE_SIZE = 50;

    private final TwilioConfig config;
    private final TwilioRestClient client;

    public TwilioMessaging(TwilioConfig config) {
        this.config = config;
        TwilioHttpClient transport = new TwilioHttpClient(
                Map.of("api", config.apiBaseUrl(), "studio", config.studioApiBaseUrl()), config.requestTimeout());
        this.client = new TwilioRestClient.Builder(config.accountSid(), config.authToken())
                .httpClient(transport)
                .build();
    }

    /** Our WhatsApp sender ({@code whatsapp:+…}). */
    public String sender() {
        return config.whatsappFrom();
    }

    /** One Messages.create call; never re-sent here. */
    public SendResult send(OutgoingMessage message) {
        try {
            Message created = creator(message).create(client);
            return new SendResult.Accepted(created.getSid(),
                    created.getStatus() == null ? null : created.getStatus().toString());
        } catch (ApiException refused) {
            int http = refused.getStatusCode() == null ? 0 : refused.getStatusCode();
            if (http >= 500 || http == 0) {
                return new SendResult.Unknown("Twilio answered " + http + ": " + refused.getMessage());
            }
            int code = refused.getCode() == null ? http : refused.getCode();
            return new SendResult.Rejected(code, http, refused.getMessage());
        } catch (TwilioUnreachableException unreachable) {
            return new SendResult.Unreachable(unreachable.getMessage());
        } catch (TwilioOutcomeUnknownException unknown) {
            return new SendResult.Unknown(unknown.getMessage());
        }
    }

    private MessageCreator creator(OutgoingMessage message) {
        PhoneNumber to = new PhoneNumber(message.to());
        MessageCreator creator = config.messagingServiceSid().filter(sid -> !sid.isBlank())
                .map(service -> Message.creator(to, service, message.body()))
                .orElseGet(() -> Message.creator(to, new PhoneNumber(config.whatsappFrom()), message.body()));
        if (!message.mediaUrls().isEmpty()) {
            creator.setMediaUrl(message.mediaUrls());
        }
        if (message.contentSid() != null) {
            creator.setContentSid(message.contentSid());
        }
        if (message.contentVariables() != null) {
            creator.setContentVariables(message.contentVariables());
        }
        if (message.statusCallback() != null) {
            creator.setStatusCallback(message.statusCallback());
        }
        return creator;
    }

    /**
     * Reconciliation: the sid of a message Twilio already holds for this send, if any. Twilio has no idempotency key
     * for Messages, so a message is ours when it went from our sender to this customer, was created no earlier than
     * {@code notBefore}, carries the same body (when we sent one), and is not already claimed by another ledger entry.
     *
     * @throws ApiException or a transport exception when Twilio cannot be asked: the caller must not re-send then
     */
    public Optional<String> findSent(String to, String body, Instant notBefore, Set<String> claimedSids) {
        Page<Message> recent = Message.reader()
                .setTo(new PhoneNumber(to))
                .setFrom(new PhoneNumber(config.whatsappFrom()))
                .setPageSize(RECONCILE_PAGE_SIZE)
                .firstPage(client);
        return recent.getRecords().stream()
                .filter(message -> !claimedSids.contains(message.getSid()))
                .filter(message -> message.getDateCreated() == null
                        || !message.getDateCreated().toInstant().isBefore(notBefore))
                .filter(message -> body == null || body.isEmpty() || body.equals(message.getBody()))
                .map(Message::getSid)
                .findFirst();
    }

    /** Ends the customer's Studio execution (Status=ended), so the bot takes the next message. */
    public void endStudioExecution(String flowSid, String executionSid) {
        Execution.updater(flowSid, executionSid, Execution.Status.ENDED).update(client);
    }
}
