package com.yeswechange.whatsapp.chatwoot;

import com.yeswechange.whatsapp.chatwoot.dto.AgentConversationMetricsDTO;
import com.yeswechange.whatsapp.chatwoot.dto.AgentDTO;
import com.yeswechange.whatsapp.chatwoot.dto.AgentSummaryReportDTO;
import com.yeswechange.whatsapp.chatwoot.dto.AssignAgentRequest;
import com.yeswechange.whatsapp.chatwoot.dto.AssignTeamRequest;
import com.yeswechange.whatsapp.chatwoot.dto.CannedResponseDTO;
import com.yeswechange.whatsapp.chatwoot.dto.ContactCreatedDTO;
import com.yeswechange.whatsapp.chatwoot.dto.ContactDTO;
import com.yeswechange.whatsapp.chatwoot.dto.ContactInboxDTO;
import com.yeswechange.whatsapp.chatwoot.dto.ContactSearchDTO;
import com.yeswechange.whatsapp.chatwoot.dto.ConversationDTO;
import com.yeswechange.whatsapp.chatwoot.dto.ConversationListDTO;
import com.yeswechange.whatsapp.chatwoot.dto.ConversationMetaResponseDTO;
import com.yeswechange.whatsapp.chatwoot.dto.ConversationMetricsDTO;
import com.yeswechange.whatsapp.chatwoot.dto.ConversationPageDTO;
import com.yeswechange.whatsapp.chatwoot.dto.CreateContactInboxRequest;
import com.yeswechange.whatsapp.chatwoot.dto.CreateContactRequest;
import com.yeswechange.whatsapp.chatwoot.dto.CreateConversationRequest;
import com.yeswechange.whatsapp.chatwoot.dto.CreateMessageRequest;
import com.yeswechange.whatsapp.chatwoot.dto.FilterRequest;
import com.yeswechange.whatsapp.chatwoot.dto.InboxDTO;
import com.yeswechange.whatsapp.chatwoot.dto.LabelDTO;
import com.yeswechange.whatsapp.chatwoot.dto.LabelsRequest;
import com.yeswechange.whatsapp.chatwoot.dto.MessageDTO;
import com.yeswechange.whatsapp.chatwoot.dto.MessageListDTO;
import com.yeswechange.whatsapp.chatwoot.dto.PayloadDTO;
import com.yeswechange.whatsapp.chatwoot.dto.PlatformUserDTO;
import com.yeswechange.whatsapp.chatwoot.dto.ReportPointDTO;
import com.yeswechange.whatsapp.chatwoot.dto.ReportSummaryDTO;
import com.yeswechange.whatsapp.chatwoot.dto.TeamDTO;
import com.yeswechange.whatsapp.chatwoot.dto.ToggleStatusRequest;
import com.yeswechange.whatsapp.chatwoot.dto.ToggleStatusResponseDTO;
import com.yeswechange.whatsapp.chatwoot.dto.TogglePriorityRequest;
import com.yeswechange.whatsapp.chatwoot.dto.UpdateMessageStatusRequest;
import com.yeswechange.whatsapp.chatwoot.dto.UserTokenDTO;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.jboss.resteasy.reactive.client.api.ClientMultipartForm;

/**
 * Chatwoot's HTTP API as it is (v4.x; shapes in specs/chatwoot/API-NOTES.md). Services use {@link ChatwootClient},
 * which fills in the account id and token and adds fault tolerance; this interface is its raw material. The base URL
 * is {@code quarkus.rest-client.chatwoot.url} (defaults to {@code chatwoot.base-url}).
 */
