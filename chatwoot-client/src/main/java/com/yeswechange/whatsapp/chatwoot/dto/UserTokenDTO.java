package com.yeswechange.whatsapp.chatwoot.dto;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** POST /platform/api/v1/users/{id}/token's answer. toString hides the token. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record UserTokenDTO(String accessToken, String expiry, PlatformUserDTO user) {

    @Override
    public String toString() {
        return "UserTokenDTO[accessToken=***, expiry=" + expiry + ", user=" + user + "]";
    }
}
