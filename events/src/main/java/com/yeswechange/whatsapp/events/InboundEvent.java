package com.yeswechange.whatsapp.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A customer's handoff request (from Twilio Studio) or WhatsApp message (from the Twilio messaging webhook),
 * on {@link Topics#WHATSAPP_INBOUND}, keyed by {@link #customerPhone()}.
 *
 * @param schemaVersion      version of this record's shape; {@link #CURRENT_VERSION} when written
 * @param kind               handoff request or plain customer message
 * @param messageSid         Twilio's MessageSid; for a Studio handoff, a stable id derived from the execution
 *                           (so a Studio retry maps to the same id)
 * @param customerPhone      the customer in E.164, e.g. {@code +2250701020304}
 * @param from               the Twilio {@code From}, e.g. {@code whatsapp:+2250701020304}
 * @param to                 the Twilio {@code To}: our WhatsApp sender
 * @param profileName        WhatsApp ProfileName, or the name the Studio flow collected
 * @param body               message text (may be empty for media or location)
 * @param messageType        Twilio's MessageType (text, image, location, ...), when known
 * @param media              attached media, as Twilio URLs (they need Basic auth)
 * @param location           shared location, if any
 * @param botContext         the Studio flow's variables (the bot's context) for a handoff; empty otherwise
 * @param studioFlowSid      the Studio flow (FW...) the customer came from, if known
 * @param studioExecutionSid the Studio execution (FN...) to end when the conversation resolves, if known
 * @param receivedAt         when the webhook reached us
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record InboundEvent(
        int schemaVersion,
        Kind kind,
        String messageSid,
        String customerPhone,
        String from,
        String to,
        String profileName,
        String body,
        String messageType,
        List<Media> media,
        Location location,
        Map<String, String> botContext,
        String studioFlowSid,
        String studioExecutionSid,
        Instant receivedAt) {

    public static final int CURRENT_VERSION = 1;

    public enum Kind {
        HANDOFF,
        MESSAGE
    }

    /** A media item of a message: Twilio's MediaUrlN and MediaContentTypeN. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Media(String url, String contentType) {
    }

    /** A shared WhatsApp location (Latitude, Longitude, Address, Label). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Location(Double latitude, Double longitude, String address, String label) {
    }

    public InboundEvent {
        schemaVersion = schemaVersion <= 0 ? 1 : schemaVersion;
        kind = kind == null ? Kind.MESSAGE : kind;
        media = media == null ? List.of() : List.copyOf(media);
        botContext = botContext == null ? Map.of() : Map.copyOf(botContext);
    }

    public boolean isHandoff() {
        return kind == Kind.HANDOFF;
    }
}
