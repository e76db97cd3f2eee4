package com.yeswechange.whatsapp.chatwoot.dto;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * Chatwoot renders times as unix seconds (integers, or floats for updated_at) in the REST API and as ISO-8601 strings
 * in webhooks and some fields (snoozed_until): this reads all of them.
 */
public class ChatwootInstantDeserializer extends StdScalarDeserializer<Instant> {

    public ChatwootInstantDeserializer() {
        super(Instant.class);
    }

    @Override
    public Instant deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT) {
            return fromSeconds(parser.getDecimalValue());
        }
        if (token == JsonToken.VALUE_STRING) {
            String text = parser.getText().trim();
            if (text.isEmpty()) {
                return null;
            }
            if (text.matches("\\d+(\\.\\d+)?")) {
                return fromSeconds(new BigDecimal(text));
            }
            return text.endsWith("Z") ? Instant.parse(text) : OffsetDateTime.parse(text).toInstant();
        }
        return (Instant) context.handleUnexpectedToken(Instant.class, parser);
    }

    private static Instant fromSeconds(BigDecimal seconds) {
        long whole = seconds.longValue();
        long nanos = seconds.subtract(BigDecimal.valueOf(whole)).movePointRight(9).longValue();
        return Instant.ofEpochSecond(whole, nanos);
    }
}
