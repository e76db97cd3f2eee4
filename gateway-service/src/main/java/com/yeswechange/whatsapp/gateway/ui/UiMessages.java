package com.yeswechange.whatsapp.gateway.ui;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * Every label of the agent UI. French is the default (YesWeChange works in French); English lives in
 * {@code messages/msg_en.properties}. Templates use {@code {msg:key}}; the locale comes from the agent's cookie.
 */
@MessageBundle(value = "msg", locale = "fr")
public interface UiMessages {

    @Message("Agents WhatsApp")
    String app_title();

    @Message("Aller au contenu")
    String skip_to_content();

    @Message("Navigation principale")
    String nav_label();

    @Message("Conversations")
    String nav_conversations();

    @Message("Contacts")
    String nav_contacts();

    @Message("Agents")
    String nav_agents();

    @Message("Tableau de bord")
    String nav_dashboard();

    @Message("Se déconnecter")
    String logout();

    @Message("Langue")
    String language();

    @Message("Notifications de bureau et son pour les nouvelles prises en charge")
    String notifications_toggle();

    @Message("Notifications")
    String notifications();

    @Message("Nouvelle conversation à prendre en charge")
    String notification_handoff();

    @Message("Raccourcis clavier")
    String shortcuts();

    @Message("Fermer")
    String close();

    @Message("Conversation suivante")
    String shortcut_next();

    @Message("Conversation précédente")
    String shortcut_previous();

    @Message("Résoudre la conversation")
    String shortcut_resolve();

    @Message("Passer en note privée")
    String shortcut_note();

    @Message("Passer en réponse")
    String shortcut_reply();

    @Message("Afficher cette aide")
    String shortcut_help();

    @Message("Réponses prédéfinies : tapez / dans la zone de saisie")
    String shortcut_canned();

    @Message("Mises à jour en direct")
    String live_on();

    @Message("Direct interrompu : actualisation périodique")
    String live_polling();

    // --- statuses and filters ---
    @Message("Ouvertes")
    String status_open();

    @Message("En attente")
    String status_pending();

    @Message("En pause")
    String status_snoozed();

    @Message("Résolues")
    String status_resolved();

    @Message("Toutes")
    String status_all();

    @Message("Les miennes")
    String assignee_me();

    @Message("Non assignées")
    String assignee_unassigned();

    @Message("Toutes")
    String assignee_all();

    @Message("Boîte de réception")
    String inbox();

    @Message("Toutes les boîtes")
    String all_inboxes();

    @Message("Étiquette")
    String label();

    @Message("Toutes les étiquettes")
    String all_labels();

    @Message("Filtrer")
    String filter();

    @Message("Statut")
    String status();

    @Message("Assignation")
    String assignment();

    @Message("Aucune conversation ici.")
    String no_conversations();

    @Message("Page précédente")
    String previous_page();

    @Message("Page suivante")
    String next_page();

    @Message("Page {page}")
    String page(int page);

    @Message("{count} non lu(s)")
    String unread(int count);

    @Message("Pièce jointe")
    String attachment();

    @Message("Sélectionnez une conversation.")
    String pick_conversation();

    @Message("Non assignée")
    String unassigned();

    // --- thread ---
    @Message("Conversation #{id}")
    String conversation_title(long id);

    @Message("Messages")
    String messages();

    @Message("Messages plus anciens")
    String older_messages();

    @Message("Note privée")
    String private_note();

    @Message("Répondre")
    String reply();

    @Message("Envoyer")
    String send();

    @Message("Ajouter la note")
    String add_note();

    @Message("Votre réponse au client (tapez / pour les réponses prédéfinies)")
    String reply_placeholder();

    @Message("Note visible uniquement par l'équipe")
    String note_placeholder();

    @Message("Joindre un fichier")
    String attach_file();

    @Message("La fenêtre de 24 heures est fermée : le client n'a pas écrit depuis plus de 24 h. WhatsApp n'accepte plus qu'un modèle approuvé jusqu'à sa prochaine réponse.")
    String window_closed();

