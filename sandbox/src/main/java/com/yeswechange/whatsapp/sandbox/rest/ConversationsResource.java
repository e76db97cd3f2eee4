package com.yeswechange.whatsapp.sandbox.rest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import com.fasterxml.jackson.databind.node.NullNode;
import com.yeswechange.whatsapp.sandbox.service.ChatwootService;
import com.yeswechange.whatsapp.sandbox.service.ChatwootService.ConversationQuery;
import com.yeswechange.whatsapp.sandbox.service.ChatwootService.FilterCondition;
import com.yeswechange.whatsapp.sandbox.service.ChatwootService.NewConversation;
import com.yeswechange.whatsapp.sandbox.service.ChatwootService.NewMessage;
import com.yeswechange.whatsapp.sandbox.service.ChatwootService.Upload;
import com.yeswechange.whatsapp.sandbox.service.MetaRateLimiter;

/** Chatwoot's conversations and messages endpoints (/api/v1/accounts/{account_id}/conversations…). */
@Path("/api/v1/accounts/{accountId}/conversations")
@Produces(MediaType.APPLICATION_JSON)
public class ConversationsResource {

    @Inject
    ChatwootService chatwoot;

    @Inject
    CurrentUser current;

    @Inject
    AccountGuard account;

    @Inject
    MetaRateLimiter metaRateLimiter;

    @GET
    public Map<String, Object> list(@PathParam("accountId") long accountId, @RestQuery String status,
            @RestQuery("assignee_type") String assigneeType, @RestQuery("inbox_id") Long inboxId,
            @RestQuery("team_id") Long teamId, @RestQuery("labels[]") List<String> labels, @RestQuery String q,
            @RestQuery("source_id") String sourceId, @RestQuery("conversation_type") String conversationType,
            @RestQuery("sort_by") String sortBy, @RestQuery Integer page) {
        account.check(accountId);
        return chatwoot.listConversations(current.user(), new ConversationQuery(status, assigneeType, inboxId,
                teamId, labels, q, sourceId, conversationType, sortBy, page));
    }

    @GET
    @Path("/meta")
    public Response meta(@PathParam("accountId") long accountId, @RestQuery String status,
            @RestQuery("assignee_type") String assigneeType, @RestQuery("inbox_id") Long inboxId,
            @RestQuery("team_id") Long teamId, @RestQuery("labels[]") List<String> labels, @RestQuery String q) {
        account.check(accountId);
        long retryAfter = metaRateLimiter.acquire(current.token());
        if (retryAfter > 0) {
            // rack-attack's throttled response
            return Response.status(429).header("Retry-After", retryAfter).type(MediaType.TEXT_PLAIN)
                    .entity("Retry later\n").build();
        }
        return Response.ok(chatwoot.conversationCounts(current.user(),
                new ConversationQuery(status, assigneeType, inboxId, teamId, labels, q, null, null, null, null)))
                .build();
    }

