package com.yeswechange.whatsapp.sandbox.model;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

public class Contact {
    public long id;
    public String name;
    public String email;
    public String phoneNumber;
    public String identifier;
    public boolean blocked;
    public Instant createdAt;
    public Instant lastActivityAt;
    public Map<String, Object> additionalAttributes = new LinkedHashMap<>();
    public Map<String, Object> customAttributes = new LinkedHashMap<>();
}
