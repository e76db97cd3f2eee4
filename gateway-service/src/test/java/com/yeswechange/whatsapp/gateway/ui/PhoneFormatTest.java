package com.yeswechange.whatsapp.gateway.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PhoneFormatTest {

    @Test
    void groupsIvorianTenDigitNumbersInPairs() {
        assertThat(PhoneFormat.format("+2250707123456")).isEqualTo("+225 07 07 12 34 56");
    }

    @Test
    void stripsTheWhatsappPrefixAndExistingSeparators() {
        assertThat(PhoneFormat.format("whatsapp:+225 27-22.40 50 60")).isEqualTo("+225 27 22 40 50 60");
    }

    @Test
    void groupsOldEightDigitIvorianNumbers() {
        assertThat(PhoneFormat.format("+22507123456")).isEqualTo("+225 07 12 34 56");
    }

    @Test
    void leavesOtherCountriesAndMalformedNumbersAsGiven() {
        assertThat(PhoneFormat.format("+33612345678")).isEqualTo("+33612345678");
        assertThat(PhoneFormat.format("+225123")).isEqualTo("+225123");
        assertThat(PhoneFormat.format("whatsapp:+14155238886")).isEqualTo("+14155238886");
    }

    @Test
    void blankIsEmpty() {
        assertThat(PhoneFormat.format(null)).isEmpty();
        assertThat(PhoneFormat.format("  ")).isEmpty();
    }
}
