package com.yeswechange.whatsapp.chatwoot.dto;

import java.util.List;

/** POST …/labels: replaces the conversation's whole label set. */
public record LabelsRequest(List<String> labels) {
}
