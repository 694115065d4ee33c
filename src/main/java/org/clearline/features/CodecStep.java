package org.clearline.features;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.clearline.core.LocalIdentity;
import org.clearline.core.directory.Directory;
import org.clearline.core.routing.Routing;
import org.clearline.failures.Situation;
import org.clearline.store.LineSettings;
import org.clearline.syntax.Header;
import org.clearline.syntax.HeaderNames;
import org.clearline.syntax.SipRequest;
import org.clearline.syntax.sdp.MediaDescription;
import org.clearline.syntax.sdp.Sdp;
import org.clearline.syntax.sdp.SdpError;
import org.clearline.syntax.sdp.SdpResult;
import org.clearline.syntax.sdp.SessionDescription;

/**
 * The line's media policy against the caller's SDP offer (RFC 4566, RFC 3264):
 * an offer with no allowed codec on any active audio stream, or without SRTP on a
 * line that requires it, gets 488 with a Warning 305 (§20.43) naming what was
 * missing. Media are never rewritten. An INVITE without an offer (offer in the
 * 2xx, §13.2.1) passes: the callee's phone enforces its own codecs then.
 */
public final class CodecStep implements RoutingStep {
    private final LocalIdentity identity;
    private final Directory directory;

    public CodecStep(LocalIdentity identity, Directory directory) {
        this.identity = identity;
        this.directory = directory;
    }

    @Override
    public Routing apply(CallState call) {
        LineSettings s = directory.lineSettings(call.callee().sipId());
        boolean needSrtp = s.srtp() == LineSettings.Srtp.REQUIRED;
        if (s.codecs().isEmpty() && !needSrtp) return null;
        SipRequest req = call.request().request();
        if (req.body().length == 0 || !"application/sdp".equals(req.contentType())) return null;
        SdpResult parsed = Sdp.parse(req.body());
        if (parsed instanceof SdpError e) {
            return reject(Situation.MEDIA_UNREADABLE, "399", "Unreadable session description: " + e.describe());
        }
        SessionDescription sdp = (SessionDescription) parsed;
        List<MediaDescription> audio = new ArrayList<>();
        for (MediaDescription m : sdp.activeMedia()) {
            if ("audio".equalsIgnoreCase(m.type())) audio.add(m);
        }
        if (needSrtp && audio.stream().noneMatch(MediaDescription::isSecure)) {
            return reject(Situation.MEDIA_SRTP_REQUIRED, "305", "Incompatible media format: this line requires SRTP");
        }
        if (s.codecs().isEmpty()) return null;
        Set<String> offered = new LinkedHashSet<>();
        for (MediaDescription m : audio) {
            for (String name : m.codecNames()) offered.add(name.toUpperCase(Locale.ROOT));
        }
        for (String allowed : s.codecs()) {
            if (offered.contains(allowed.toUpperCase(Locale.ROOT))) return null;
        }
        return reject(Situation.MEDIA_CODEC_NOT_ALLOWED, "305", "Incompatible media format: offered "
                + (offered.isEmpty() ? "no audio codec" : String.join(" ", offered)) + ", accepted "
                + String.join(" ", s.codecs()));
    }

    /** §20.43: warn-code SP warn-agent SP quoted warn-text. */
    private Routing reject(Situation s, String code, String text) {
        String quoted = text.replace("\\", "").replace("\"", "'");
        return new Routing.Reject(s, List.of(new Header(HeaderNames.WARNING,
                code + " " + identity.domain() + " \"" + quoted + "\"")));
    }
}