    @Message("Résoudre")
    String resolve();

    @Message("Rouvrir")
    String reopen();

    @Message("Mettre en attente")
    String set_pending();

    @Message("Mettre en pause jusqu'à")
    String snooze_until();

    @Message("Pause")
    String snooze();

    @Message("En pause jusqu'au {when}")
    String snoozed_until(String when);

    @Message("Priorité")
    String priority();

    @Message("Aucune")
    String priority_none();

    @Message("Basse")
    String priority_low();

    @Message("Moyenne")
    String priority_medium();

    @Message("Haute")
    String priority_high();

    @Message("Urgente")
    String priority_urgent();

    @Message("Assigner à")
    String assign_to();

    @Message("Personne")
    String nobody();

    @Message("Moi")
    String me();

    @Message("Appliquer")
    String apply();

    @Message("Envoyé")
    String tick_sent();

    @Message("Distribué")
    String tick_delivered();

    @Message("Lu")
    String tick_read();

    @Message("Échec de l'envoi")
    String tick_failed();

    @Message("En cours d'envoi")
    String tick_progress();

    @Message("Contact")
    String contact();

    @Message("Autres conversations")
    String other_conversations();

    @Message("Aucune autre conversation.")
    String no_other_conversations();

    @Message("Réponses prédéfinies")
    String canned_responses();

    @Message("Action impossible : {reason}")
    String action_failed(String reason);

    // --- contacts ---
    @Message("Rechercher un contact")
    String search_contacts();

    @Message("Nom, téléphone ou e-mail")
    String search_placeholder();

    @Message("Rechercher")
    String search();

    @Message("Nouveau contact")
    String new_contact();

    @Message("Nom")
    String name();

    @Message("Téléphone")
    String phone();

    @Message("E-mail")
    String email();

    @Message("Créer")
    String create();

    @Message("Aucun contact trouvé.")
    String no_contacts();

    @Message("Conversations du contact")
    String contact_conversations();

    @Message("Le numéro doit être au format international, par exemple +225 07 07 12 34 56.")
    String phone_invalid();

    @Message("Le nom est obligatoire.")
    String name_required();

    // --- agents ---
    @Message("Disponibilité")
    String availability();

    @Message("En ligne")
    String availability_online();

    @Message("Occupé")
    String availability_busy();

    @Message("Hors ligne")
    String availability_offline();

    @Message("Rôle")
    String role();

    @Message("Conversations ouvertes")
    String open_conversations();

    // --- dashboard ---
    @Message("Aujourd'hui")
    String today();

    @Message("Cette semaine")
    String week();

    @Message("Ce mois-ci")
    String month();

    @Message("Période")
    String period();

    @Message("Conversations")
    String metric_conversations();

    @Message("Délai de première réponse")
    String metric_first_response();

    @Message("Délai de résolution")
    String metric_resolution();

    @Message("Attente après prise en charge")
    String metric_queue();

    @Message("Résolutions")
    String metric_resolutions();

    @Message("Prises en charge")
    String metric_handoffs();

    @Message("Délai de réponse")
    String metric_reply();

    @Message("Messages reçus")
    String metric_incoming();

    @Message("Messages envoyés")
    String metric_outgoing();

    @Message("Échecs d'envoi")
    String metric_delivery_failures();

    @Message("Ouvertes")
    String metric_open();

    @Message("En attente")
    String metric_pending();

    @Message("Non assignées")
    String metric_unassigned();

    @Message("Échecs d'envoi par motif")
    String delivery_failures();

    @Message("Aucun échec d'envoi.")
    String no_delivery_failures();

    @Message("Motif")
    String reason();

    @Message("Nombre")
    String count();

    @Message("Par agent")
    String per_agent();

    @Message("Agent")
    String agent();

    @Message("Conversations par jour")
    String chart_conversations();

    @Message("Source des chiffres : {source}")
    String data_source(String source);
}
