package org.clearline.failures;

import java.util.List;

/**
 * What a SIP status code means in general, and which situations of Clearline
 * end with it.
 *
 * @param code       the status code, 100..699
 * @param reason     the RFC's reason phrase (English, as it appears on the wire)
 * @param title      a short everyday name for the code, in the chosen language
 * @param meaning    what the code means in everyday words
 * @param check      the first things to check
 * @param situations the catalogue's situations that send this code, in catalogue order;
 *                   empty when Clearline only relays it or it is a normal step of a call
 */
public record CodeExplanation(int code, String reason, String title, String meaning, String check,
                              List<Situation> situations) {
    public CodeExplanation {
        situations = List.copyOf(situations);
    }
}
