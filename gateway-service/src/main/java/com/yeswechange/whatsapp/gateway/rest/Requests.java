package com.yeswechange.whatsapp.gateway.rest;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;

/** The JSON bodies the API accepts. */
public final class Requests {

    private Requests() {
    }

    /** A reply to the customer, or an internal note when {@code private} is true. content: 1 to 4096 characters. */
    public record Reply(String content, @JsonProperty("private") boolean privateNote) {
    }

    /** Snooze until this time (ISO-8601, in the future); null: until the customer writes again. */
    public record Snooze(Instant until) {
    }

    /** low, medium, high, urgent, or null to clear. */
    public record Priority(String priority) {
    }

    /** The Chatwoot agent to assign; null unassigns. */
    public record AssignAgent(Long agentId) {
    }

    /** The team to assign; null removes the team. */
    public record AssignTeam(Long teamId) {
    }

    /** The conversation's labels, replacing the current ones. */
    public record Labels(List<String> labels) {
    }

    /** A new WhatsApp customer: name and E.164 phone number (+225...), email optional. */
    public record NewContact(String name, String phoneNumber, String email) {
    }
}
