package org.clearline.analyzer;

import org.clearline.analyzer.capture.PcapReader;
import org.clearline.analyzer.capture.PcapngReader;

/** What a file is, told from its first bytes (never from its name). */
enum InputFormat {
    PCAP("pcap"), PCAPNG("pcapng"), GZIP("gzip"), TEXT("text log"), EMPTY("empty"), UNKNOWN("unknown");

    /** How many bytes are looked at. */
    static final int SAMPLE = 4096;
    /** Control characters allowed in a text sample (tabs, escapes of coloured logs...), per thousand. */
    private static final int MAX_CONTROL_PER_MILLE = 20;

    final String label;

    InputFormat(String label) {
        this.label = label;
    }

    static InputFormat of(byte[] head, int length) {
        if (length <= 0) return EMPTY;
        if (PcapReader.matches(head, length)) return PCAP;
        if (PcapngReader.matches(head, length)) return PCAPNG;
        if (length >= 2 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b) return GZIP;
        int control = 0;
        for (int i = 0; i < length; i++) {
            int b = head[i] & 0xff;
            if (b == 0) return UNKNOWN;
            if (b < 0x20 && b != '\n' && b != '\r' && b != '\t' && b != 0x1b && b != '\f') control++;
        }
        return control * 1000 <= length * MAX_CONTROL_PER_MILLE ? TEXT : UNKNOWN;
    }

    /** "50 4b 03 04": the first bytes, for a message about a file of unknown format. */
    static String firstBytes(byte[] head, int length) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < Math.min(length, 8); i++) {
            if (i > 0) sb.append(' ');
            sb.append(String.format("%02x", head[i] & 0xff));
        }
        return sb.toString();
    }
}
