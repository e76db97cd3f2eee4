package com.yeswechange.whatsapp.chatwoot;

/**
 * 403: the token is valid but may not do this, e.g. a non-admin reading v2 reports, a bot token patching a message
 * status, or a status PATCH on a message of a non-API inbox.
 */
public class ChatwootForbiddenException extends ChatwootException {
    public ChatwootForbiddenException(String body) {
        super(403, body);
    }
}
