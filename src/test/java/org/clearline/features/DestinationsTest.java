package org.clearline.features;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.clearline.store.LineSettings.Destination;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Outbound permissions class every E.164 number from the domain's point of view (Berlin, +49 30). */
class DestinationsTest {
    private final Destinations berlin = new Destinations("49", "30", List.of("+49900", "+49137", "+49180"));

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = '|', textBlock = """
        +493012345001   | LOCAL
        +4930           | LOCAL
        +4989123456     | NATIONAL
        +4940123456     | NATIONAL
        +49301          | LOCAL
        +12125550100    | INTERNATIONAL
        +4312345        | INTERNATIONAL
        +4           | INTERNATIONAL
        +49900123456    | PREMIUM
        +49137123       | PREMIUM
        +491801234567   | PREMIUM
        +4990012        | PREMIUM
        +4990112        | NATIONAL
        """)
    void classesEachNumber(String e164, Destination expected) {
        assertThat(berlin.classify(e164)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} is {1} with premium prefixes inside the area")
    @CsvSource(delimiter = '|', textBlock = """
        +4930900123     | PREMIUM
        +4930123        | LOCAL
        """)
    void premiumWinsOverLocal(String e164, Destination expected) {
        Destinations d = new Destinations("49", "30", List.of("+4930900"));
        assertThat(d.classify(e164)).isEqualTo(expected);
    }
}
