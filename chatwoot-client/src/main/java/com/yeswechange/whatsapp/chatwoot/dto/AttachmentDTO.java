package com.yeswechange.whatsapp.chatwoot.dto;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** A file attached to a message; data_url is where to fetch it. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record AttachmentDTO(
        long id,
        Long messageId,
        String fileType,
        Long accountId,
        String extension,
        String dataUrl,
        String thumbUrl,
        Long fileSize,
        Integer width,
        Integer height) {
}
