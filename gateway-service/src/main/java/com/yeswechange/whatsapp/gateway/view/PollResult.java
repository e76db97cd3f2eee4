package com.yeswechange.whatsapp.gateway.view;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** The seed's polling answer: the messages newer than {@code last_message_id}, and whether there were any. */
public record PollResult(List<MessageView> messages, @JsonProperty("has_new") boolean hasNew,
        @JsonProperty("last_message_id") Long lastMessageId) {
}
