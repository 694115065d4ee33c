package org.clearline.analyzer.textlog;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.clearline.analyzer.input.Endpoint;

/**
 * What the lines before a message say about it: when it was seen, who sent it
 * to whom, over which transport. Each log format writes this differently; the
 * recognisers below know the common ones, and any other line that holds a time
 * stamp or an "address -> address" pair contributes what it shows.
 */
final class LogContext {
    /** SIPp -trace_msg: "----...---- 2024-01-10 10:00:00.123456" (may follow a note on the same line). */
    private static final Pattern SIPP_SEPARATOR = Pattern.compile("-{20,}\\s+(\\d{4}-\\d{2}-\\d{2}[ \\t]\\S+)\\s*$");
    /** SIPp -trace_msg: "UDP message sent (540 bytes):", "TCP message received [341] bytes :". */
    private static final Pattern SIPP_HEAD = Pattern.compile("^(UDP|TCP|TLS|SCTP|WS|WSS) message (sent|received)\\b");
    /** sngrep "save as txt": "2024/01/10 10:00:00.123456 10.0.0.1:5060 -> 10.0.0.2:5060". */
    private static final Pattern SNGREP = Pattern.compile(
            "^(\\d{4}/\\d{2}/\\d{2} \\d{2}:\\d{2}:\\d{2}(?:\\.\\d+)?) (\\S+) -> (\\S+)\\s*$");
    /** Kamailio sipdump: a block of "key: value" lines between these rules, then the message. */
    private static final Pattern SIPDUMP_START = Pattern.compile("^={20,}\\s*$");
    private static final Pattern SIPDUMP_FIELD = Pattern.compile("^(tag|pid|process|time|date|proto|srcip|srcport|dstip|dstport): ?(.*)$");
    private static final Pattern SIPDUMP_MESSAGE = Pattern.compile("^~{20,}\\s*$");
    private static final Pattern SIPDUMP_END = Pattern.compile("^\\|{20,}\\s*$");
    /** Asterisk res_pjsip_logger: "<--- Received SIP request (912 bytes) from UDP:10.0.0.1:5060 --->". */
    private static final Pattern PJSIP = Pattern.compile(
            "<--- (Received|Transmitting) SIP (?:request|response) \\(\\d+ bytes\\) (?:from|to) ([A-Za-z0-9]+):(\\S+) --->");
    /** Asterisk chan_sip: "<--- SIP read from UDP:10.0.0.1:5060 --->". */
    private static final Pattern CHAN_SIP_READ = Pattern.compile("<--- SIP read from ([A-Za-z0-9]+):(\\S+) --->");
    /** Asterisk chan_sip: "<--- Transmitting (NAT) to 10.0.0.1:5060 --->", "<--- Reliably Transmitting ...". */
    private static final Pattern CHAN_SIP_SEND = Pattern.compile("<--- (?:Reliably )?Transmitting (?:\\([^)]*\\) )?to (\\S+) --->");
    /** Any "192.0.2.1:5060 -> 198.51.100.2:5060" (or "-->", with [v6] addresses). */
    private static final Pattern ARROW = Pattern.compile(
            "(\\[[0-9A-Fa-f:.]+\\]:\\d{1,5}|\\d{1,3}(?:\\.\\d{1,3}){3}:\\d{1,5})\\s*-+>\\s*"
                    + "(\\[[0-9A-Fa-f:.]+\\]:\\d{1,5}|\\d{1,3}(?:\\.\\d{1,3}){3}:\\d{1,5})");

    long micros = -1;
    Endpoint source;
    Endpoint destination;
    String transport;
    private boolean inSipdumpBlock;
    private String sipdumpSrcIp;
    private String sipdumpDstIp;
    private int sipdumpSrcPort = -1;
    private int sipdumpDstPort = -1;

