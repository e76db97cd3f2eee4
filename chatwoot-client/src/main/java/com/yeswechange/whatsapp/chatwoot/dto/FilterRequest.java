package com.yeswechange.whatsapp.chatwoot.dto;

import java.util.List;

/** POST conversations/filter's body. */
public record FilterRequest(List<FilterCondition> payload) {
}
