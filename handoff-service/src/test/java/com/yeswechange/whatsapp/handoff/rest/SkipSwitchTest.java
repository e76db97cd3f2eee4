package com.yeswechange.whatsapp.handoff.rest;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class SkipSwitchTest {

    @Test
    void skippingSignatureChecksIsRefusedInProd() {
        assertThatThrownBy(() -> WebhookVerifier.guardSkipSwitch(true, List.of("prod")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("prod");
    }

    @Test
    void skippingIsAllowedWithAWarningElsewhereAndNothingHappensWhenOff() {
        assertThatCode(() -> WebhookVerifier.guardSkipSwitch(true, List.of("dev"))).doesNotThrowAnyException();
        assertThatCode(() -> WebhookVerifier.guardSkipSwitch(false, List.of("prod"))).doesNotThrowAnyException();
    }
}
