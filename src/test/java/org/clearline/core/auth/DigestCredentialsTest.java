package org.clearline.core.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Parsing Authorization / Proxy-Authorization values (§25.1 credentials, RFC 2617 §3.2.2): never throws. */
class DigestCredentialsTest {

    @Test
    void a_full_credential_is_read_with_quotes_removed() {
        DigestCredentials c = DigestCredentials.parse("Digest username=\"bob\", realm=\"biloxi.com\", "
                + "nonce=\"dcd98b7102dd2f0e8b11d0f600bfb0c093\", uri=\"sip:bob@biloxi.com\", qop=auth, nc=00000001, "
                + "cnonce=\"0a4f113b\", response=\"6629fae49393a05397450978507c4ef1\", opaque=\"5ccc069c403ebaf9f0171e9517f40e41\", "
                + "algorithm=MD5");
        assertThat(c).isEqualTo(new DigestCredentials("bob", "biloxi.com", "dcd98b7102dd2f0e8b11d0f600bfb0c093",
                "sip:bob@biloxi.com", "6629fae49393a05397450978507c4ef1", "MD5", "0a4f113b", "auth", "00000001",
                "5ccc069c403ebaf9f0171e9517f40e41"));
    }

    @Test
    void scheme_and_parameter_names_are_case_insensitive_and_white_space_is_allowed_around_equals() {
        DigestCredentials c = DigestCredentials.parse("digest USERNAME = \"bob\" ,Realm\t=\t\"r\",\tnonce=\"n\", "
                + "uri=\"sip:r\", response=\"x\"");
        assertThat(c).isNotNull();
        assertThat(c.username()).isEqualTo("bob");
        assertThat(c.realm()).isEqualTo("r");
        assertThat(c.algorithm()).isNull();
    }

    @Test
    void escapes_inside_quoted_strings_are_undone() {
        DigestCredentials c = DigestCredentials.parse("Digest username=\"a\\\"b\\\\c\", realm=\"r, with comma\", "
                + "nonce=\"n\", uri=\"sip:r\", response=\"x\"");
        assertThat(c.username()).isEqualTo("a\"b\\c");
        assertThat(c.realm()).isEqualTo("r, with comma");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Digest", "Digest ", "Basic dXNlcjpwYXNz", "Digestusername=\"a\"",
        "Digest username=\"a\", realm=\"r\", nonce=\"n\", uri=\"sip:r\"",            // no response
        "Digest realm=\"r\", nonce=\"n\", uri=\"sip:r\", response=\"x\"",            // no username
        "Digest username=\"a, realm=\"r\", nonce=\"n\", uri=\"sip:r\", response=\"x", // unclosed quote
        "Digest username, realm=\"r\"", "Digest =\"a\"", "Digest username=\"a\" realm"})
    void anything_else_is_null_not_an_exception(String value) {
        assertThat(DigestCredentials.parse(value)).isNull();
    }

    @Test
    void null_is_null() {
        assertThat(DigestCredentials.parse(null)).isNull();
    }
}
