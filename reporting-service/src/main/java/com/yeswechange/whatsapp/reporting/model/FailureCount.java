package com.yeswechange.whatsapp.reporting.model;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Failed deliveries of one reason. */
@Schema(description = "Failed deliveries for one reason: the Twilio error code (or 'unknown') and what it means")
public record FailureCount(String reason, String description, long count) {
}
