package org.clearline.syntax.sdp;

/**
 * RFC 3551 §6, Tables 4 and 5: the payload types 0-34 that mean an encoding
 * without any rtpmap. Reserved and unassigned numbers (1, 2, 19-24, 27, 29, 30)
 * mean nothing here: PT 2 was G721 in RFC 1890 but RFC 3551 withdrew it, so
 * G726-32 must come with an rtpmap.
 */
final class StaticPayloadTypes {
    static final int LAST_STATIC = 34;

    private static final RtpMap[] TABLE = new RtpMap[LAST_STATIC + 1];

    static {
        audio(0, "PCMU", 8000);
        audio(3, "GSM", 8000);
        audio(4, "G723", 8000);
        audio(5, "DVI4", 8000);
        audio(6, "DVI4", 16000);
        audio(7, "LPC", 8000);
        audio(8, "PCMA", 8000);
        // §4.5.2: G722's RTP clock rate is 8000 although it samples at 16000, kept for compatibility.
        audio(9, "G722", 8000);
        TABLE[10] = new RtpMap("10", "L16", 44100, 2);
        audio(11, "L16", 44100);
        audio(12, "QCELP", 8000);
        audio(13, "CN", 8000);
        audio(14, "MPA", 90000);
        audio(15, "G728", 8000);
        audio(16, "DVI4", 11025);
        audio(17, "DVI4", 22050);
        audio(18, "G729", 8000);
        video(25, "CelB");
        video(26, "JPEG");
        video(28, "nv");
        video(31, "H261");
        video(32, "MPV");
        video(33, "MP2T");
        video(34, "H263");
    }

    private StaticPayloadTypes() {}

    private static void audio(int pt, String name, int clockRate) {
        TABLE[pt] = new RtpMap(Integer.toString(pt), name, clockRate, 1);
    }

    private static void video(int pt, String name) {
        TABLE[pt] = new RtpMap(Integer.toString(pt), name, 90000, 1);
    }

    /** The static assignment of {@code payloadType}, or null when it has none. */
    static RtpMap lookup(String payloadType) {
        int pt = SdpText.smallNumber(payloadType, LAST_STATIC);
        return pt < 0 ? null : TABLE[pt];
    }
}
