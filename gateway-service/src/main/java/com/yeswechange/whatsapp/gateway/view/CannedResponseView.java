package com.yeswechange.whatsapp.gateway.view;

/** A canned response an agent inserts by typing {@code /shortCode}. */
public record CannedResponseView(long id, String shortCode, String content) {
}