@RegisterRestClient(configKey = "chatwoot")
@RegisterProvider(ChatwootExceptionMapper.class)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface ChatwootApi {

    String TOKEN_HEADER = "api_access_token";
    String ACCOUNT = "/api/v1/accounts/{accountId}";
    String REPORTS = "/api/v2/accounts/{accountId}";

    // ---- conversations

    @GET
    @Path(ACCOUNT + "/conversations")
    ConversationListDTO listConversations(@HeaderParam(TOKEN_HEADER) String token,
            @PathParam("accountId") long accountId,
            @QueryParam("status") ConversationStatus status,
            @QueryParam("assignee_type") AssigneeType assigneeType,
            @QueryParam("inbox_id") Long inboxId,
            @QueryParam("team_id") Long teamId,
            @QueryParam("labels[]") List<String> labels,
            @QueryParam("q") String q,
            @QueryParam("source_id") String sourceId,
            @QueryParam("conversation_type") String conversationType,
            @QueryParam("sort_by") String sortBy,
            @QueryParam("page") Integer page);

    @GET
    @Path(ACCOUNT + "/conversations/meta")
    ConversationMetaResponseDTO conversationCounts(@HeaderParam(TOKEN_HEADER) String token,
            @PathParam("accountId") long accountId,
            @QueryParam("status") ConversationStatus status,
            @QueryParam("assignee_type") AssigneeType assigneeType,
            @QueryParam("inbox_id") Long inboxId,
            @QueryParam("team_id") Long teamId,
            @QueryParam("labels[]") List<String> labels,
            @QueryParam("q") String q);

    @POST
    @Path(ACCOUNT + "/conversations/filter")
    ConversationPageDTO filterConversations(@HeaderParam(TOKEN_HEADER) String token,
            @PathParam("accountId") long accountId, @QueryParam("page") Integer page, FilterRequest filter);

    @GET
    @Path(ACCOUNT + "/conversations/{conversationId}")
    ConversationDTO getConversation(@HeaderParam(TOKEN_HEADER) String token, @PathParam("accountId") long accountId,
            @PathParam("conversationId") long conversationId);

    @POST
    @Path(ACCOUNT + "/conversations")
    ConversationDTO createConversation(@HeaderParam(TOKEN_HEADER) String token,
            @PathParam("accountId") long accountId, CreateConversationRequest request);

    @POST
    @Path(ACCOUNT + "/conversations/{conversationId}/toggle_status")
    ToggleStatusResponseDTO toggleStatus(@HeaderParam(TOKEN_HEADER) String token,
            @PathParam("accountId") long accountId, @PathParam("conversationId") long conversationId,
            ToggleStatusRequest request);

    @POST
    @Path(ACCOUNT + "/conversations/{conversationId}/toggle_priority")
    void togglePriority(@HeaderParam(TOKEN_HEADER) String token, @PathParam("accountId") long accountId,
            @PathParam("conversationId") long conversationId, TogglePriorityRequest request);

    @POST
    @Path(ACCOUNT + "/conversations/{conversationId}/assignments")
    AgentDTO assignAgent(@HeaderParam(TOKEN_HEADER) String token, @PathParam("accountId") long accountId,
            @PathParam("conversationId") long conversationId, AssignAgentRequest request);

    @POST
    @Path(ACCOUNT + "/conversations/{conversationId}/assignments")
    TeamDTO assignTeam(@HeaderParam(TOKEN_HEADER) String token, @PathParam("accountId") long accountId,
            @PathParam("conversationId") long conversationId, AssignTeamRequest request);

    @GET
    @Path(ACCOUNT + "/conversations/{conversationId}/labels")
    PayloadDTO<List<String>> conversationLabels(@HeaderParam(TOKEN_HEADER) String token,
            @PathParam("accountId") long accountId, @PathParam("conversationId") long conversationId);

    @POST
    @Path(ACCOUNT + "/conversations/{conversationId}/labels")
    PayloadDTO<List<String>> setConversationLabels(@HeaderParam(TOKEN_HEADER) String token,
            @PathParam("accountId") long accountId, @PathParam("conversationId") long conversationId,
            LabelsRequest request);

    // ---- messages

    @GET
    @Path(ACCOUNT + "/conversations/{conversationId}/messages")
    MessageListDTO listMessages(@HeaderParam(TOKEN_HEADER) String token, @PathParam("accountId") long accountId,
            @PathParam("conversationId") long conversationId, @QueryParam("before") Long before,
            @QueryParam("after") Long after);

    @POST
    @Path(ACCOUNT + "/conversations/{conversationId}/messages")
    MessageDTO createMessage(@HeaderParam(TOKEN_HEADER) String token, @PathParam("accountId") long accountId,
            @PathParam("conversationId") long conversationId, CreateMessageRequest request);

    @POST
    @Path(ACCOUNT + "/conversations/{conversationId}/messages")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    MessageDTO createMessageMultipart(@HeaderParam(TOKEN_HEADER) String token,
            @PathParam("accountId") long accountId, @PathParam("conversationId") long conversationId,
            ClientMultipartForm form);

    @PATCH
    @Path(ACCOUNT + "/conversations/{conversationId}/messages/{messageId}")
    MessageDTO updateMessageStatus(@HeaderParam(TOKEN_HEADER) String token, @PathParam("accountId") long accountId,
            @PathParam("conversationId") long conversationId, @PathParam("messageId") long messageId,
            UpdateMessageStatusRequest request);

    // ---- contacts

    @GET
    @Path(ACCOUNT + "/contacts/search")
    ContactSearchDTO searchContacts(@HeaderParam(TOKEN_HEADER) String token, @PathParam("accountId") long accountId,
            @QueryParam("q") String q, @QueryParam("page") Integer page);

    @POST
    @Path(ACCOUNT + "/contacts")
    PayloadDTO<ContactCreatedDTO> createContact(@HeaderParam(TOKEN_HEADER) String token,
            @PathParam("accountId") long accountId, CreateContactRequest request);

    @GET
    @Path(ACCOUNT + "/contacts/{contactId}")
    PayloadDTO<ContactDTO> getContact(@HeaderParam(TOKEN_HEADER) String token, @PathParam("accountId") long accountId,
            @PathParam("contactId") long contactId);

    @GET
    @Path(ACCOUNT + "/contacts/{contactId}/conversations")
    PayloadDTO<List<ConversationDTO>> contactConversations(@HeaderParam(TOKEN_HEADER) String token,
            @PathParam("accountId") long accountId, @PathParam("contactId") long contactId);

    @POST
    @Path(ACCOUNT + "/contacts/{contactId}/contact_inboxes")
    ContactInboxDTO createContactInbox(@HeaderParam(TOKEN_HEADER) String token,
            @PathParam("accountId") long accountId, @PathParam("contactId") long contactId,
            CreateContactInboxRequest request);

    // ---- account directory

    @GET
    @Path(ACCOUNT + "/agents")
    List<AgentDTO> listAgents(@HeaderParam(TOKEN_HEADER) String token, @PathParam("accountId") long accountId);

    @GET
    @Path(ACCOUNT + "/teams")
    List<TeamDTO> listTeams(@HeaderParam(TOKEN_HEADER) String token, @PathParam("accountId") long accountId);

    @GET
    @Path(ACCOUNT + "/inboxes")
    PayloadDTO<List<InboxDTO>> listInboxes(@HeaderParam(TOKEN_HEADER) String token,
            @PathParam("accountId") long accountId);

    @GET
    @Path(ACCOUNT + "/labels")
    PayloadDTO<List<LabelDTO>> listLabels(@HeaderParam(TOKEN_HEADER) String token,
            @PathParam("accountId") long accountId);

    @GET
    @Path(ACCOUNT + "/canned_responses")
    List<CannedResponseDTO> listCannedResponses(@HeaderParam(TOKEN_HEADER) String token,
            @PathParam("accountId") long accountId, @QueryParam("search") String search);

    // ---- v2 reports (administrator token)

    @GET
    @Path(REPORTS + "/reports")
    List<ReportPointDTO> report(@HeaderParam(TOKEN_HEADER) String token, @PathParam("accountId") long accountId,
            @QueryParam("metric") String metric, @QueryParam("type") String type, @QueryParam("id") Long id,
            @QueryParam("since") String since, @QueryParam("until") String until,
            @QueryParam("group_by") String groupBy, @QueryParam("timezone_offset") String timezoneOffset,
            @QueryParam("business_hours") Boolean businessHours);

    @GET
    @Path(REPORTS + "/reports/summary")
    ReportSummaryDTO reportSummary(@HeaderParam(TOKEN_HEADER) String token, @PathParam("accountId") long accountId,
            @QueryParam("type") String type, @QueryParam("id") Long id, @QueryParam("since") String since,
            @QueryParam("until") String until, @QueryParam("business_hours") Boolean businessHours);

    @GET
    @Path(REPORTS + "/reports/conversations")
    ConversationMetricsDTO conversationMetrics(@HeaderParam(TOKEN_HEADER) String token,
            @PathParam("accountId") long accountId, @QueryParam("type") String type);

    @GET
    @Path(REPORTS + "/reports/conversations")
    List<AgentConversationMetricsDTO> agentConversationMetrics(@HeaderParam(TOKEN_HEADER) String token,
            @PathParam("accountId") long accountId, @QueryParam("type") String type,
            @QueryParam("user_id") Long userId);

    @GET
    @Path(REPORTS + "/summary_reports/agent")
    List<AgentSummaryReportDTO> agentSummaryReport(@HeaderParam(TOKEN_HEADER) String token,
            @PathParam("accountId") long accountId, @QueryParam("since") String since,
            @QueryParam("until") String until, @QueryParam("business_hours") Boolean businessHours);

    // ---- platform API (platform app token)

    @GET
    @Path("/platform/api/v1/users/{userId}")
    PlatformUserDTO platformUser(@HeaderParam(TOKEN_HEADER) String platformToken, @PathParam("userId") long userId);

    @POST
    @Path("/platform/api/v1/users/{userId}/token")
    UserTokenDTO createUserToken(@HeaderParam(TOKEN_HEADER) String platformToken, @PathParam("userId") long userId);
}
