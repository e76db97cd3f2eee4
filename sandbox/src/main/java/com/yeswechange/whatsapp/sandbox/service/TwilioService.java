package com.yeswechange.whatsapp.sandbox.service;

import static com.yeswechange.whatsapp.sandbox.service.Json.obj;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.yeswechange.whatsapp.sandbox.config.SandboxConfig;
import com.yeswechange.whatsapp.sandbox.model.Attachment;
import com.yeswechange.whatsapp.sandbox.model.StudioExecution;
import com.yeswechange.whatsapp.sandbox.model.TwilioMessage;

/**
 * The Twilio stand-in (WEBHOOK-NOTES.md, twilio_api_v2010.json): Messages.json sends with the 24-hour window rule and
 * status callbacks, inbound customer messages and Studio handoffs posted to the services, and Studio executions.
 * Every request it makes is signed with X-Twilio-Signature over the URL it calls.
 */
@ApplicationScoped
public class TwilioService {

    public static final String CALLBACK_KIND = "twilio-status-callback";
    public static final String INBOUND_KIND = "twilio-inbound-message";
    public static final String HANDOFF_KIND = "studio-handoff";
    static final Duration WINDOW = Duration.ofHours(24);
    static final DateTimeFormatter RFC_2822 = DateTimeFormatter
            .ofPattern("EEE, dd MMM yyyy HH:mm:ss Z", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    @Inject
    SandboxStore store;

    @Inject
    SandboxConfig config;

    @Inject
    Faults faults;

    @Inject
    OutboundHttp http;

    /** One thread: the callbacks of a message go out in order, one step apart. */
    private final ScheduledExecutorService callbacks = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "twilio-callbacks");
        t.setDaemon(true);
        return t;
    });

    @PreDestroy
    void stop() {
        callbacks.shutdownNow();
    }

    // ---- Messages.json

    /** The form parameters of a send. */
    public record SendRequest(String to, String from, String messagingServiceSid, String body, List<String> mediaUrls,
            String contentSid, String contentVariables, String statusCallback) {
    }

    /** POST Messages.json: 201 with the message resource, or a Twilio error. */
    public Map<String, Object> send(String accountSid, SendRequest request) {
        if (request.to() == null || request.to().isBlank()) {
            throw twilioError(400, 21604, "A 'To' phone number is required.");
        }
        if ((request.from() == null || request.from().isBlank())
                && (request.messagingServiceSid() == null || request.messagingServiceSid().isBlank())) {
            throw twilioError(400, 21603, "A 'From' phone number is required.");
        }
        if (isBlank(request.body()) && request.mediaUrls().isEmpty() && isBlank(request.contentSid())) {
            throw twilioError(400, 21602, "Message body is required.");
        }
        if (!request.to().startsWith("whatsapp:+")) {
            throw twilioError(400, 21211, "Invalid 'To' Phone Number: " + request.to());
        }
        if (request.mediaUrls().size() > 10) {
            throw twilioError(400, 21623, "Too many media URLs (10 at most).");
        }
        if (faults.twilioRateLimited) {
            throw twilioError(429, 20429, "Too Many Requests");
        }
        if (faults.twilioServerError) {
            throw twilioError(500, 20500, "Internal Server Error");
        }
        Instant now = Instant.now();
        TwilioMessage m = new TwilioMessage();
        m.sid = (request.mediaUrls().isEmpty() ? "SM" : "MM") + ChatwootService.hex32();
        m.accountSid = accountSid;
        m.to = request.to();
        m.from = isBlank(request.from()) ? config.twilio().whatsappFrom() : request.from();
        m.messagingServiceSid = request.messagingServiceSid();
        m.body = request.body() == null ? "" : request.body();
        m.mediaUrls.addAll(request.mediaUrls());
        m.contentSid = request.contentSid();
        m.contentVariables = request.contentVariables();
        m.statusCallback = request.statusCallback();
        m.direction = "outbound-api";
        m.status = "queued";
        m.dateCreated = now;
        m.dateUpdated = now;
        Map<String, Object> json;
        synchronized (store) {
            store.twilioMessages.put(m.sid, m);
            json = messageJson(m);
        }
        scheduleOutcome(m, outsideWindow(m.to) && isBlank(m.contentSid));
        return json;
    }

    private boolean outsideWindow(String to) {
        if (faults.windowClosed) {
            return true;
        }
        synchronized (store) {
            Instant last = store.lastInboundAt.get(to);
            return last == null || last.isBefore(Instant.now().minus(WINDOW));
        }
    }

    /** The status callbacks after a send: sent, delivered, read; or failed with 63016 / the forced error code. */
    private void scheduleOutcome(TwilioMessage m, boolean windowClosed) {
        List<String[]> steps = new ArrayList<>();
        Integer forced = faults.twilioFailureCode;
        if (windowClosed) {
            steps.add(new String[] { "failed", "63016" });
        } else if (forced != null) {
            steps.add(new String[] { "sent", null });
            steps.add(new String[] { forced >= 63000 && forced < 64000 ? "failed" : "undelivered", forced.toString() });
        } else {
            steps.add(new String[] { "sent", null });
            steps.add(new String[] { "delivered", null });
            steps.add(new String[] { "read", null });
        }
        long stepMillis = config.twilio().callbackStep().toMillis();
        for (int i = 0; i < steps.size(); i++) {
            String[] step = steps.get(i);
            callbacks.schedule(() -> advance(m, step[0], step[1] == null ? null : Integer.valueOf(step[1])),
                    stepMillis * (i + 1), TimeUnit.MILLISECONDS);
        }
    }

    /** Moves a message to its next status and tells the status callback URL, signed. */
    void advance(TwilioMessage m, String status, Integer errorCode) {
        Map<String, String> params;
        String url;
        synchronized (store) {
            if (store.twilioMessages.get(m.sid) != m) {
                return; // reset in between
            }
            m.status = status;
            m.errorCode = errorCode;
            m.errorMessage = errorCode == null ? null : errorMessage(errorCode);
            m.dateUpdated = Instant.now();
            if ("sent".equals(status) || m.dateSent == null) {
                m.dateSent = m.dateUpdated;
            }
            url = Optional.ofNullable(m.statusCallback).filter(u -> !u.isBlank())
                    .or(() -> config.twilio().statusCallbackUrl().filter(u -> !u.isBlank())).orElse(null);
            params = statusCallbackParams(m);
        }
        if (url == null) {
            return;
        }
        if (faults.statusCallbacksDropped) {
            http.recordSkipped(CALLBACK_KIND, status, url, OutboundHttp.formEncode(params),
                    "status callbacks dropped by fault switch");
            return;
        }
        postSigned(CALLBACK_KIND, status, url, params);
    }

    /** The parameters of a WhatsApp status callback, in the order of the captured ones (examples/status_*.form). */
    private Map<String, String> statusCallbackParams(TwilioMessage m) {
        Map<String, String> p = new LinkedHashMap<>();
        if ("delivered".equals(m.status) || "read".equals(m.status)) {
            p.put("EventType", m.status.toUpperCase(Locale.ROOT));
        }
        p.put("SmsSid", m.sid);
        p.put("SmsStatus", m.status);
        p.put("MessageStatus", m.status);
        p.put("ChannelToAddress", maskedAddress(m.to));
        p.put("To", m.to);
        p.put("ChannelPrefix", "whatsapp");
        p.put("MessageSid", m.sid);
        p.put("AccountSid", m.accountSid);
        if ("sent".equals(m.status)) {
            p.put("StructuredMessage", "false");
        }
        p.put("From", m.from);
        p.put("ApiVersion", "2010-04-01");
        if (!"read".equals(m.status)) {
            p.put("ChannelInstallSid", "XE" + Integer.toHexString(m.from.hashCode()) + "0".repeat(24));
        }
        if (m.errorCode != null) {
            p.put("ErrorCode", m.errorCode.toString());
        }
        return p;
    }

    /** "+225070102XXXX": the last four digits masked, as the captures show. */
    static String maskedAddress(String whatsappAddress) {
        String number = whatsappAddress.replaceFirst("^whatsapp:", "");
        return number.length() <= 4 ? number : number.substring(0, number.length() - 4) + "XXXX";
    }

    static String errorMessage(int code) {
        return switch (code) {
            case 63016 -> "Failed to send freeform message because you are outside the allowed window. "
                    + "If you are using WhatsApp, please use a Message Template.";
            case 63018 -> "Rate limit exceeded for Channel";
            case 63003 -> "Channel could not find To address";
            case 63024 -> "Invalid message recipient";
            default -> "Message could not be delivered";
        };
    }

    public Map<String, Object> getMessage(String sid) {
        synchronized (store) {
            TwilioMessage m = store.twilioMessages.get(sid);
            if (m == null) {
                throw twilioError(404, 20404, "The requested resource /2010-04-01/Accounts/" + config.twilio()
                        .accountSid() + "/Messages/" + sid + ".json was not found");
            }
            return messageJson(m);
        }
    }

    /** GET Messages.json with To, From and DateSent (YYYY-MM-DD; DateSent&lt; and DateSent&gt; too), newest first. */
    public Map<String, Object> listMessages(String accountSid, String to, String from, String dateSent,
            String dateSentBefore, String dateSentAfter, Integer pageSize) {
        int size = pageSize == null || pageSize < 1 ? 50 : Math.min(pageSize, 1000);
        synchronized (store) {
            List<TwilioMessage> all = new ArrayList<>(store.twilioMessages.values());
            java.util.Collections.reverse(all);
            List<Map<String, Object>> page = all.stream().filter(m -> to == null || to.equals(m.to))
                    .filter(m -> from == null || from.equals(m.from))
                    .filter(m -> sentOn(m, dateSent, 0) && sentOn(m, dateSentBefore, -1)
                            && sentOn(m, dateSentAfter, 1))
                    .limit(size).map(this::messageJson).toList();
            String uri = "/2010-04-01/Accounts/" + accountSid + "/Messages.json?PageSize=" + size + "&Page=0";
            return obj("end", Math.max(0, page.size() - 1), "first_page_uri", uri, "messages", page,
                    "next_page_uri", null, "page", 0, "page_size", size, "previous_page_uri", null, "start", 0,
                    "uri", uri);
        }
    }

    /** compare: 0 same day, -1 on or before, 1 on or after. */
    private static boolean sentOn(TwilioMessage m, String date, int compare) {
        if (date == null || date.isBlank()) {
            return true;
        }
        java.time.LocalDate day;
        try {
            day = java.time.LocalDate.parse(date.trim());
        } catch (RuntimeException e) {
            throw twilioError(400, 20001, "Invalid DateSent " + date);
        }
        Instant sent = m.dateSent != null ? m.dateSent : m.dateCreated;
        java.time.LocalDate sentDay = sent.atZone(ZoneOffset.UTC).toLocalDate();
        return switch (compare) {
            case 0 -> sentDay.equals(day);
            case -1 -> !sentDay.isAfter(day);
            default -> !sentDay.isBefore(day);
        };
    }

    /** The api.v2010.account.message resource. */
    Map<String, Object> messageJson(TwilioMessage m) {
        String uri = "/2010-04-01/Accounts/" + m.accountSid + "/Messages/" + m.sid + ".json";
        int numMedia = "inbound".equals(m.direction) ? m.media.size() : m.mediaUrls.size();
        return obj("account_sid", m.accountSid, "api_version", "2010-04-01", "body", m.body, "date_created",
                rfc2822(m.dateCreated), "date_sent", rfc2822(m.dateSent), "date_updated", rfc2822(m.dateUpdated),
                "direction", m.direction, "error_code", m.errorCode, "error_message", m.errorMessage, "from", m.from,
                "messaging_service_sid", m.messagingServiceSid, "num_media", Integer.toString(numMedia),
                "num_segments", "1", "price", null, "price_unit", "USD", "sid", m.sid, "status", m.status,
                "subresource_uris", obj("media", uri.replace(".json", "/Media.json"), "feedback",
                        uri.replace(".json", "/Feedback.json")),
                "to", m.to, "uri", uri);
    }

    static String rfc2822(Instant t) {
        return t == null ? null : RFC_2822.format(t);
    }

    // ---- the customer's side: inbound messages and Studio handoffs

    /** A customer message (text and optional file) posted, signed, to the messages webhook; returns the message. */
    public TwilioMessage receiveFromCustomer(String phone, String profileName, String body, String fileName,
            String contentType, byte[] data) {
        TwilioMessage m = recordInbound(phone, body, fileName, contentType, data);
        Map<String, String> params = inboundParams(m, profileName);
        String url = config.twilio().messagesWebhookUrl().filter(u -> !u.isBlank()).orElse(null);
        if (url == null) {
            http.recordSkipped(INBOUND_KIND, "received", "(SANDBOX_TWILIO_MESSAGES_WEBHOOK_URL not set)",
                    OutboundHttp.formEncode(params), "no messages webhook URL configured");
        } else {
            postSigned(INBOUND_KIND, "received", url, params);
        }
        return m;
    }

    /** What the customer "said" to the bot when a handoff gives no text of its own. */
    static final String DEFAULT_HANDOFF_TEXT = "Je souhaite parler à un conseiller.";

    /**
     * "Parler à un conseiller": the Studio flow's HTTP widget posts the handoff (from, body, name, flow variables,
     * flow_sid, execution_sid) to the handoff URL, form-encoded and signed. The customer's text is an inbound message
     * (the default text when none is given).
     */
    public StudioExecution handoff(String phone, String profileName, String body, String motif) {
        String text = body == null || body.isBlank() ? DEFAULT_HANDOFF_TEXT : body;
        TwilioMessage m = recordInbound(phone, text, null, null, null);
        StudioExecution execution = activeExecution(m.from, true);
        synchronized (store) {
            execution.context.put("customer_name", profileName);
            execution.context.put("motif", motif);
        }
        Map<String, String> params = new LinkedHashMap<>();
        params.put("from", m.from);
        params.put("body", m.body);
        params.put("name", profileName == null ? "" : profileName);
        params.put("motif", motif == null ? "" : motif);
        params.put("numero_client", "CI-" + Math.abs(m.from.hashCode() % 1_000_000));
        params.put("flow_sid", execution.flowSid);
        params.put("execution_sid", execution.sid);
        String url = config.twilio().studioHandoffUrl().filter(u -> !u.isBlank()).orElse(null);
        if (url == null) {
            http.recordSkipped(HANDOFF_KIND, "handoff", "(SANDBOX_STUDIO_HANDOFF_URL not set)",
                    OutboundHttp.formEncode(params), "no Studio handoff URL configured");
        } else {
            postSigned(HANDOFF_KIND, "handoff", url, params);
        }
        return execution;
    }

    private TwilioMessage recordInbound(String phone, String body, String fileName, String contentType,
            byte[] data) {
        String number = phone.trim().replaceFirst("^whatsapp:", "");
        if (!number.matches("\\+[1-9]\\d{6,14}")) {
            throw new IllegalArgumentException("Numéro WhatsApp invalide : " + phone + " (format +225XXXXXXXXXX)");
        }
        boolean hasFile = data != null && data.length > 0;
        if (isBlank(body) && !hasFile) {
            throw new IllegalArgumentException("Le message est vide");
        }
        Instant now = Instant.now();
        TwilioMessage m = new TwilioMessage();
        m.sid = (hasFile ? "MM" : "SM") + ChatwootService.hex32();
        m.accountSid = config.twilio().accountSid();
        m.from = "whatsapp:" + number;
        m.to = config.twilio().whatsappFrom();
        m.body = body == null ? "" : body;
        m.direction = "inbound";
        m.status = "received";
        m.dateCreated = now;
        m.dateUpdated = now;
        m.dateSent = now;
        synchronized (store) {
            if (hasFile) {
                Attachment media = new Attachment();
                media.id = store.nextAttachmentId();
                media.fileName = fileName == null ? "image.jpg" : fileName;
                media.contentType = contentType == null ? "application/octet-stream" : contentType;
                media.data = data;
                m.media.add(media);
                m.mediaUrls.add(config.publicBaseUrl() + "/2010-04-01/Accounts/" + m.accountSid + "/Messages/" + m.sid
                        + "/Media/ME" + String.format("%032x", media.id));
            }
            store.twilioMessages.put(m.sid, m);
            store.lastInboundAt.put(m.from, now);
        }
        return m;
    }

    /** The inbound webhook parameters, in the order of examples/inbound_*.form. */
    private Map<String, String> inboundParams(TwilioMessage m, String profileName) {
        String waId = m.from.replaceFirst("^whatsapp:\\+", "");
        String name = profileName == null ? "" : profileName;
        Map<String, String> p = new LinkedHashMap<>();
        if (!m.media.isEmpty()) {
            p.put("MediaContentType0", m.media.get(0).contentType);
        }
        p.put("SmsMessageSid", m.sid);
        p.put("NumMedia", Integer.toString(m.media.size()));
        p.put("ProfileName", name);
        p.put("MessageType", m.media.isEmpty() ? "text" : m.media.get(0).fileType());
        p.put("SmsSid", m.sid);
        p.put("WaId", waId);
        p.put("SmsStatus", "received");
        p.put("Body", m.body);
        p.put("To", m.to);
        p.put("NumSegments", "1");
        p.put("ReferralNumMedia", "0");
        p.put("MessageSid", m.sid);
        p.put("AccountSid", m.accountSid);
        p.put("ChannelMetadata", "{\"type\":\"whatsapp\",\"data\":{\"context\":{\"ProfileName\":\""
                + name.replace("\\", "\\\\").replace("\"", "\\\"") + "\",\"WaId\":\"" + waId + "\"}}}");
        p.put("From", m.from);
        if (!m.media.isEmpty()) {
            p.put("MediaUrl0", m.mediaUrls.get(0));
        }
        p.put("ApiVersion", "2010-04-01");
        return p;
    }

    /** Inbound media, served to the account's Basic-auth credentials only. */
    public Attachment media(String messageSid, String mediaSid) {
        synchronized (store) {
            TwilioMessage m = store.twilioMessages.get(messageSid);
            if (m == null) {
                throw twilioError(404, 20404, "The requested resource was not found");
            }
            for (int i = 0; i < m.media.size(); i++) {
                if (m.mediaUrls.get(i).endsWith("/" + mediaSid)) {
                    return m.media.get(i);
                }
            }
            throw twilioError(404, 20404, "The requested resource was not found");
        }
    }

    private void postSigned(String kind, String event, String url, Map<String, String> params) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-Twilio-Signature", Signatures.twilio(config.twilio().authToken(), url, params));
        headers.put("I-Twilio-Idempotency-Token", UUID.randomUUID().toString());
        headers.put("User-Agent", "TwilioProxy/1.1");
        headers.put("Accept", "*/*");
        http.post(kind, event, url, headers, "application/x-www-form-urlencoded", OutboundHttp.formEncode(params));
    }

    // ---- Studio executions

    /** The contact's active execution, created when asked (Studio allows one per contact). */
    public StudioExecution activeExecution(String contactAddress, boolean create) {
        synchronized (store) {
            return store.executions.values().stream()
                    .filter(e -> e.contactChannelAddress.equals(contactAddress) && "active".equals(e.status))
                    .findFirst().orElseGet(() -> create ? newExecution(config.twilio().studioFlowSid(),
                            contactAddress, Map.of()) : null);
        }
    }

    /** POST /v2/Flows/{flow}/Executions: a new execution, or 409-style error if the contact has an active one. */
    public Map<String, Object> createExecution(String flowSid, String to, Map<String, Object> parameters) {
        if (isBlank(to)) {
            throw twilioError(400, 20001, "Missing required parameter To in the post body");
        }
        synchronized (store) {
            if (activeExecution(to, false) != null) {
                throw twilioError(409, 20409, "Execution already active for contact " + to);
            }
            return executionJson(newExecution(flowSid, to, parameters));
        }
    }

    private StudioExecution newExecution(String flowSid, String contactAddress, Map<String, Object> parameters) {
        Instant now = Instant.now();
        StudioExecution e = new StudioExecution();
        e.sid = "FN" + ChatwootService.hex32();
        e.flowSid = flowSid;
        e.accountSid = config.twilio().accountSid();
        e.contactChannelAddress = contactAddress;
        e.contactSid = "FC" + ChatwootService.hex32();
        e.dateCreated = now;
        e.dateUpdated = now;
        e.context.put("flow", obj("data", parameters));
        store.executions.put(e.sid, e);
        return e;
    }

    public Map<String, Object> listExecutions(String flowSid, String status) {
        synchronized (store) {
            List<Map<String, Object>> list = store.executions.values().stream()
                    .filter(e -> e.flowSid.equals(flowSid)).filter(e -> status == null || status.equals(e.status))
                    .map(this::executionJson).toList();
            String url = "https://studio.twilio.com/v2/Flows/" + flowSid + "/Executions?PageSize=50&Page=0";
            return obj("executions", list, "meta", obj("page", 0, "page_size", 50, "first_page_url", url,
                    "previous_page_url", null, "url", url, "next_page_url", null, "key", "executions"));
        }
    }

    public Map<String, Object> getExecution(String flowSid, String sid) {
        synchronized (store) {
            return executionJson(execution(flowSid, sid));
        }
    }

    /** POST /v2/Flows/{flow}/Executions/{sid} with Status=ended: the customer goes back to the bot. */
    public Map<String, Object> updateExecution(String flowSid, String sid, String status) {
        if (!"ended".equals(status)) {
            throw twilioError(400, 20001, "Status must be 'ended'");
        }
        synchronized (store) {
            StudioExecution e = execution(flowSid, sid);
            e.status = "ended";
            e.dateUpdated = Instant.now();
            return executionJson(e);
        }
    }

    private StudioExecution execution(String flowSid, String sid) {
        StudioExecution e = store.executions.get(sid);
        if (e == null || !e.flowSid.equals(flowSid)) {
            throw twilioError(404, 20404, "The requested resource /Flows/" + flowSid + "/Executions/" + sid
                    + " was not found");
        }
        return e;
    }

    Map<String, Object> executionJson(StudioExecution e) {
        String url = "https://studio.twilio.com/v2/Flows/" + e.flowSid + "/Executions/" + e.sid;
        return obj("sid", e.sid, "account_sid", e.accountSid, "flow_sid", e.flowSid, "contact_sid", e.contactSid,
                "contact_channel_address", e.contactChannelAddress, "context", e.context, "status", e.status,
                "date_created", e.dateCreated.toString(), "date_updated", e.dateUpdated.toString(), "url", url,
                "links", obj("steps", url + "/Steps", "execution_context", url + "/Context"));
    }

    // ---- helpers

    /** Twilio's error body: {code, message, more_info, status}. */
    public static ApiException twilioError(int status, int code, String message) {
        return new ApiException(status, obj("code", code, "message", message, "more_info",
                "https://www.twilio.com/docs/errors/" + code, "status", status));
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
