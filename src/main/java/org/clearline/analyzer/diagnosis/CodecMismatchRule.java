package org.clearline.analyzer.diagnosis;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.clearline.analyzer.calls.SdpFacts;
import org.clearline.analyzer.calls.TraceMessage;

/**
 * 488 Not Acceptable Here to an INVITE (§21.4.26): the codecs the offer listed
 * beside the ones the other side accepts, from the session description a 488
 * may carry (§21.4.26: "the response MAY contain a message body describing the
 * media capabilities") or from its Warning (§20.43).
 */
final class CodecMismatchRule implements FindingRule {
    /** Clearline's own Warning says "offered A B, accepted C D". */
    private static final Pattern ACCEPTED = Pattern.compile("accepted ([^\"]+)");

    @Override
    public void examine(CallView call, List<Finding> out) {
        for (Transaction t : call.transactions("INVITE")) {
            TraceMessage fin = t.finalResponse();
            if (fin == null || fin.status() != 488) continue;
            TraceMessage req = t.request();
            SdpFacts offer = req == null ? null : req.facts().sdp();
            Map<String, String> facts = new LinkedHashMap<>();
            facts.put("offered", offer == null ? "-" : offer.problem() != null ? "(unreadable: " + offer.problem() + ")"
                    : offer.codecs().isEmpty() ? "-" : String.join(", ", offer.codecs()));
            SdpFacts answer = fin.facts().sdp();
            String warning = fin.facts().warning();
            if (answer != null && !answer.codecs().isEmpty()) {
                facts.put("accepted", String.join(", ", answer.codecs()));
            } else if (warning != null) {
                Matcher m = ACCEPTED.matcher(warning);
                if (m.find()) facts.put("accepted", m.group(1).strip().replace(' ', ',').replace(",", ", "));
            }
            if (warning != null) facts.put("warning", warning);
            out.add(new Finding(FindingKind.CODEC_MISMATCH, SituationMatcher.media(req, fin), facts));
            return;
        }
    }
}
