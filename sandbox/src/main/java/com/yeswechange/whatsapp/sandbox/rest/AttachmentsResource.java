package com.yeswechange.whatsapp.sandbox.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import com.yeswechange.whatsapp.sandbox.model.Attachment;
import com.yeswechange.whatsapp.sandbox.service.ApiException;
import com.yeswechange.whatsapp.sandbox.service.SandboxStore;

/** Serves Chatwoot attachment files at their data_url (Chatwoot redirects to storage; the sandbox serves directly). */
@Path("/rails/active_storage/blobs/redirect/{id}/{fileName}")
public class AttachmentsResource {

    @Inject
    SandboxStore store;

    @GET
    public Response file(@PathParam("id") long id, @PathParam("fileName") String fileName) {
        Attachment a;
        synchronized (store) {
            a = store.attachments.get(id);
        }
        if (a == null || !a.fileName.equals(fileName)) {
            throw ApiException.notFound();
        }
        return Response.ok(a.data, a.contentType == null ? "application/octet-stream" : a.contentType).build();
    }
}
