package com.yeswechange.whatsapp.chatwoot.dto;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.Map;

/**
 * A Chatwoot user as the platform API renders it, with its access_token (to act as that agent). toString hides the
 * tokens so the record can never leak them into a log line.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record PlatformUserDTO(
        long id,
        String name,
        String displayName,
        String availableName,
        String email,
        String role,
        Boolean confirmed,
        String accessToken,
        String pubsubToken,
        Map<String, Object> customAttributes) {

    @Override
    public String toString() {
        return "PlatformUserDTO[id=" + id + ", name=" + name + ", email=" + email + ", role=" + role
                + ", accessToken=***, pubsubToken=***]";
    }
}
