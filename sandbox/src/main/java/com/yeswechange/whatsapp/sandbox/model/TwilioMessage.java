package com.yeswechange.whatsapp.sandbox.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A message resource of the Twilio stand-in: an outbound send or an inbound customer message. */
public class TwilioMessage {
    public String sid;
    public String accountSid;
    public String to;
    public String from;
    public String body;
    public String messagingServiceSid;
    public String contentSid;
    public String contentVariables;
    public String statusCallback;
    /** outbound-api or inbound */
    public String direction;
    public String status;
    public Integer errorCode;
    public String errorMessage;
    public Instant dateCreated;
    public Instant dateUpdated;
    public Instant dateSent;
    /** MediaUrl values as given by the sender (outbound) or as served by the sandbox (inbound). */
    public List<String> mediaUrls = new ArrayList<>();
    /** Inbound media stored by the sandbox, one per MediaUrl. */
    public List<Attachment> media = new ArrayList<>();
}
