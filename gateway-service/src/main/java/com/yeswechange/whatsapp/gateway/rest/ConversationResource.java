package com.yeswechange.whatsapp.gateway.rest;

import com.yeswechange.whatsapp.chatwoot.AssigneeType;
import com.yeswechange.whatsapp.chatwoot.ConversationPriority;
import com.yeswechange.whatsapp.chatwoot.ConversationStatus;
import com.yeswechange.whatsapp.chatwoot.dto.AttachmentUpload;
import com.yeswechange.whatsapp.gateway.security.Roles;
import com.yeswechange.whatsapp.gateway.service.ConversationFilter;
import com.yeswechange.whatsapp.gateway.service.ConversationService;
import com.yeswechange.whatsapp.gateway.service.InvalidInputException;
import com.yeswechange.whatsapp.gateway.view.ConversationDetail;
import com.yeswechange.whatsapp.gateway.view.ConversationPage;
import com.yeswechange.whatsapp.gateway.view.ConversationSummary;
import com.yeswechange.whatsapp.gateway.view.Counts;
import com.yeswechange.whatsapp.gateway.view.MessagePage;
import com.yeswechange.whatsapp.gateway.view.MessageView;
import com.yeswechange.whatsapp.gateway.view.PollResult;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/** Conversations: lists with counts, a thread, its messages, and the agent's actions. Thin over ConversationService. */
@Path("/api/conversations")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN})
@Blocking
@Tag(name = "conversations")
public class ConversationResource {

    /** At most this many files on one message. */
    static final int MAX_ATTACHMENTS = 10;

    @Inject
    ConversationService conversations;

    @GET
    @Operation(summary = "A page (25) of conversations with the tab counts; agents may list assignee_type me and "
            + "unassigned only")
    public ConversationPage list(
            @Parameter(description = "open (default), pending, resolved, snoozed, all") @QueryParam("status") String status,
            @Parameter(description = "me (default), unassigned, assigned, all") @QueryParam("assignee_type") String assignee,
            @QueryParam("inbox_id") Long inboxId,
            @QueryParam("team_id") Long teamId,
            @QueryParam("label") String label,
            @Parameter(description = "e.g. last_activity_at_desc (default), created_at_asc, priority_desc, "
                    + "waiting_since_asc") @QueryParam("sort") String sort,
            @QueryParam("page") Integer page) {
        return conversations.list(filter(status, assignee, inboxId, teamId, label, sort, page));
    }

    @GET
    @Path("/counts")
    @Operation(summary = "The tab counts (mine, unassigned; assigned and all for supervisors) for a status and filters")
    public Counts counts(@QueryParam("status") String status, @QueryParam("inbox_id") Long inboxId,
            @QueryParam("team_id") Long teamId, @QueryParam("label") String label) {
        return conversations.counts(filter(status, null, inboxId, teamId, label, null, null));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "A conversation with its contact, assignee and latest 20 messages (ascending)")
    public ConversationDetail get(@PathParam("id") long id) {
        return conversations.get(id);
    }

    @GET
    @Path("/{id}/messages")
    @Operation(summary = "Messages in ascending order: 20 before the message id `before`, or every message after the "
            + "id `after` (up to 100 per call; ask again from the last id); neither: the latest 20")
    public MessagePage messages(@PathParam("id") long id, @QueryParam("before") Long before,
            @QueryParam("after") Long after) {
        if (before != null && after != null) {
            throw new InvalidInputException("after", "give before or after, not both");
        }
        if (after != null) {
            List<MessageView> newer = conversations.messagesAfter(id, after);
            return new MessagePage(newer, false);
        }
        if (before != null) {
            return conversations.messagesBefore(id, before);
        }
        ConversationDetail detail = conversations.get(id);
        return new MessagePage(detail.messages(), detail.hasOlder());
    }

    @GET
    @Path("/{id}/poll")
    @Operation(summary = "The seed's polling contract, kept as the fallback of the live stream: the messages after "
            + "last_message_id and has_new")
    public PollResult poll(@PathParam("id") long id, @QueryParam("last_message_id") Long lastMessageId) {
        return conversations.poll(id, lastMessageId);
    }

    @POST
    @Path("/{id}/messages")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Reply to the customer, or write a private note (private: true), as the logged-in agent")
    public Response reply(@PathParam("id") long id, Requests.Reply reply) {
        if (reply == null) {
            throw new InvalidInputException("content", "a JSON body with content is required");
        }
        MessageView created = conversations.reply(id, reply.content(), reply.privateNote(), List.of());
        return Response.status(201).entity(created).build();
    }

