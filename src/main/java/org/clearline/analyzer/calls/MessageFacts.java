package org.clearline.analyzer.calls;

import java.util.List;

/**
 * The few facts of a message the diagnosis needs, taken when the message is
 * read so the parsed message itself need not be kept.
 *
 * @param requestUri  the Request-URI of a request, else null
 * @param from        the From address (URI as written), or null
 * @param to          the To address, or null
 * @param authUser    the username of Authorization or Proxy-Authorization, or null when the request has none
 * @param staleChallenge a 401/407 whose challenge says stale=true (RFC 2617 §3.2.1)
 * @param vias        the sent-by of every Via, top first
 * @param viaReceived the top Via's received parameter (§18.2.1), or null
 * @param contacts    the Contact URIs, in order
 * @param sdp         the session description, or null when there is none
 * @param warning     the Warning header value (§20.43), or null
 * @param retryAfter  the message has Retry-After (§20.33)
 */
public record MessageFacts(String requestUri, String from, String to, String authUser, boolean staleChallenge,
                           List<String> vias, String viaReceived, List<String> contacts, SdpFacts sdp,
                           String warning, boolean retryAfter) {
    public MessageFacts {
        vias = List.copyOf(vias);
        contacts = List.copyOf(contacts);
    }
}
