package com.yeswechange.whatsapp.gateway.view;

import java.time.Instant;

/** A customer (Chatwoot contact); phoneNumber in E.164, e.g. +2250701020304. */
public record ContactView(
        long id,
        String name,
        String phoneNumber,
        String email,
        String identifier,
        String thumbnail,
        Instant lastActivityAt,
        Instant createdAt) {
}
