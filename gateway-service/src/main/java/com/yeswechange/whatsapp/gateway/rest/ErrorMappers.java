package com.yeswechange.whatsapp.gateway.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.yeswechange.whatsapp.chatwoot.ChatwootException;
import com.yeswechange.whatsapp.chatwoot.ChatwootForbiddenException;
import com.yeswechange.whatsapp.chatwoot.ChatwootNotFoundException;
import com.yeswechange.whatsapp.chatwoot.ChatwootRateLimitedException;
import com.yeswechange.whatsapp.chatwoot.ChatwootRejectedException;
import com.yeswechange.whatsapp.chatwoot.ChatwootUnauthorizedException;
import com.yeswechange.whatsapp.chatwoot.ChatwootUnavailableException;
import com.yeswechange.whatsapp.gateway.service.InvalidInputException;
import com.yeswechange.whatsapp.gateway.service.NotAllowedException;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Turns every failure into a JSON {@link ErrorBody} with the right status; Chatwoot's troubles never leak details. */
public class ErrorMappers {

    private static final Logger LOG = Logger.getLogger(ErrorMappers.class);

    @Inject
    ObjectMapper json;

    @ServerExceptionMapper
    public Response notAllowed(NotAllowedException e) {
        return respond(403, ErrorBody.of("forbidden", e.getMessage()));
    }

    @ServerExceptionMapper
    public Response invalid(InvalidInputException e) {
        return respond(422, new ErrorBody("invalid", e.getMessage(), e.field()));
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e) {
        var violation = e.getConstraintViolations().stream().findFirst();
        String field = violation.map(v -> {
            String path = v.getPropertyPath().toString();
            return path.substring(path.lastIndexOf('.') + 1);
        }).orElse(null);
        return respond(422, new ErrorBody("invalid", violation.map(v -> v.getMessage()).orElse("invalid request"),
                field));
    }

    @ServerExceptionMapper
    public Response chatwoot(ChatwootException e) {
        return switch (e) {
            case ChatwootNotFoundException notFound -> respond(404, ErrorBody.of("not_found", "not found in Chatwoot"));
            case ChatwootRejectedException rejected -> respond(422, rejected(rejected));
            case ChatwootRateLimitedException limited -> Response.status(429)
                    .header("Retry-After", Math.max(1, limited.retryAfter().toSeconds()))
                    .entity(ErrorBody.of("chatwoot_rate_limited", "Chatwoot is busy; try again shortly"))
                    .type(MediaType.APPLICATION_JSON).build();
            case ChatwootForbiddenException forbidden ->
                respond(403, ErrorBody.of("forbidden", "Chatwoot does not let this agent do that"));
            case ChatwootUnauthorizedException unauthorized -> {
                LOG.error("Chatwoot refused the gateway's token (HTTP 401): check CHATWOOT_API_TOKEN");
                yield respond(502, ErrorBody.of("chatwoot_error", "Chatwoot refused the gateway's credentials"));
            }
            case ChatwootUnavailableException down -> {
                LOG.warnf("Chatwoot unavailable: HTTP %d", down.status());
                yield respond(down.status() == 0 ? 503 : 502,
                        ErrorBody.of("chatwoot_unavailable", "Chatwoot is not answering; try again shortly"));
            }
            default -> {
                LOG.warnf("Chatwoot answered HTTP %d", e.status());
                yield respond(502, ErrorBody.of("chatwoot_error", "Chatwoot answered with an error"));
            }
        };
    }

    /** Chatwoot's own reason ({"message": ..., "attributes": [...]} or {"error": ...}), without anything else. */
    private ErrorBody rejected(ChatwootRejectedException e) {
        String message = "Chatwoot rejected the request";
        String field = null;
        try {
            JsonNode body = json.readTree(e.body());
            if (body != null && body.hasNonNull("message")) {
                message = body.get("message").asText();
            } else if (body != null && body.hasNonNull("error")) {
                message = body.get("error").asText();
            }
            if (body != null && body.has("attributes") && body.get("attributes").isArray()
                    && !body.get("attributes").isEmpty()) {
                field = body.get("attributes").get(0).asText();
            }
        } catch (Exception unreadable) {
            // keep the generic message
        }
        return new ErrorBody("invalid", message, field);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        String reason = e.getResponse().getStatusInfo().getReasonPhrase();
        String code = switch (status) {
            case 400 -> "bad_request";
            case 404 -> "not_found";
            case 405 -> "method_not_allowed";
            case 406, 415 -> "unsupported_media_type";
            case 413 -> "too_large";
            default -> "error";
        };
        return respond(status, ErrorBody.of(code, reason));
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e) {
        LOG.error("unexpected failure", e);
        return respond(500, ErrorBody.of("internal", "something went wrong on our side"));
    }

    static Response respond(int status, ErrorBody body) {
        return Response.status(status).entity(body).type(MediaType.APPLICATION_JSON).build();
    }
}
