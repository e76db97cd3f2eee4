package com.yeswechange.whatsapp.sandbox.model;

/** A Chatwoot user of the account: role is "administrator" or "agent"; the token acts as this user. */
public class User {
    public long id;
    public String name;
    public String email;
    public String role;
    public String accessToken;
    public String pubsubToken;
    public String availability = "online";

    public User(long id, String name, String email, String role, String accessToken) {
        this.id = id;
        this.name = name;
        this.email = email;
        this.role = role;
        this.accessToken = accessToken;
        this.pubsubToken = "pubsub" + id + Integer.toHexString(email.hashCode());
    }

    public boolean isAdministrator() {
        return "administrator".equals(role);
    }
}
