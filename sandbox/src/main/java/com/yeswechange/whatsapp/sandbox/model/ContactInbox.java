package com.yeswechange.whatsapp.sandbox.model;

import java.time.Instant;

/** Links a contact to an inbox under a source id ("whatsapp:+225…" for the WhatsApp inbox). */
public class ContactInbox {
    public long id;
    public long contactId;
    public long inboxId;
    public String sourceId;
    public Instant createdAt;
    public Instant updatedAt;
    public boolean hmacVerified;
    public String pubsubToken;
}
