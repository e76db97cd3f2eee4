package com.yeswechange.whatsapp.chatwoot.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import com.yeswechange.whatsapp.chatwoot.MessageStatus;

/** PATCH …/messages/{id}: the delivery tick, and the error text agents see when it failed. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record UpdateMessageStatusRequest(MessageStatus status, String externalError) {
}
