package com.yeswechange.whatsapp.chatwoot.dto;

import java.util.Objects;

/** A file to attach to a new message (sent as one attachments[] part of a multipart request). */
public record AttachmentUpload(String filename, String contentType, byte[] data) {

    public AttachmentUpload {
        Objects.requireNonNull(filename, "filename");
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(data, "data");
    }

    @Override
    public String toString() {
        return "AttachmentUpload[" + filename + ", " + contentType + ", " + data.length + " bytes]";
    }
}
