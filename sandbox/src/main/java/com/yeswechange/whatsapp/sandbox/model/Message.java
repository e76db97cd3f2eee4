package com.yeswechange.whatsapp.sandbox.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A Chatwoot message. */
public class Message {
    public static final int INCOMING = 0;
    public static final int OUTGOING = 1;
    public static final int ACTIVITY = 2;
    public static final int TEMPLATE = 3;

    public long id;
    public long conversationId;
    public long inboxId;
    public String content;
    public int messageType;
    public String contentType = "text";
    public String status = "sent";
    public Map<String, Object> contentAttributes = new LinkedHashMap<>();
    public Map<String, Object> additionalAttributes = new LinkedHashMap<>();
    public Instant createdAt;
    public Instant updatedAt;
    public boolean isPrivate;
    public String sourceId;
    public String echoId;
    /** "User" or "Contact", null for activity messages. */
    public String senderType;
    public Long senderId;
    public List<Attachment> attachments = new ArrayList<>();

    public static String typeName(int messageType) {
        return switch (messageType) {
            case INCOMING -> "incoming";
            case OUTGOING -> "outgoing";
            case ACTIVITY -> "activity";
            case TEMPLATE -> "template";
            default -> throw new IllegalArgumentException("message_type " + messageType);
        };
    }
}
