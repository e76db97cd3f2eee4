package com.yeswechange.whatsapp.handoff.service;

import com.yeswechange.whatsapp.events.InboundEvent;
import java.util.Locale;
import java.util.Map;

/** What agents read in Chatwoot for a customer's message (French, as the agents work). Pure. */
public final class MessageTexts {

    public static final String BOT_CONTEXT_TITLE = "Contexte du bot :";

    private MessageTexts() {
    }

    /** The incoming message's text: the body, or a readable rendering of a location or an unsupported type. */
    public static String content(InboundEvent event) {
        String body = event.body() == null ? "" : event.body().strip();
        InboundEvent.Location location = event.location();
        if (location != null) {
            StringBuilder text = new StringBuilder("📍 Position partagée");
            String place = join(location.label(), location.address());
            if (!place.isEmpty()) {
                text.append(" : ").append(place);
            }
            text.append('\n').append(String.format(Locale.ROOT, "https://www.google.com/maps?q=%s,%s",
                    location.latitude(), location.longitude()));
            return body.isEmpty() ? text.toString() : body + "\n" + text;
        }
        if (!body.isEmpty() || !event.media().isEmpty()) {
            return body;
        }
        if (event.isHandoff()) {
            return "[Demande à parler à un conseiller]";
        }
        String type = event.messageType();
        if (type != null && !type.isBlank() && !"text".equalsIgnoreCase(type)) {
            return "[Message WhatsApp de type « " + type + " » non pris en charge : demandez au client de l'écrire]";
        }
        return "[Message vide]";
    }

    /** The private note with the bot's context, one "• name : value" line per Studio variable, sorted. */
    public static String botContextNote(InboundEvent event) {
        StringBuilder note = new StringBuilder(BOT_CONTEXT_TITLE);
        if (event.profileName() != null && !event.profileName().isBlank()) {
            note.append("\n• nom : ").append(event.profileName());
        }
        new java.util.TreeMap<>(event.botContext()).forEach(
                (name, value) -> note.append("\n• ").append(name).append(" : ").append(value));
        return note.toString();
    }

    /** What replaces a media item that could not be fetched from Twilio. */
    public static String missingMedia(InboundEvent.Media media) {
        return "[Pièce jointe non récupérée" + (media.contentType() == null ? "" : " (" + media.contentType() + ")")
                + "]";
    }

    public static boolean hasBotContext(InboundEvent event) {
        Map<String, String> context = event.botContext();
        return event.isHandoff() && (!context.isEmpty()
                || event.profileName() != null && !event.profileName().isBlank());
    }

    private static String join(String first, String second) {
        StringBuilder text = new StringBuilder();
        for (String part : new String[] {first, second}) {
            if (part != null && !part.isBlank()) {
                text.append(text.isEmpty() ? "" : ", ").append(part.strip());
            }
        }
        return text.toString();
    }
}
