package com.yeswechange.whatsapp.gateway.ui;

/** Displays WhatsApp numbers the way Ivorian agents read them: {@code +225 07 07 12 34 56}. */
public final class PhoneFormat {

    private static final String IVORY_COAST = "+225";

    private PhoneFormat() {
    }

    /**
     * Formats an E.164 number (optionally prefixed {@code whatsapp:}). Ivorian numbers (+225, ten national digits
     * since 2021) are grouped in pairs; other numbers stay as given, since their grouping rules differ per country.
     */
    public static String format(String raw) {
        if (raw == null || raw.isBlank()) {
            return "";
        }
        String number = raw.strip();
        if (number.startsWith("whatsapp:")) {
            number = number.substring("whatsapp:".length());
        }
        String compact = number.replaceAll("[\\s.\\-()]", "");
        if (!compact.startsWith(IVORY_COAST)) {
            return number;
        }
        String national = compact.substring(IVORY_COAST.length());
        if (!national.matches("\\d{8}|\\d{10}")) {
            return number;
        }
        StringBuilder out = new StringBuilder(IVORY_COAST);
        for (int i = 0; i < national.length(); i += 2) {
            out.append(' ').append(national, i, i + 2);
        }
        return out.toString();
    }
}
