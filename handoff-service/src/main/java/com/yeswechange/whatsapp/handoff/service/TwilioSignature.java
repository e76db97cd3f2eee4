package com.yeswechange.whatsapp.handoff.service;

import com.twilio.security.RequestValidator;
import java.net.URISyntaxException;
import java.util.Map;

/**
 * Checks X-Twilio-Signature with the Twilio SDK's {@link RequestValidator}: form requests sign the URL plus the sorted
 * parameters; JSON requests (Studio's "Make HTTP Request") sign only the URL, which carries the body's SHA-256 as
 * {@code bodySHA256}.
 */
public final class TwilioSignature {

    private final RequestValidator validator;

    public TwilioSignature(String authToken) {
        this.validator = new RequestValidator(authToken);
    }

    /** A form-encoded request: {@code url} is the public URL Twilio called, query included. */
    public boolean validForm(String url, Map<String, String> params, String signature) {
        return signature != null && validator.validate(url, params, signature);
    }

    /** A JSON request: the URL must carry bodySHA256, and it must match the raw body. */
    public boolean validJson(String url, String rawBody, String signature) {
        if (signature == null || !url.contains("bodySHA256=")) {
            return false;
        }
        try {
            return validator.validate(url, rawBody, signature);
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
