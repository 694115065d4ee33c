package org.clearline.features;

import java.util.List;
import org.clearline.store.LineSettings.Destination;

/** Classifies an E.164 number for outbound permissions (local, national, international, premium). */
public final class Destinations {
    private final String countryPrefix;
    private final String areaPrefix;
    private final List<String> premiumPrefixes;

    /**
     * @param countryCode     e.g. "49"
     * @param areaCode        e.g. "30"
     * @param premiumPrefixes E.164 prefixes of premium-rate services, e.g. "+49900"
     */
    public Destinations(String countryCode, String areaCode, List<String> premiumPrefixes) {
        this.countryPrefix = "+" + countryCode;
        this.areaPrefix = "+" + countryCode + areaCode;
        this.premiumPrefixes = List.copyOf(premiumPrefixes);
    }

    public Destination classify(String e164) {
        for (String p : premiumPrefixes) {
            if (e164.startsWith(p)) return Destination.PREMIUM;
        }
        if (e164.startsWith(areaPrefix)) return Destination.LOCAL;
        if (e164.startsWith(countryPrefix)) return Destination.NATIONAL;
        return Destination.INTERNATIONAL;
    }
}
