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
}
