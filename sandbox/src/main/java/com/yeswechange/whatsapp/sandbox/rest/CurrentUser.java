package com.yeswechange.whatsapp.sandbox.rest;

import jakarta.enterprise.context.RequestScoped;

import com.yeswechange.whatsapp.sandbox.model.User;

/** The Chatwoot user whose api_access_token came with this request (set by {@link ChatwootAuthFilter}). */
@RequestScoped
public class CurrentUser {

    private User user;
    private String token;

    void set(User user, String token) {
        this.user = user;
        this.token = token;
    }

    public User user() {
        return user;
    }

    public String token() {
        return token;
    }
}
