package com.yeswechange.whatsapp.sandbox.rest;

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

import com.yeswechange.whatsapp.sandbox.service.ChatwootService;
import com.yeswechange.whatsapp.sandbox.service.ChatwootService.NewContact;

/** Chatwoot's contacts endpoints. */
@Path("/api/v1/accounts/{accountId}/contacts")
@Produces(MediaType.APPLICATION_JSON)
public class ContactsResource {

    @Inject
    ChatwootService chatwoot;

    @Inject
    AccountGuard account;

    @GET
    @Path("/search")
    public Map<String, Object> search(@PathParam("accountId") long accountId, @RestQuery String q,
            @RestQuery Integer page) {
        account.check(accountId);
        return chatwoot.searchContacts(q, page);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, Object> create(@PathParam("accountId") long accountId, Map<String, Object> body) {
        account.check(accountId);
        Map<String, Object> b = Body.orEmpty(body);
        return chatwoot.createContact(new NewContact(Body.string(b, "name"), Body.string(b, "email"),
                Body.string(b, "phone_number"), Body.string(b, "identifier"), Body.number(b, "inbox_id"),
                Body.string(b, "source_id"), Body.map(b, "additional_attributes"), Body.map(b, "custom_attributes")));
    }

    @GET
    @Path("/{id}")
    public Map<String, Object> get(@PathParam("accountId") long accountId, @PathParam("id") long id) {
        account.check(accountId);
        return chatwoot.getContact(id);
    }

    @GET
    @Path("/{id}/conversations")
    public Map<String, Object> conversations(@PathParam("accountId") long accountId, @PathParam("id") long id) {
        account.check(accountId);
        return chatwoot.contactConversations(id);
    }

    @POST
    @Path("/{id}/contact_inboxes")
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, Object> createContactInbox(@PathParam("accountId") long accountId, @PathParam("id") long id,
            Map<String, Object> body) {
        account.check(accountId);
        Map<String, Object> b = Body.orEmpty(body);
        return chatwoot.createContactInbox(id, Body.number(b, "inbox_id"), Body.string(b, "source_id"));
    }
}
