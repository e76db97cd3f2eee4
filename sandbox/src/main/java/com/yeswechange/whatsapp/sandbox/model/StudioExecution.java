package com.yeswechange.whatsapp.sandbox.model;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** A Studio flow execution: one active per contact; the handoff ends it with Status=ended. */
public class StudioExecution {
    public String sid;
    public String flowSid;
    public String accountSid;
    public String contactChannelAddress;
    public String contactSid;
    /** active or ended */
    public String status = "active";
    public Instant dateCreated;
    public Instant dateUpdated;
    public Map<String, Object> context = new LinkedHashMap<>();
}
