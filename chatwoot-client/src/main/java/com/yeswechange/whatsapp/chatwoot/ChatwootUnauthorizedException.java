package com.yeswechange.whatsapp.chatwoot;

/** 401: the token is missing, wrong or revoked. */
public class ChatwootUnauthorizedException extends ChatwootException {
    public ChatwootUnauthorizedException(String body) {
        super(401, body);
    }
}
