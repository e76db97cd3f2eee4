package com.yeswechange.whatsapp.handoff.service;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Chatwoot's webhook signature: {@code X-Chatwoot-Signature: sha256=<hex HMAC-SHA256(secret, "<timestamp>.<raw body>")>}
 * with {@code X-Chatwoot-Timestamp} in unix seconds. A timestamp outside the allowed skew is a replay.
 */
public final class ChatwootSignature {

    public enum Verdict {
        VALID, MISSING, STALE, FORGED
    }

    private static final String PREFIX = "sha256=";

    private final byte[] secret;
    private final Duration maxSkew;

    public ChatwootSignature(String secret, Duration maxSkew) {
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
        this.maxSkew = maxSkew;
    }

    public Verdict verify(String timestamp, String signature, byte[] rawBody, Instant now) {
        if (timestamp == null || timestamp.isBlank() || signature == null || signature.isBlank()) {
            return Verdict.MISSING;
        }
        long seconds;
        try {
            seconds = Long.parseLong(timestamp.trim());
        } catch (NumberFormatException e) {
            return Verdict.FORGED;
        }
        if (Duration.between(Instant.ofEpochSecond(seconds), now).abs().compareTo(maxSkew) > 0) {
            return Verdict.STALE;
        }
        String value = signature.trim();
        if (!value.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            return Verdict.FORGED;
        }
        byte[] given;
        try {
            given = HexFormat.of().parseHex(value.substring(PREFIX.length()));
        } catch (IllegalArgumentException e) {
            return Verdict.FORGED;
        }
        return MessageDigest.isEqual(given, sign(timestamp.trim(), rawBody)) ? Verdict.VALID : Verdict.FORGED;
    }

    /** HMAC-SHA256(secret, timestamp + "." + body). */
    public byte[] sign(String timestamp, byte[] rawBody) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return mac.doFinal(rawBody);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        }
    }
}
