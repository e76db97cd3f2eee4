package com.yeswechange.whatsapp.sandbox.service;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The two webhook signing schemes the sandbox imitates. The receivers verify them with their own code (Twilio SDK's
 * RequestValidator, an HMAC-SHA256 check), so these are the signing halves only.
 */
public final class Signatures {

    private Signatures() {
    }

    /** X-Chatwoot-Signature: {@code sha256=hex(HMAC-SHA256(secret, "<timestamp>.<raw body>"))}. */
    public static String chatwoot(String secret, long timestamp, String rawBody) {
        return "sha256=" + HexFormat.of().formatHex(hmac("HmacSHA256", secret, timestamp + "." + rawBody));
    }

    /**
     * X-Twilio-Signature of a form request: Base64(HMAC-SHA1(auth token, url + each name and value, sorted by name)),
     * the algorithm of twilio-java's RequestValidator.
     */
    public static String twilio(String authToken, String url, Map<String, String> params) {
        StringBuilder data = new StringBuilder(url);
        new TreeMap<>(params).forEach((name, value) -> data.append(name).append(value));
        return Base64.getEncoder().encodeToString(hmac("HmacSHA1", authToken, data.toString()));
    }

    /** Lower-case hex SHA-256 of a JSON body: the {@code bodySHA256} query parameter Twilio adds. */
    public static String sha256Hex(String body) {
        try {
            return HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(body.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] hmac(String algorithm, String key, String data) {
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), algorithm));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
