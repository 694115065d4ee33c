package org.clearline.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RouteJsonTest {
    @Test
    void writesOneCompactObjectPerStepInOrder() {
        List<RouteStep> route = List.of(
                new RouteStep(RouteStep.Kind.FORWARD, "bob -> carol", "busy"),
                new RouteStep(RouteStep.Kind.CONTACT, "carol", "sip:carol@192.0.2.7:5062"));

        assertThat(RouteJson.encode(route)).isEqualTo("[{\"kind\":\"forward\",\"label\":\"bob -> carol\",\"detail\":\"busy\"},"
                + "{\"kind\":\"contact\",\"label\":\"carol\",\"detail\":\"sip:carol@192.0.2.7:5062\"}]");
    }

    @Test
    void quotesBackslashesControlCharactersAndNonAsciiSurviveTheRoundTrip() {
        List<RouteStep> route = List.of(new RouteStep(RouteStep.Kind.TRUNK, "trunk \"Zürich\" \\ main",
                "sip:+41441234567@gw.example.com;x=\u0001\ttab"));

        String json = RouteJson.encode(route);

        assertThat(json).contains("\\\"Zürich\\\"").contains("\\\\").contains("\\u0001").contains("\\t");
        assertThat(RouteJson.decode(json)).isEqualTo(route);
    }

    @Test
    void aMissingDetailIsStoredAsEmptyText() {
        String json = RouteJson.encode(List.of(new RouteStep(RouteStep.Kind.RELAY, "example.org", null)));

        assertThat(json).isEqualTo("[{\"kind\":\"relay\",\"label\":\"example.org\",\"detail\":\"\"}]");
        assertThat(RouteJson.decode(json)).containsExactly(new RouteStep(RouteStep.Kind.RELAY, "example.org", ""));
    }

    @Test
    void noRouteIsTheEmptyTextAndUnreadableTextIsNoRoute() {
        assertThat(RouteJson.encode(List.of())).isEmpty();
        assertThat(RouteJson.encode(null)).isEmpty();
        assertThat(RouteJson.decode("")).isEmpty();
        assertThat(RouteJson.decode("[{\"kind\":")).isEmpty();
        assertThat(RouteJson.decode("{\"kind\":\"forward\"}")).isEmpty();
    }
}
