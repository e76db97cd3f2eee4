package com.yeswechange.whatsapp.gateway.view;

import java.util.List;

/** Messages in ascending order; hasOlder says whether paging further back with {@code before} finds more. */
public record MessagePage(List<MessageView> messages, boolean hasOlder) {
}
