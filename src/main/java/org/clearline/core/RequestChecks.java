package org.clearline.core;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.clearline.failures.FailureResponses;
import org.clearline.failures.Situation;
import org.clearline.syntax.HeaderNames;
import org.clearline.syntax.SipRequest;
import org.clearline.syntax.SipResponse;

/** Small checks and values shared by the registrar and the proxy core. */
public final class RequestChecks {
    /** Option tags we support as a registrar (RFC 3327 path). */
    public static final Set<String> SUPPORTED_REGISTRAR = Set.of("path");
    /** Option tags a proxy understands in Proxy-Require: none yet (§16.3 step 5). */
    public static final Set<String> SUPPORTED_PROXY = Set.of();

    private static final DateTimeFormatter RFC1123 =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private RequestChecks() {}

    /** A fresh To tag for a response we originate (§8.2.6.2, §19.3: at least 32 bits of randomness). */
    public static String toTag(SipRequest request) {
        if (request.to() != null && request.to().tag() != null) return null;
        return Long.toHexString(ThreadLocalRandom.current().nextLong() | 0x1000_0000_0000_0000L);
    }

    /**
     * The To tag of a response sent statelessly (§8.2.7): the same request always gets the
     * same tag (from its Call-ID, From tag, CSeq and top Via branch), so the answer to a
     * retransmission matches the first answer. Null when the request's To has a tag.
     */
    public static String statelessToTag(SipRequest request) {
        if (request.to() != null && request.to().tag() != null) return null;
        long h = hash(request.callId());
        h = h * 0x9E3779B97F4A7C15L + hash(request.from() == null ? null : request.from().tag());
        h = h * 0x9E3779B97F4A7C15L + (request.cseq() == null ? 0 : request.cseq().number());
        h = h * 0x9E3779B97F4A7C15L + hash(request.topVia() == null ? null : request.topVia().branch());
        // a 64-bit finaliser (MurmurHash3's fmix64) spreads the bits; the high bit keeps 16 digits
        h = (h ^ (h >>> 33)) * 0xff51afd7ed558ccdL;
        h = (h ^ (h >>> 33)) * 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return Long.toHexString(h | 0x1000_0000_0000_0000L);
    }

    private static long hash(String s) {
        return s == null ? 0 : s.hashCode();
    }

    /**
     * 420 Bad Extension listing, in Unsupported, every option tag of {@code header}
     * (Require or Proxy-Require) we do not support; null when all are supported.
     */
    public static SipResponse unsupportedOptions(SipRequest request, String header, Set<String> supported) {
        List<String> unknown = new ArrayList<>();
        for (String value : request.headerValues(header)) {
            for (String tag : value.split(",")) {
                String t = tag.strip();
                if (!t.isEmpty() && !supported.contains(t.toLowerCase(Locale.ROOT))) unknown.add(t);
            }
        }
        if (unknown.isEmpty()) return null;
        SipResponse r = FailureResponses.create(request, Situation.REQUEST_BAD_EXTENSION, toTag(request));
        r.setHeader(HeaderNames.UNSUPPORTED, String.join(", ", unknown));
        return r;
    }

    /** §8.2.2.3 for a UAS role (registrar, OPTIONS to us): Require. */
    public static SipResponse unsupportedRequire(SipRequest request, Set<String> supported) {
        return unsupportedOptions(request, HeaderNames.REQUIRE, supported);
    }

    /** An HTTP-date for the Date header (§20.17), always GMT. */
    public static String httpDate(long epochMillis) {
        return RFC1123.format(Instant.ofEpochMilli(epochMillis));
    }
}
