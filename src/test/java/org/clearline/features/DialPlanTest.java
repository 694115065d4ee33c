package org.clearline.features;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every way a Berlin caller dials a number ends in the same E.164 form (issue 4, "Numbers and dial plan"). */
class DialPlanTest {
    private final DialPlan berlin = new DialPlan("49", "30");

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
        +493012345001        | +493012345001
        00493012345001       | +493012345001
        03012345001          | +493012345001
        12345001             | +493012345001
        +4989123456          | +4989123456
        004989123456         | +4989123456
        089123456            | +4989123456
        +12125550100         | +12125550100
        0012125550100        | +12125550100
        +49-30-12345001      | +493012345001
        +49.30.123.450.01    | +493012345001
        (030) 12345001       | +493012345001
        030 1234 5001        | +493012345001
        1                    | +49301
        +123456789012345     | +123456789012345
        00123456789012345    | +123456789012345
        """)
    void normalisesEveryDialledForm(String dialed, String e164) {
        assertThat(berlin.normalise(dialed)).isEqualTo(e164);
    }

    @ParameterizedTest(name = "\"{0}\" is no number")
    @ValueSource(strings = {"", " ", "-", "+", "0", "00", "alice", "+49alice", "030-1234x", "*21#", "+49+30",
        "12 34 ab", "+1234567890123456", "0012345678901234567", "sip:+493012345001", "+49 30 12345001;ext=1"})
    void refusesWhatIsNotATelephoneNumber(String dialed) {
        assertThat(berlin.normalise(dialed)).isNull();
    }

    @ParameterizedTest
    @NullSource
    void nullIsNoNumber(String dialed) {
        assertThat(berlin.normalise(dialed)).isNull();
    }

    @ParameterizedTest(name = "{0} in another country and area -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
        5550100        | +12125550100
        02125550100    | +12125550100
        """)
    void usesTheDomainsOwnCountryAndAreaCode(String dialed, String e164) {
        // a New York domain: country 1, area 212
        assertThat(new DialPlan("1", "212").normalise(dialed)).isEqualTo(e164);
    }

    @ParameterizedTest(name = "{0} grows beyond 15 digits")
    @ValueSource(strings = {"123456789012", "012345678901234", "12345678901234"})
    void aNumberThatWouldExceedFifteenDigitsIsNoNumber(String dialed) {
        // E.164 (ITU-T E.164 §6): at most 15 digits once country and area code are in front
        assertThat(berlin.normalise(dialed)).isNull();
    }
}
