package com.yeswechange.whatsapp.gateway.ui;

import com.yeswechange.whatsapp.gateway.view.MessageView;
import io.quarkus.qute.TemplateExtension;
import java.net.URI;
import java.util.Locale;

/** Small presentation helpers the templates call on the gateway's views ({@code {m.kind}}, {@code {url.safeUrl}}). */
@TemplateExtension
public final class UiTemplateExtensions {

    private UiTemplateExtensions() {
    }

    /**
     * How the thread styles a message: {@code note} (private, never sent), {@code activity} (system line),
     * {@code incoming} (the customer) or {@code outgoing} (an agent's reply, templates included).
     */
    public static String kind(MessageView m) {
        if (m.privateNote()) {
            return "note";
        }
        if (m.activity()) {
            return "activity";
        }
        return m.incoming() ? "incoming" : "outgoing";
    }

    /** The message key of a conversation status: {@code status_open}, ... */
    public static String statusKey(String status) {
        return "status_" + (status == null ? "open" : status.toLowerCase(Locale.ROOT));
    }

    /** The message key of an agent's availability: online, busy, offline (anything else reads as offline). */
    public static String availabilityKey(String availability) {
        String value = availability == null ? "offline" : availability.toLowerCase(Locale.ROOT);
        return switch (value) {
            case "online", "busy" -> "availability_" + value;
            default -> "availability_offline";
        };
    }

    /**
     * A link target only if it is http(s): attachment URLs come from outside, and Qute's escaping does not stop a
     * {@code javascript:} URL from running when clicked.
     */
    public static String safeUrl(String url) {
        if (url == null) {
            return "";
        }
        try {
            String scheme = URI.create(url.strip()).getScheme();
            return scheme != null && (scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
                    ? url.strip() : "";
        } catch (IllegalArgumentException malformed) {
            return "";
        }
    }

    /** The last path segment of a URL, without query: the name to show for a file. */
    public static String fileName(String url) {
        if (url == null || url.isBlank()) {
            return "";
        }
        String path = url.replaceFirst("[?#].*$", "");
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
