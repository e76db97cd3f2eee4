package com.yeswechange.whatsapp.handoff.service;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Decodes an application/x-www-form-urlencoded body as Twilio sends it (UTF-8, '+' for spaces). */
public final class FormBody {

    private FormBody() {
    }

    /**
     * The parameters in their order. A repeated name is refused: Twilio's signature covers every occurrence, which a
     * map cannot hold.
     *
     * @throws MalformedWebhookException for a bad %-escape or a repeated name
     */
    public static Map<String, String> parse(byte[] body) {
        Map<String, String> params = new LinkedHashMap<>();
        String text = new String(body, StandardCharsets.UTF_8);
        if (text.isEmpty()) {
            return params;
        }
        for (String pair : text.split("&", -1)) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            if (params.putIfAbsent(name, value) != null) {
                throw new MalformedWebhookException("parameter '" + name + "' is repeated");
            }
        }
        return params;
    }

    private static String decode(String part) {
        try {
            return URLDecoder.decode(part, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new MalformedWebhookException("not a valid form body: " + e.getMessage());
        }
    }
}
