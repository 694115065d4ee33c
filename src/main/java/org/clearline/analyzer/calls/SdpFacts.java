package org.clearline.analyzer.calls;

import java.util.List;

/**
 * What a message's session description says, as far as the diagnosis asks.
 *
 * @param codecs    the real codecs of the active media, in order ("PCMU", "G722"); auxiliary ones left out
 * @param addresses the connection addresses (session and media {@code c=} lines), each once
 * @param problem   why the body could not be read as SDP, or null
 */
public record SdpFacts(List<String> codecs, List<String> addresses, String problem) {
    public SdpFacts {
        codecs = List.copyOf(codecs);
        addresses = List.copyOf(addresses);
    }
}
