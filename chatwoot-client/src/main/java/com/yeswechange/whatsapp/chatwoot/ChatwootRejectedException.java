package com.yeswechange.whatsapp.chatwoot;

/** 400 or 422: Chatwoot rejected the request's content; sending it again unchanged will fail again. */
public class ChatwootRejectedException extends ChatwootException {
    public ChatwootRejectedException(int status, String body) {
        super(status, body);
    }
}
