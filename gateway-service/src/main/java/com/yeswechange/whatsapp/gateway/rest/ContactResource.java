package com.yeswechange.whatsapp.gateway.rest;

import com.yeswechange.whatsapp.gateway.security.Roles;
import com.yeswechange.whatsapp.gateway.service.ContactService;
import com.yeswechange.whatsapp.gateway.service.InvalidInputException;
import com.yeswechange.whatsapp.gateway.view.ContactDetail;
import com.yeswechange.whatsapp.gateway.view.ContactPage;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/contacts")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN})
@Blocking
@Tag(name = "contacts")
public class ContactResource {

    @Inject
    ContactService contacts;

    @GET
    @Operation(summary = "Search contacts by name, phone, email or identifier (q, 1 to 100 characters; 15 per page)")
    public ContactPage search(@QueryParam("q") String q, @QueryParam("page") Integer page) {
        return contacts.search(q, page);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a WhatsApp customer (name, phoneNumber in E.164, optional email)")
    public Response create(Requests.NewContact contact) {
        if (contact == null) {
            throw new InvalidInputException("name", "a JSON body with name and phoneNumber is required");
        }
        return Response.status(201)
                .entity(contacts.create(contact.name(), contact.phoneNumber(), contact.email())).build();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "A contact and the conversations of theirs the agent may see")
    public ContactDetail get(@PathParam("id") long id) {
        return contacts.get(id);
    }
}
