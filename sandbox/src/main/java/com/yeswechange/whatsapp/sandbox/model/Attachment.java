package com.yeswechange.whatsapp.sandbox.model;

/** A stored file: Chatwoot attachments and Twilio media share it. */
public class Attachment {
    public long id;
    public long messageId;
    public String fileName;
    public String contentType;
    public byte[] data;

    /** Chatwoot's file_type: image, audio, video or file. */
    public String fileType() {
        if (contentType == null) {
            return "file";
        }
        if (contentType.startsWith("image/")) {
            return "image";
        }
        if (contentType.startsWith("audio/")) {
            return "audio";
        }
        if (contentType.startsWith("video/")) {
            return "video";
        }
        return "file";
    }

    public String extension() {
        int dot = fileName == null ? -1 : fileName.lastIndexOf('.');
        return dot < 0 ? null : fileName.substring(dot + 1);
    }
}
