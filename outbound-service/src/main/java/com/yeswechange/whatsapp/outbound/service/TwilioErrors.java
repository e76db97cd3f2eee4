package com.yeswechange.whatsapp.outbound.service;

import java.util.Map;
import java.util.Set;

/** What Twilio's error codes mean for a send, and how to tell an agent in plain words (French, as agents work). */
public final class TwilioErrors {

    /** Outside the customer's 24-hour window: only an approved template may be sent. */
    public static final int OUTSIDE_WINDOW = 63016;

    /** Rate limits: nothing was processed, so retrying later is safe (HTTP 429 is counted with them). */
    private static final Set<Integer> RETRY_LATER = Set.of(429, 20429, 63018, 63017);

    private static final Map<Integer, String> EXPLANATIONS = Map.ofEntries(
            Map.entry(63016, "le client n'a pas écrit depuis plus de 24 h : WhatsApp n'accepte qu'un modèle approuvé."
                    + " Attendez que le client réponde, ou configurez TWILIO_TEMPLATE_CONTENT_SID."),
            Map.entry(63003, "le numéro du client n'est pas (ou plus) joignable sur WhatsApp."
                    + " Vérifiez le numéro ou contactez le client par un autre canal."),
            Map.entry(63018, "limite de débit WhatsApp atteinte ; le message sera réessayé."),
            Map.entry(20429, "trop de requêtes simultanées vers Twilio ; le message sera réessayé."),
            Map.entry(21610, "le client s'est désabonné (STOP) : il ne peut plus recevoir de messages."),
            Map.entry(63019, "la pièce jointe n'a pas pu être téléchargée par WhatsApp (format ou taille)."
                    + " Essayez un autre format (JPG/PNG/PDF, moins de 5 Mo)."),
            Map.entry(63014, "le client a bloqué notre numéro WhatsApp."),
            Map.entry(63007, "l'expéditeur WhatsApp configuré (TWILIO_WHATSAPP_FROM) est introuvable chez Twilio."),
            Map.entry(21211, "le numéro du client n'est pas valide."));

    private TwilioErrors() {
    }

    public static boolean isRetryLater(int code) {
        return RETRY_LATER.contains(code);
    }

    /** A plain-language reason for an agent, always naming the code. */
    public static String explain(Integer code, String twilioMessage) {
        if (code == null) {
            return twilioMessage == null ? "échec d'envoi WhatsApp" : "échec d'envoi WhatsApp : " + twilioMessage;
        }
        String known = EXPLANATIONS.get(code);
        String text = known != null ? known
                : (twilioMessage == null || twilioMessage.isBlank() ? "erreur Twilio" : twilioMessage);
        return "Erreur Twilio " + code + " : " + text;
    }
}
