package com.yeswechange.whatsapp.outbound.service;

import com.yeswechange.whatsapp.chatwoot.ChatwootClient;
import com.yeswechange.whatsapp.chatwoot.ChatwootException;
import com.yeswechange.whatsapp.chatwoot.MessageType;
import com.yeswechange.whatsapp.chatwoot.dto.MessageDTO;
import com.yeswechange.whatsapp.chatwoot.dto.MessageListDTO;
import com.yeswechange.whatsapp.outbound.config.OutboundConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * WhatsApp's customer service window: free text only within 24 h of the customer's last message. The last message
 * time comes from the incoming messages seen on chatwoot.events, and after a restart from Chatwoot itself (the latest
 * messages of the conversation). When neither knows, the window counts as open and Twilio's 63016 decides.
 */
@ApplicationScoped
public class CustomerWindow {

    private static final Logger LOG = Logger.getLogger(CustomerWindow.class);

    private final ChatwootClient chatwoot;
    private final OutboundConfig config;
    private final Map<Long, Instant> lastInboundByConversation = new ConcurrentHashMap<>();

    public CustomerWindow(ChatwootClient chatwoot, OutboundConfig config) {
        this.chatwoot = chatwoot;
        this.config = config;
    }

    /** A customer message arrived in this conversation. */
    public void customerWrote(long conversationId, Instant at) {
        if (at != null) {
            lastInboundByConversation.merge(conversationId, at, (a, b) -> a.isAfter(b) ? a : b);
        }
    }

    /** False only when the customer's last message is known to be older than the window. */
    public boolean isOpen(long conversationId, Instant now) {
        Optional<Instant> last = Optional.ofNullable(lastInboundByConversation.get(conversationId))
                .or(() -> lastInboundFromChatwoot(conversationId));
        last.ifPresent(at -> customerWrote(conversationId, at));
        return last.map(at -> !at.plus(config.send().customerWindow()).isBefore(now)).orElse(true);
    }

    private Optional<Instant> lastInboundFromChatwoot(long conversationId) {
        try {
            MessageListDTO recent = chatwoot.listMessages(conversationId, null, null);
            if (recent == null || recent.payload() == null) {
                return Optional.empty();
            }
            return recent.payload().stream()
                    .filter(message -> message.messageType() == MessageType.INCOMING)
                    .map(MessageDTO::createdAt)
                    .filter(Objects::nonNull)
                    .max(Comparator.naturalOrder());
        } catch (ChatwootException e) {
            LOG.warnf("could not read conversation %d to check the 24-hour window (HTTP %d); Twilio will decide",
                    conversationId, e.status());
            return Optional.empty();
        }
    }
}
