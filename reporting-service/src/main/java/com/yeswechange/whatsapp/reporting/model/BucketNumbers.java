package com.yeswechange.whatsapp.reporting.model;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The stream numbers of one day ({@code 2026-12-05}) or one hour ({@code 2026-12-05T14}). */
@Schema(description = "Stream numbers of one day or one hour of the reporting time zone")
public record BucketNumbers(String bucket, StreamNumbers numbers) {
}