    /** True when {@code line} ends a message in progress: a format's separator or header line. */
    static boolean endsMessage(String line) {
        return SIPDUMP_END.matcher(line).matches() || SIPDUMP_START.matcher(line).matches()
                || SIPP_SEPARATOR.matcher(line).find() || SNGREP.matcher(line).matches() || line.contains("<--- ");
    }

    /** Takes what a line outside a message says. */
    void consider(String line) {
        Matcher m;
        if (SIPDUMP_START.matcher(line).matches()) {
            reset();
            inSipdumpBlock = true;
            return;
        }
        if (inSipdumpBlock) {
            if (SIPDUMP_MESSAGE.matcher(line).matches()) {
                inSipdumpBlock = false;
                if (sipdumpSrcIp != null) source = new Endpoint(sipdumpSrcIp, sipdumpSrcPort);
                if (sipdumpDstIp != null) destination = new Endpoint(sipdumpDstIp, sipdumpDstPort);
            } else if ((m = SIPDUMP_FIELD.matcher(line)).matches()) {
                sipdumpField(m.group(1), m.group(2).strip());
            }
            return;
        }
        if ((m = SIPP_SEPARATOR.matcher(line)).find()) {
            reset();
            micros = LogTimes.find(m.group(1));
            return;
        }
        if ((m = SIPP_HEAD.matcher(line)).find()) {
            transport = m.group(1);
            boolean sent = m.group(2).equals("sent");
            source = sent ? Endpoint.LOCAL : Endpoint.REMOTE;
            destination = sent ? Endpoint.REMOTE : Endpoint.LOCAL;
            return;
        }
        if ((m = SNGREP.matcher(line)).matches()) {
            reset();
            micros = LogTimes.find(m.group(1));
            source = Endpoint.parse(m.group(2));
            destination = Endpoint.parse(m.group(3));
            return;
        }
        if ((m = PJSIP.matcher(line)).find()) {
            stampOf(line);
            transport = m.group(2).toUpperCase(Locale.ROOT);
            boolean received = m.group(1).equals("Received");
            Endpoint peer = Endpoint.parse(m.group(3));
            source = received ? peer : Endpoint.LOCAL;
            destination = received ? Endpoint.LOCAL : peer;
            return;
        }
        if ((m = CHAN_SIP_READ.matcher(line)).find()) {
            stampOf(line);
            transport = m.group(1).toUpperCase(Locale.ROOT);
            source = Endpoint.parse(m.group(2));
            destination = Endpoint.LOCAL;
            return;
        }
        if ((m = CHAN_SIP_SEND.matcher(line)).find()) {
            stampOf(line);
            source = Endpoint.LOCAL;
            destination = Endpoint.parse(m.group(1));
            return;
        }
        if ((m = ARROW.matcher(line)).find()) {
            source = Endpoint.parse(m.group(1));
            destination = Endpoint.parse(m.group(2));
        }
        long t = LogTimes.find(line);
        if (t >= 0) micros = t;
    }

    private void stampOf(String line) {
        long t = LogTimes.find(line);
        if (t >= 0) micros = t;
    }

    private void sipdumpField(String key, String value) {
        switch (key) {
            case "time" -> micros = LogTimes.epoch(value);
            case "proto" -> transport = value.isEmpty() ? null : value.split(" ")[0].toUpperCase(Locale.ROOT);
            case "srcip" -> sipdumpSrcIp = value;
            case "dstip" -> sipdumpDstIp = value;
            case "srcport" -> sipdumpSrcPort = port(value);
            case "dstport" -> sipdumpDstPort = port(value);
            default -> { }
        }
    }

    private static int port(String value) {
        try {
            int p = Integer.parseInt(value);
            return p >= 0 && p <= 65535 ? p : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** Forgets everything: each message's context is its own. */
    void reset() {
        micros = -1;
        source = null;
        destination = null;
        transport = null;
        inSipdumpBlock = false;
        sipdumpSrcIp = null;
        sipdumpDstIp = null;
        sipdumpSrcPort = -1;
        sipdumpDstPort = -1;
    }
}
