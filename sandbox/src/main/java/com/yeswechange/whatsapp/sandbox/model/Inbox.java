package com.yeswechange.whatsapp.sandbox.model;

/** An API-channel inbox (Channel::Api). */
public record Inbox(long id, String name, long channelId) {
    public static final String CHANNEL_TYPE = "Channel::Api";
}