    @POST
    @Path("/filter")
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, Object> filter(@PathParam("accountId") long accountId, @RestQuery Integer page,
            Map<String, Object> body) {
        account.check(accountId);
        List<Object> raw = Body.list(Body.orEmpty(body), "payload");
        List<FilterCondition> conditions = new ArrayList<>();
        if (raw != null) {
            for (Object item : raw) {
                if (!(item instanceof Map<?, ?>)) {
                    throw new IllegalArgumentException("payload items must be objects");
                }
                @SuppressWarnings("unchecked")
                Map<String, Object> c = (Map<String, Object>) item;
                List<Object> values = c.get("values") instanceof List<?> l ? new ArrayList<>(l)
                        : c.get("values") == null ? List.of() : List.of(c.get("values"));
                conditions.add(new FilterCondition(Body.string(c, "attribute_key"), Body.string(c, "filter_operator"),
                        values, Body.string(c, "query_operator")));
            }
        }
        return chatwoot.filterConversations(current.user(), conditions, page);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, Object> create(@PathParam("accountId") long accountId, Map<String, Object> body) {
        account.check(accountId);
        Map<String, Object> b = Body.orEmpty(body);
        return chatwoot.createConversation(current.user(), new NewConversation(Body.string(b, "source_id"),
                Body.number(b, "inbox_id"), Body.number(b, "contact_id"), Body.string(b, "status"),
                Body.number(b, "assignee_id"), Body.number(b, "team_id"), Body.number(b, "snoozed_until"),
                Body.map(b, "additional_attributes"), Body.map(b, "custom_attributes"), Body.map(b, "message")));
    }

    @GET
    @Path("/{id}")
    public Map<String, Object> get(@PathParam("accountId") long accountId, @PathParam("id") long id) {
        account.check(accountId);
        return chatwoot.getConversation(id);
    }

    @POST
    @Path("/{id}/toggle_status")
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, Object> toggleStatus(@PathParam("accountId") long accountId, @PathParam("id") long id,
            Map<String, Object> body) {
        account.check(accountId);
        Map<String, Object> b = Body.orEmpty(body);
        return chatwoot.toggleStatus(current.user(), id, Body.string(b, "status"), Body.number(b, "snoozed_until"));
    }

    @POST
    @Path("/{id}/toggle_priority")
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, Object> togglePriority(@PathParam("accountId") long accountId, @PathParam("id") long id,
            Map<String, Object> body) {
        account.check(accountId);
        String priority = Body.string(Body.orEmpty(body), "priority");
        return chatwoot.togglePriority(id, "none".equals(priority) ? null : priority);
    }

    @POST
    @Path("/{id}/assignments")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response assign(@PathParam("accountId") long accountId, @PathParam("id") long id,
            Map<String, Object> body) {
        account.check(accountId);
        Map<String, Object> result = chatwoot.assign(current.user(), id, Body.orEmpty(body));
        return Response.ok(result == null ? NullNode.getInstance() : result).build();
    }

    @GET
    @Path("/{id}/labels")
    public Map<String, Object> labels(@PathParam("accountId") long accountId, @PathParam("id") long id) {
        account.check(accountId);
        return chatwoot.labels(id);
    }

    @POST
    @Path("/{id}/labels")
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, Object> setLabels(@PathParam("accountId") long accountId, @PathParam("id") long id,
            Map<String, Object> body) {
        account.check(accountId);
        List<Object> labels = Body.list(Body.orEmpty(body), "labels");
        return chatwoot.setLabels(current.user(), id, labels == null ? List.of()
                : labels.stream().map(String::valueOf).toList());
    }

    // ---- messages

    @GET
    @Path("/{id}/messages")
    public Map<String, Object> messages(@PathParam("accountId") long accountId, @PathParam("id") long id,
            @RestQuery Long before, @RestQuery Long after) {
        account.check(accountId);
        return chatwoot.listMessages(id, before, after);
    }

    @POST
    @Path("/{id}/messages")
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, Object> createMessage(@PathParam("accountId") long accountId, @PathParam("id") long id,
            Map<String, Object> body) {
        account.check(accountId);
        Map<String, Object> b = Body.orEmpty(body);
        return chatwoot.createMessage(current.user(), id, new NewMessage(Body.string(b, "content"),
                Body.string(b, "message_type"), Body.bool(b, "private"), Body.string(b, "content_type"),
                Body.map(b, "content_attributes"), Body.string(b, "source_id"), Body.string(b, "echo_id")), List.of());
    }

    @POST
    @Path("/{id}/messages")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Map<String, Object> createMessageWithFiles(@PathParam("accountId") long accountId,
            @PathParam("id") long id, @RestForm String content, @RestForm("message_type") String messageType,
            @RestForm("private") String isPrivate, @RestForm("content_type") String contentType,
            @RestForm("content_attributes") String contentAttributes, @RestForm("source_id") String sourceId,
            @RestForm("echo_id") String echoId, @RestForm("attachments[]") List<FileUpload> attachments) {
        account.check(accountId);
        List<Upload> uploads = new ArrayList<>();
        for (FileUpload file : attachments == null ? List.<FileUpload> of() : attachments) {
            try {
                uploads.add(new Upload(file.fileName(), file.contentType(), Files.readAllBytes(file.uploadedFile())));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return chatwoot.createMessage(current.user(), id, new NewMessage(content, messageType,
                Boolean.parseBoolean(isPrivate), contentType, Body.parseObject(contentAttributes,
                        "content_attributes"), sourceId, echoId), uploads);
    }

    @PATCH
    @Path("/{id}/messages/{messageId}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, Object> updateMessage(@PathParam("accountId") long accountId, @PathParam("id") long id,
            @PathParam("messageId") long messageId, Map<String, Object> body) {
        account.check(accountId);
        Map<String, Object> b = Body.orEmpty(body);
        return chatwoot.updateMessageStatus(id, messageId, Body.string(b, "status"), Body.string(b, "external_error"));
    }
}
