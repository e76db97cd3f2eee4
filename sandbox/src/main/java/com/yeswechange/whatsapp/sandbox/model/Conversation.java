package com.yeswechange.whatsapp.sandbox.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A conversation; {@code id} is Chatwoot's display id, the one used in every URL. */
public class Conversation {
    public long id;
    public String uuid = UUID.randomUUID().toString();
    public long inboxId;
    public long contactId;
    public long contactInboxId;
    public String status = "open";
    public Long assigneeId;
    public Long teamId;
    public String priority;
    public List<String> labels = new ArrayList<>();
    public Instant snoozedUntil;
    public Instant createdAt;
    public Instant updatedAt;
    public Instant lastActivityAt;
    public Instant firstReplyCreatedAt;
    public Instant waitingSince;
    public Instant agentLastSeenAt;
    public Instant assigneeLastSeenAt;
    public Instant contactLastSeenAt;
    /** When it was last resolved, for the reports. */
    public Instant resolvedAt;
    public Map<String, Object> additionalAttributes = new LinkedHashMap<>();
    public Map<String, Object> customAttributes = new LinkedHashMap<>();
}
