package com.yeswechange.whatsapp.gateway.ui;

import java.util.Locale;

/** The UI's languages: French by default, English on request; remembered per browser in the {@code lang} cookie. */
public final class UiLanguage {

    public static final String COOKIE = "lang";
    public static final Locale FRENCH = Locale.FRANCE;
    public static final Locale ENGLISH = Locale.UK;

    private UiLanguage() {
    }

    /** The locale for a cookie value; anything but "en" is French. */
    public static Locale fromCookie(String value) {
        return "en".equals(value) ? ENGLISH : FRENCH;
    }

    /** Whether a submitted language is one we have. */
    public static boolean supported(String value) {
        return "fr".equals(value) || "en".equals(value);
    }
}
