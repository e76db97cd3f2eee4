package com.yeswechange.whatsapp.chatwoot.dto;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A Chatwoot contact (a WhatsApp customer); contact_inboxes only where Chatwoot renders them. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ContactDTO(
        long id,
        String name,
        String email,
        String phoneNumber,
        String identifier,
        String thumbnail,
        Boolean blocked,
        String availabilityStatus,
        Map<String, Object> additionalAttributes,
        Map<String, Object> customAttributes,
        @JsonDeserialize(using = ChatwootInstantDeserializer.class) Instant lastActivityAt,
        @JsonDeserialize(using = ChatwootInstantDeserializer.class) Instant createdAt,
        List<ContactInboxDTO> contactInboxes) {
}
