package com.yeswechange.whatsapp.chatwoot;

/** 404: the conversation, message, contact or user does not exist in this account. */
public class ChatwootNotFoundException extends ChatwootException {
    public ChatwootNotFoundException(String body) {
        super(404, body);
    }
}
