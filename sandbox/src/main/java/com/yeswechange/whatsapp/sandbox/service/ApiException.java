package com.yeswechange.whatsapp.sandbox.service;

import java.util.Map;

/** An error answer with the JSON body the imitated system gives; rendered by the REST layer's mapper. */
public class ApiException extends RuntimeException {

    private final int status;
    private final transient Object body;

    public ApiException(int status, Object body) {
        super(status + " " + body);
        this.status = status;
        this.body = body;
    }

    public int status() {
        return status;
    }

    public Object body() {
        return body;
    }

    /** Chatwoot's RecordNotFound answer. */
    public static ApiException notFound() {
        return new ApiException(404, Map.of("error", "Resource could not be found"));
    }

    /** Chatwoot's 422 shape for invalid input. */
    public static ApiException unprocessable(String message) {
        return new ApiException(422, Map.of("message", message, "error", message));
    }

    public static ApiException unauthorized() {
        return new ApiException(401, Map.of("error", "You need to sign in or sign up before continuing."));
    }

    public static ApiException forbidden() {
        return new ApiException(403, Map.of("error", "You are not authorized to do this action"));
    }
}
