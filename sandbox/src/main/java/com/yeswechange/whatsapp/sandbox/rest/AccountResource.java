package com.yeswechange.whatsapp.sandbox.rest;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.RestQuery;

import com.yeswechange.whatsapp.sandbox.model.CannedResponse;
import com.yeswechange.whatsapp.sandbox.service.ApiException;
import com.yeswechange.whatsapp.sandbox.service.ChatwootViews;
import com.yeswechange.whatsapp.sandbox.service.Json;
import com.yeswechange.whatsapp.sandbox.service.SandboxStore;

/** The account directory: agents, teams, inboxes, labels, canned responses, and the caller's profile. */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
public class AccountResource {

    @Inject
    SandboxStore store;

    @Inject
    ChatwootViews views;

    @Inject
    CurrentUser current;

    @Inject
    AccountGuard account;

    @GET
    @Path("/profile")
    public Map<String, Object> profile() {
        synchronized (store) {
            return views.platformUser(current.user());
        }
    }

    @GET
    @Path("/accounts/{accountId}/agents")
    public List<Map<String, Object>> agents(@PathParam("accountId") long accountId) {
        account.check(accountId);
        synchronized (store) {
            return store.users.values().stream().map(views::agent).toList();
        }
    }

    @GET
    @Path("/accounts/{accountId}/teams")
    public List<Map<String, Object>> teams(@PathParam("accountId") long accountId) {
        account.check(accountId);
        synchronized (store) {
            return store.teams.values().stream().map(t -> views.team(t, current.user())).toList();
        }
    }

    @GET
    @Path("/accounts/{accountId}/inboxes")
    public Map<String, Object> inboxes(@PathParam("accountId") long accountId) {
        account.check(accountId);
        synchronized (store) {
            return Json.obj("payload", store.inboxes.values().stream().map(views::inbox).toList());
        }
    }

    @GET
    @Path("/accounts/{accountId}/inboxes/{id}")
    public Map<String, Object> inbox(@PathParam("accountId") long accountId, @PathParam("id") long id) {
        account.check(accountId);
        synchronized (store) {
            var inbox = store.inboxes.get(id);
            if (inbox == null) {
                throw ApiException.notFound();
            }
            return views.inbox(inbox);
        }
    }

    @GET
    @Path("/accounts/{accountId}/labels")
    public Map<String, Object> labels(@PathParam("accountId") long accountId) {
        account.check(accountId);
        synchronized (store) {
            return Json.obj("payload", store.labels.values().stream().map(views::label).toList());
        }
    }

    @GET
    @Path("/accounts/{accountId}/canned_responses")
    public List<Map<String, Object>> cannedResponses(@PathParam("accountId") long accountId,
            @RestQuery String search) {
        account.check(accountId);
        String needle = search == null ? "" : search.toLowerCase(Locale.ROOT);
        synchronized (store) {
            return store.cannedResponses.values().stream()
                    .filter(r -> r.shortCode().toLowerCase(Locale.ROOT).contains(needle)
                            || r.content().toLowerCase(Locale.ROOT).contains(needle))
                    .map(views::cannedResponse).toList();
        }
    }

    @POST
    @Path("/accounts/{accountId}/canned_responses")
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, Object> createCannedResponse(@PathParam("accountId") long accountId,
            Map<String, Object> body) {
        account.check(accountId);
        Map<String, Object> fields = Body.map(Body.orEmpty(body), "canned_response");
        String shortCode = fields == null ? null : Body.string(fields, "short_code");
        String content = fields == null ? null : Body.string(fields, "content");
        if (shortCode == null || shortCode.isBlank() || content == null || content.isBlank()) {
            throw ApiException.unprocessable("Short code and content can't be blank");
        }
        synchronized (store) {
            if (store.cannedResponses.values().stream().anyMatch(r -> r.shortCode().equals(shortCode))) {
                throw ApiException.unprocessable("Short code has already been taken");
            }
            long id = store.nextCannedResponseId();
            CannedResponse created = new CannedResponse(id, shortCode, content, Instant.now());
            store.cannedResponses.put(id, created);
            return views.cannedResponse(created);
        }
    }
}
