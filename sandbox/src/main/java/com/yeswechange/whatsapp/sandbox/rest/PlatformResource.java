package com.yeswechange.whatsapp.sandbox.rest;

import java.util.Map;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import com.yeswechange.whatsapp.sandbox.model.User;
import com.yeswechange.whatsapp.sandbox.service.ApiException;
import com.yeswechange.whatsapp.sandbox.service.ChatwootViews;
import com.yeswechange.whatsapp.sandbox.service.Json;
import com.yeswechange.whatsapp.sandbox.service.SandboxStore;

/** The platform API (platform app token): users with their access tokens. All sandbox users are permissible. */
@Path("/platform/api/v1/users")
@Produces(MediaType.APPLICATION_JSON)
public class PlatformResource {

    @Inject
    SandboxStore store;

    @Inject
    ChatwootViews views;

    @GET
    @Path("/{id}")
    public Map<String, Object> user(@PathParam("id") long id) {
        synchronized (store) {
            return views.platformUser(find(id));
        }
    }

    @POST
    @Path("/{id}/token")
    public Map<String, Object> token(@PathParam("id") long id) {
        synchronized (store) {
            User user = find(id);
            return Json.obj("access_token", user.accessToken, "expiry", null, "user", views.platformUser(user));
        }
    }

    private User find(long id) {
        User user = store.users.get(id);
        if (user == null) {
            throw ApiException.notFound();
        }
        return user;
    }
}
