package com.yeswechange.whatsapp.outbound.client;

import java.net.URI;
import java.util.List;

/**
 * One WhatsApp message to create at Twilio: free text and media, or an approved template (contentSid).
 *
 * @param to             the customer, {@code whatsapp:+E164}
 * @param body           text; null for a template-only or media-only message
 * @param mediaUrls      public media URLs (MediaUrl, at most 10)
 * @param contentSid     approved template (HX…), or null
 * @param contentVariables the template's variables as JSON, or null
 * @param statusCallback where Twilio reports delivery status, or null
 */
public record OutgoingMessage(String to, String body, List<URI> mediaUrls, String contentSid, String contentVariables,
        URI statusCallback) {

    public OutgoingMessage {
        mediaUrls = mediaUrls == null ? List.of() : List.copyOf(mediaUrls);
    }

    public boolean isTemplate() {
        return contentSid != null;
    }
}