    @POST
    @Path("/{id}/messages")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(summary = "Reply or note with files (form fields content, private, attachments)")
    public Response replyWithFiles(@PathParam("id") long id, @RestForm("content") String content,
            @RestForm("private") boolean privateNote, @RestForm("attachments") List<FileUpload> attachments) {
        List<FileUpload> files = attachments == null ? List.of() : attachments;
        if (files.size() > MAX_ATTACHMENTS) {
            throw new InvalidInputException("attachments", "at most " + MAX_ATTACHMENTS + " files");
        }
        List<AttachmentUpload> uploads = files.stream().map(ConversationResource::upload).toList();
        MessageView created = conversations.reply(id, content, privateNote, uploads);
        return Response.status(201).entity(created).build();
    }

    private static AttachmentUpload upload(FileUpload file) {
        try {
            String type = file.contentType() == null ? MediaType.APPLICATION_OCTET_STREAM : file.contentType();
            String name = file.fileName() == null || file.fileName().isBlank() ? "attachment" : file.fileName();
            return new AttachmentUpload(name, type, Files.readAllBytes(file.uploadedFile()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @POST
    @Path("/{id}/resolve")
    @Operation(summary = "Resolve (the customer gets the closing message and goes back to the bot)")
    public ConversationSummary resolve(@PathParam("id") long id) {
        return conversations.resolve(id);
    }

    @POST
    @Path("/{id}/reopen")
    @Operation(summary = "Reopen")
    public ConversationSummary reopen(@PathParam("id") long id) {
        return conversations.reopen(id);
    }

    @POST
    @Path("/{id}/pending")
    @Operation(summary = "Mark pending")
    public ConversationSummary pending(@PathParam("id") long id) {
        return conversations.pending(id);
    }

    @POST
    @Path("/{id}/snooze")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Snooze until a time (ISO-8601), or until the customer writes when until is null")
    public ConversationSummary snooze(@PathParam("id") long id, Requests.Snooze snooze) {
        return conversations.snooze(id, snooze == null ? null : snooze.until());
    }

    @POST
    @Path("/{id}/priority")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Set the priority (low, medium, high, urgent) or clear it (null)")
    public ConversationSummary priority(@PathParam("id") long id, Requests.Priority priority) {
        String value = priority == null ? null : priority.priority();
        return conversations.setPriority(id, value == null ? null : parse("priority", value,
                ConversationPriority::fromApi));
    }

    @POST
    @Path("/{id}/assignee")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Assign to a Chatwoot agent (agentId), or to nobody (agentId null)")
    public ConversationSummary assign(@PathParam("id") long id, Requests.AssignAgent assign) {
        return conversations.assignAgent(id, assign == null ? null : assign.agentId());
    }

    @POST
    @Path("/{id}/assignee/me")
    @Operation(summary = "Take the conversation: assign it to the logged-in agent")
    public ConversationSummary assignToMe(@PathParam("id") long id) {
        return conversations.assignToMe(id);
    }

    @POST
    @Path("/{id}/team")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Assign to a team (teamId), or remove the team (teamId null)")
    public ConversationSummary team(@PathParam("id") long id, Requests.AssignTeam team) {
        return conversations.assignTeam(id, team == null ? null : team.teamId());
    }

    @PUT
    @Path("/{id}/labels")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replace the conversation's labels")
    public Map<String, List<String>> labels(@PathParam("id") long id, Requests.Labels labels) {
        return Map.of("labels", conversations.setLabels(id, labels == null ? List.of() : labels.labels()));
    }

    static ConversationFilter filter(String status, String assignee, Long inboxId, Long teamId, String label,
            String sort, Integer page) {
        if (page != null && (page < 1 || page > 1000)) {
            throw new InvalidInputException("page", "1 to 1000");
        }
        if (sort != null && !sort.matches("[a-z_]{1,60}")) {
            throw new InvalidInputException("sort", "one of Chatwoot's sort names, e.g. last_activity_at_desc");
        }
        if (label != null && !label.matches("[\\p{L}\\p{N}_-]{1,100}")) {
            throw new InvalidInputException("label", "a label title");
        }
        return new ConversationFilter(
                status == null ? null : parse("status", status, ConversationStatus::fromApi),
                assignee == null ? null : parse("assignee_type", assignee, AssigneeType::fromApi),
                inboxId, teamId, label, sort, page);
    }

    static <T> T parse(String field, String value, java.util.function.Function<String, T> parser) {
        try {
            return parser.apply(value);
        } catch (IllegalArgumentException unknown) {
            throw new InvalidInputException(field, "unknown value '" + value.replaceAll("[^\\w-]", "") + "'");
        }
    }
}
