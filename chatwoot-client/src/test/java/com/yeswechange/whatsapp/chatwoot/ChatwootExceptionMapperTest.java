package com.yeswechange.whatsapp.chatwoot;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Retry-After in both RFC 9110 forms, and the statuses that have no class of their own. */
class ChatwootExceptionMapperTest {

    static final Instant NOW = Instant.parse("2026-06-17T09:00:00Z");

    @Test
    void readsRetryAfterInSeconds() {
        assertThat(ChatwootExceptionMapper.parseRetryAfter("17", NOW)).isEqualTo(Duration.ofSeconds(17));
    }

    @Test
    void readsRetryAfterAsAnHttpDate() {
        assertThat(ChatwootExceptionMapper.parseRetryAfter("Wed, 17 Jun 2026 09:00:05 GMT", NOW))
                .isEqualTo(Duration.ofSeconds(5));
        assertThat(ChatwootExceptionMapper.parseRetryAfter("Wed, 17 Jun 2026 08:59:00 GMT", NOW))
                .isEqualTo(Duration.ZERO);
    }

    @Test
    void fallsBackToOneSecondWhenRetryAfterIsMissingOrGarbled() {
        assertThat(ChatwootExceptionMapper.parseRetryAfter(null, NOW)).isEqualTo(Duration.ofSeconds(1));
        assertThat(ChatwootExceptionMapper.parseRetryAfter("soon", NOW)).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void otherClientErrorsStayPlainChatwootExceptions() {
        ChatwootException conflict = ChatwootExceptionMapper.toException(409, "{\"error\":\"taken\"}", null);

        assertThat(conflict).isExactlyInstanceOf(ChatwootException.class);
        assertThat(conflict.status()).isEqualTo(409);
        assertThat(conflict.body()).isEqualTo("{\"error\":\"taken\"}");
    }
}
