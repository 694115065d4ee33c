package org.clearline.syntax.sdp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;

/** Raw SDP bodies under src/test/resources/org/clearline/syntax/sdp and the SDP in the SIP torture corpora. */
final class Fixtures {
    static final List<String> ALL = List.of("baresip-offer.sdp", "sipp-offer.sdp", "g722-only.sdp", "srtp-sdes.sdp",
            "audio-video.sdp", "disabled-video.sdp", "static-types.sdp", "dtls-webrtc.sdp", "t38-fax.sdp",
            "rfc4566-example.sdp");

    private Fixtures() {}

    static byte[] bytes(String name) {
        return resource(name);
    }

    /** The body of a SIP message in the corpora (bytes after the blank line). */
    static byte[] sipBody(String corpus, String file) {
        byte[] b = resource("/corpora/" + corpus + "/" + file);
        for (int i = 0; i + 3 < b.length; i++) {
            if (b[i] == '\r' && b[i + 1] == '\n' && b[i + 2] == '\r' && b[i + 3] == '\n') {
                return Arrays.copyOfRange(b, i + 4, b.length);
            }
        }
        throw new IllegalStateException("no body in " + file);
    }

    static SessionDescription parsed(String name) {
        return parsed(bytes(name));
    }

    static SessionDescription parsed(byte[] body) {
        SdpResult r = Sdp.parse(body);
        assertThat(r).as("parse result").isInstanceOf(SessionDescription.class);
        return (SessionDescription) r;
    }

    static SdpError error(String body) {
        SdpResult r = Sdp.parse(body);
        assertThat(r).as("parse result of %s", body).isInstanceOf(SdpError.class);
        return (SdpError) r;
    }

    private static byte[] resource(String path) {
        try (InputStream in = Fixtures.class.getResourceAsStream(path)) {
            if (in == null) throw new IllegalStateException("missing test resource " + path);
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
