package com.yeswechange.whatsapp.gateway.view;

/** A file of a message: {@code fileType} is image, audio, video, file, location, ...; {@code url} where to get it. */
public record AttachmentView(long id, String fileType, String url, String thumbUrl, String extension, Long fileSize) {
}
