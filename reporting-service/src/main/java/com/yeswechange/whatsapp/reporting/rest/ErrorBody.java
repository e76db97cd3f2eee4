package com.yeswechange.whatsapp.reporting.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Every error answer: a stable code and a sentence. */
@Schema(description = "Error answer")
public record ErrorBody(String error, String message) {
}
