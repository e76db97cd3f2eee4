package com.yeswechange.whatsapp.handoff;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Signs test requests as Twilio and Chatwoot do, independently of the code under test. */
public final class Signers {

    public static final String PUBLIC_BASE = "https://bridge.example.com";
    public static final String TWILIO_TOKEN = "test_auth_token_0123456789abcdef";
    public static final String CHATWOOT_SECRET = "Vq3fJ8kLmN2pR7sT9wXyZ4aB";

    private Signers() {
    }

    /** Base64(HMAC-SHA1(token, url + sorted name+value)). */
    public static String twilio(String url, Map<String, String> params) {
        StringBuilder data = new StringBuilder(url);
        new TreeMap<>(params).forEach((name, value) -> data.append(name).append(value));
        return Base64.getEncoder().encodeToString(hmac("HmacSHA1", TWILIO_TOKEN, data.toString().getBytes(
                StandardCharsets.UTF_8)));
    }

    /** sha256=hex(HMAC-SHA256(secret, timestamp + "." + body)). */
    public static String chatwoot(String timestamp, byte[] body) {
        byte[] prefix = (timestamp + ".").getBytes(StandardCharsets.UTF_8);
        byte[] data = new byte[prefix.length + body.length];
        System.arraycopy(prefix, 0, data, 0, prefix.length);
        System.arraycopy(body, 0, data, prefix.length, body.length);
        return "sha256=" + HexFormat.of().formatHex(hmac("HmacSHA256", CHATWOOT_SECRET, data));
    }

    public static String form(Map<String, String> params) {
        return params.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static byte[] hmac(String algorithm, String key, byte[] data) {
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), algorithm));
            return mac.doFinal(data);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
