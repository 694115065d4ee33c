package org.clearline.features;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** Dialled numbers to E.164 for a domain in Berlin (+49 30). */
class DialPlanTest {
    private final DialPlan berlin = new DialPlan("49", "30");

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "+493012345001        | +493012345001",   // international with +
        "+14155550100         | +14155550100",    // another country
        "004930123450         | +4930123450",     // international prefix 00
        "0014155550100        | +14155550100",
        "03012345001          | +493012345001",   // national, trunk prefix 0
        "089123456            | +4989123456",     // another area code
        "12345001             | +493012345001",   // local: country and area added
        "7                    | +49307",
        "+49 (30) 123-450.01  | +493012345001",   // RFC 3966 visual separators and spaces
        "0 30 / 1234          | ",                // '/' is not a separator
        "030-1234-5001        | +493012345001",
    })
    void numbers_are_normalised(String dialed, String expected) {
        assertThat(berlin.normalise(dialed)).isEqualTo(expected);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", "-", "+", "++49301234", "00", "0", "bob", "12a45", "+49-30-1234x", "*21#",
        "+49301234#", "1234+5", "0x30"})
    void what_is_not_a_number_gives_null(String dialed) {
        assertThat(berlin.normalise(dialed)).isNull();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "+491701234567890     | +491701234567890",  // 15 digits: the longest E.164 number
        "00491701234567890    | +491701234567890",  // the same dialled with 00
        "017012345678901      | ",                  // would be 16 digits
        "01701234567890       | +491701234567890",  // national form of a 15-digit number
        "+4917012345678901    | ",                  // 16 digits
        "0049170123456789012  | ",
        "123456789012         | ",                  // local number that makes 16 digits
        "0001234              | ",                  // no country code starts with 0
    })
    void e164_numbers_have_at_most_15_digits(String dialed, String expected) {
        assertThat(berlin.normalise(dialed)).isEqualTo(expected);
    }

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
    void every_dialled_form_reaches_the_same_number(String dialed, String e164) {
        assertThat(berlin.normalise(dialed)).isEqualTo(e164);
    }

    @ParameterizedTest(name = "\"{0}\" is no number")
    @ValueSource(strings = {"", " ", "-", "+", "0", "00", "alice", "+49alice", "030-1234x", "*21#", "+49+30",
        "12 34 ab", "+1234567890123456", "0012345678901234567", "sip:+493012345001", "+49 30 12345001;ext=1"})
    void more_input_that_is_no_number_gives_null(String dialed) {
        assertThat(berlin.normalise(dialed)).isNull();
    }

    @ParameterizedTest(name = "{0} in another country and area -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
        5550100        | +12125550100
        02125550100    | +12125550100
        """)
    void the_domains_own_country_and_area_code_are_used(String dialed, String e164) {
        // a New York domain: country 1, area 212
        assertThat(new DialPlan("1", "212").normalise(dialed)).isEqualTo(e164);
    }

    @ParameterizedTest(name = "{0} grows beyond 15 digits")
    @ValueSource(strings = {"123456789012", "012345678901234", "12345678901234"})
    void a_local_or_national_number_beyond_15_digits_is_no_number(String dialed) {
        // E.164 (ITU-T E.164 §6): at most 15 digits once country and area code are in front
        assertThat(berlin.normalise(dialed)).isNull();
    }
}
