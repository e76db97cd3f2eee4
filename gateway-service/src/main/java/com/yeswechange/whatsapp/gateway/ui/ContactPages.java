package com.yeswechange.whatsapp.gateway.ui;

import com.yeswechange.whatsapp.chatwoot.ChatwootException;
import com.yeswechange.whatsapp.gateway.service.ContactService;
import com.yeswechange.whatsapp.gateway.service.InvalidInputException;
import com.yeswechange.whatsapp.gateway.view.ContactView;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.jboss.resteasy.reactive.RestForm;

/** Contacts: search, create, and one contact with their conversations, through the gateway's ContactService. */
@Path("/ui/contacts")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class ContactPages {

    @Inject
    UiRequest ui;

    @Inject
    ContactService contacts;

    @Location("ui/contacts.html")
    Template search;

    @Location("ui/contact.html")
    Template detail;

    @GET
    public TemplateInstance search(@QueryParam("q") String q, @QueryParam("page") Integer page) {
        return ui.render(search, "contacts")
                .data("q", q)
                .data("results", q == null || q.isBlank() ? null : contacts.search(q.strip(), page))
                .data("error", null)
                .data("form", Map.of());
    }

    /** Creates a contact; a bad number or name shows the form again with the reason and what was typed. */
    @POST
    public Response create(@RestForm String name, @RestForm String phone, @RestForm String email) {
        String compactPhone = phone == null ? null : phone.replaceAll("[\\s.\\-()]", "");
        try {
            ContactView created = contacts.create(name, compactPhone, email == null || email.isBlank() ? null : email);
            return ui.redirect("/ui/contacts/" + created.id());
        } catch (InvalidInputException | ChatwootException refused) {
            String reason = refused instanceof InvalidInputException invalid
                    ? invalid.field() + ": " + invalid.getMessage() : refused.getMessage();
            TemplateInstance form = ui.render(search, "contacts")
                    .data("q", null).data("results", null).data("error", reason)
                    .data("form", Map.of("name", nullToEmpty(name), "phone", nullToEmpty(phone),
                            "email", nullToEmpty(email)));
            // htmx swaps only 2xx answers: it gets the form back as 200, a plain post the real status
            return Response.status(ui.htmx() ? 200 : 422).entity(form).build();
        }
    }

    @GET
    @Path("{id}")
    public TemplateInstance contact(@PathParam("id") long id) {
        return ui.render(detail, "contacts").data("detail", contacts.get(id));
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
