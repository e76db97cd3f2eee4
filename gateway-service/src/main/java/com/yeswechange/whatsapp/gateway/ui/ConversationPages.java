package com.yeswechange.whatsapp.gateway.ui;

import com.yeswechange.whatsapp.chatwoot.ChatwootClient;
import com.yeswechange.whatsapp.chatwoot.ChatwootException;
import com.yeswechange.whatsapp.chatwoot.ConversationPriority;
import com.yeswechange.whatsapp.chatwoot.dto.AttachmentUpload;
import com.yeswechange.whatsapp.gateway.service.ContactService;
import com.yeswechange.whatsapp.gateway.service.ConversationFilter;
import com.yeswechange.whatsapp.gateway.service.ConversationService;
import com.yeswechange.whatsapp.gateway.service.InvalidInputException;
import com.yeswechange.whatsapp.gateway.service.NotAllowedException;
import com.yeswechange.whatsapp.gateway.view.ConversationDetail;
import com.yeswechange.whatsapp.gateway.view.ConversationSummary;
import com.yeswechange.whatsapp.gateway.view.MessagePage;
import com.yeswechange.whatsapp.gateway.view.MessageView;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * The conversation list and the thread. Full pages for navigation; htmx fragments for actions and live refreshes.
 * Every read and change goes through the gateway's {@link ConversationService} (which acts as the agent in Chatwoot
 * and decides what the agent may see); this class only turns requests into calls and results into HTML.
 */
