package com.yeswechange.whatsapp.gateway.view;

/**
 * Who wrote a message.
 *
 * @param type {@code contact} (the customer), {@code user} (an agent) or {@code agent_bot}
 */
public record SenderView(Long id, String name, String type, String thumbnail) {
}
