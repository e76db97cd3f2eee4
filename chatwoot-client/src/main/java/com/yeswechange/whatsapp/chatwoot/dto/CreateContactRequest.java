package com.yeswechange.whatsapp.chatwoot.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.Map;

/** POST contacts. With inboxId (and optionally sourceId) Chatwoot also creates the contact inbox. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record CreateContactRequest(
        String name,
        String email,
        String phoneNumber,
        String identifier,
        Long inboxId,
        String sourceId,
        String avatarUrl,
        Map<String, Object> additionalAttributes,
        Map<String, Object> customAttributes) {

    /** A WhatsApp customer: name as the profile shows it, E.164 phone number, in the WhatsApp inbox. */
    public static CreateContactRequest whatsApp(String name, String phoneNumber, long inboxId, String sourceId) {
        return new CreateContactRequest(name, null, phoneNumber, null, inboxId, sourceId, null, null, null);
    }
}