@Path("/ui")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class ConversationPages {

    @Inject
    UiRequest ui;

    @Inject
    ConversationService conversations;

    @Inject
    ContactService contacts;

    @Inject
    ChatwootClient chatwoot;

    @Location("ui/conversations.html")
    Template page;

    @Location("ui/conversation-list.html")
    Template list;

    @Location("ui/thread.html")
    Template thread;

    @Location("ui/message.html")
    Template message;

    @Location("ui/messages.html")
    Template messages;

    @Location("ui/counts.html")
    Template counts;

    @Location("ui/canned.html")
    Template canned;

    @GET
    public Response home() {
        return Response.seeOther(URI.create("/ui/conversations")).build();
    }

    @GET
    @Path("conversations")
    public TemplateInstance list(@QueryParam("status") String status, @QueryParam("assignee") String assignee,
            @QueryParam("inbox") Long inbox, @QueryParam("label") String label, @QueryParam("page") Integer pageNo) {
        ListFilter filter = ListFilter.of(status, assignee, inbox, label, pageNo);
        return withList(ui.render(page, "conversations"), filter, null).data("detail", null);
    }

    /** The list alone, for htmx refreshes (live updates, polling). */
    @GET
    @Path("conversations/list")
    public TemplateInstance listFragment(@QueryParam("status") String status, @QueryParam("assignee") String assignee,
            @QueryParam("inbox") Long inbox, @QueryParam("label") String label, @QueryParam("page") Integer pageNo,
            @QueryParam("active") Long active) {
        ListFilter filter = ListFilter.of(status, assignee, inbox, label, pageNo);
        return withList(ui.render(list, "conversations"), filter, active);
    }

    @GET
    @Path("conversations/{id}")
    public TemplateInstance open(@PathParam("id") long id, @QueryParam("status") String status,
            @QueryParam("assignee") String assignee, @QueryParam("inbox") Long inbox,
            @QueryParam("label") String label, @QueryParam("page") Integer pageNo) {
        ListFilter filter = ListFilter.of(status, assignee, inbox, label, pageNo);
        return withThread(withList(ui.render(page, "conversations"), filter, id), conversations.get(id), null);
    }

    /** Older messages ({@code before}) for the "older messages" button, or newer ones ({@code after}) for polling. */
    @GET
    @Path("conversations/{id}/messages")
    public TemplateInstance messages(@PathParam("id") long id, @QueryParam("before") Long before,
            @QueryParam("after") Long after) {
        if (before != null) {
            MessagePage older = conversations.messagesBefore(id, before);
            return ui.render(messages, "conversations").data("conversationId", id)
                    .data("items", older.messages()).data("hasOlder", older.hasOlder());
        }
        List<MessageView> newer = after == null ? List.of() : conversations.messagesAfter(id, after);
        return ui.render(messages, "conversations").data("conversationId", id).data("items", newer)
                .data("hasOlder", false);
    }

    /** A reply to the customer or a private note; answers with the new message for htmx to append. */
    @POST
    @Path("conversations/{id}/messages")
    public Response send(@PathParam("id") long id, @RestForm String content,
            @RestForm("private") @DefaultValue("false") boolean privateNote,
            @RestForm("attachments") List<FileUpload> files) {
        try {
            MessageView sent = conversations.reply(id, content, privateNote, uploads(files));
            if (!ui.htmx()) {
                return backToThread(id);
            }
            return Response.ok(ui.render(message, "conversations").data("m", sent)).build();
        } catch (InvalidInputException | NotAllowedException | ChatwootException failure) {
            return failed(id, failure);
        }
    }

    /** Resolve, reopen, pending, or snooze until a time typed in the UI's zone. */
    @POST
    @Path("conversations/{id}/status")
    public Response status(@PathParam("id") long id, @RestForm String status,
            @RestForm("snoozed_until") String snoozedUntil) {
        return act(id, () -> switch (status == null ? "" : status) {
            case "resolved" -> conversations.resolve(id);
            case "open" -> conversations.reopen(id);
            case "pending" -> conversations.pending(id);
            case "snoozed" -> conversations.snooze(id, snoozeTime(snoozedUntil));
            default -> throw new InvalidInputException("status", "one of resolved, open, pending, snoozed");
        });
    }

    @POST
    @Path("conversations/{id}/priority")
    public Response priority(@PathParam("id") long id, @RestForm String priority) {
        return act(id, () -> conversations.setPriority(id,
                priority == null || priority.isBlank() ? null : priorityOf(priority)));
    }

    /** Assign to an agent, or to nobody when the choice is empty. */
    @POST
    @Path("conversations/{id}/assignee")
    public Response assign(@PathParam("id") long id, @RestForm String agent) {
        return act(id, () -> conversations.assignAgent(id, agent == null || agent.isBlank() ? null : parseId(agent)));
    }

    /** The sidebar's live counts (open conversations: mine, unassigned, all). */
    @GET
    @Path("counts")
    public TemplateInstance counts() {
        return ui.render(counts, "conversations").data("counts", conversations.counts(ConversationFilter.mine()));
    }

    /** Canned responses matching what the agent typed after "/". */
    @GET
    @Path("canned")
    public TemplateInstance canned(@QueryParam("q") String q) {
        return ui.render(canned, "conversations").data("items", conversations.cannedResponses(q));
    }

    // ------------------------------------------------------------------------------------------------------------

    private TemplateInstance withList(TemplateInstance view, ListFilter filter, Long activeId) {
        return view.data("filter", filter)
                .data("page", conversations.list(filter.toServiceFilter()))
                .data("activeId", activeId == null ? -1L : activeId)
                .data("labels", conversations.labels())
                .data("inboxes", List.of(Map.of("id", chatwoot.whatsappInboxId(), "name", "WhatsApp")));
    }

    private TemplateInstance withThread(TemplateInstance view, ConversationDetail detail, String error) {
        List<ConversationSummary> others = detail.contact() == null ? List.of()
                : contacts.get(detail.contact().id()).conversations().stream()
                        .filter(c -> c.id() != detail.conversation().id()).toList();
        return view.data("detail", detail)
                .data("others", others)
                .data("agents", conversations.assignableAgents())
                .data("error", error);
    }

    private interface Action {
        ConversationSummary run();
    }

    /** Runs a change, then shows the thread again (htmx) or redirects to it (plain form post). */
    private Response act(long id, Action action) {
        try {
            action.run();
        } catch (InvalidInputException | NotAllowedException | ChatwootException failure) {
            return failed(id, failure);
        }
        if (!ui.htmx()) {
            return backToThread(id);
        }
        return Response.ok(withThread(ui.render(thread, "conversations"), conversations.get(id), null)).build();
    }

    /** The thread again with the reason on top, so the agent sees why nothing happened. */
    private Response failed(long id, RuntimeException failure) {
        String reason = failure instanceof InvalidInputException invalid
                ? invalid.field() + ": " + invalid.getMessage() : failure.getMessage();
        int status = failure instanceof NotAllowedException ? 403
                : failure instanceof ChatwootException cw && cw.status() >= 500 ? 502 : 422;
        if (!ui.htmx()) {
            TemplateInstance full = withList(ui.render(page, "conversations"), ListFilter.of(null, null, null, null, 1), id);
            return Response.status(status).entity(withThread(full, conversations.get(id), reason)).build();
        }
        // htmx swaps only 2xx answers by default: answer 200 and retarget the thread, error shown on top
        TemplateInstance view = withThread(ui.render(thread, "conversations"), conversations.get(id), reason);
        return Response.ok(view).header("HX-Retarget", "#thread").header("HX-Reswap", "outerHTML").build();
    }

    private Response backToThread(long id) {
        return ui.redirect("/ui/conversations/" + id);
    }

    private Instant snoozeTime(String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException("snoozed_until", "pick a date and time");
        }
        try {
            Instant until = ui.format().parseLocalInput(value);
            if (!until.isAfter(Instant.now())) {
                throw new InvalidInputException("snoozed_until", "must be in the future");
            }
            return until;
        } catch (DateTimeParseException bad) {
            throw new InvalidInputException("snoozed_until", "expected yyyy-MM-ddTHH:mm");
        }
    }

    private static ConversationPriority priorityOf(String value) {
        try {
            return ConversationPriority.fromApi(value);
        } catch (IllegalArgumentException unknown) {
            throw new InvalidInputException("priority", "one of low, medium, high, urgent or none");
        }
    }

    private static long parseId(String value) {
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException bad) {
            throw new InvalidInputException("agent", "an agent id");
        }
    }

    private static List<AttachmentUpload> uploads(List<FileUpload> files) {
        List<AttachmentUpload> uploads = new ArrayList<>();
        if (files == null) {
            return uploads;
        }
        for (FileUpload file : files) {
            if (file.fileName() == null || file.fileName().isBlank() || file.size() == 0) {
                continue; // the empty file input of a text-only reply
            }
            try {
                uploads.add(new AttachmentUpload(file.fileName(),
                        file.contentType() == null ? "application/octet-stream" : file.contentType(),
                        Files.readAllBytes(file.uploadedFile())));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return uploads;
    }
}
