package com.yeswechange.whatsapp.sandbox.model;

import java.time.Instant;

public record CannedResponse(long id, String shortCode, String content, Instant createdAt) {
}
