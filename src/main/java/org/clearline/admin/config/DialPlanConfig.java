package org.clearline.admin.config;

/**
 * The {@code server.dialPlan} section: the context for turning dialled
 * national or local numbers into E.164.
 *
 * @param countryCode the E.164 country code without "+", e.g. "49"
 * @param areaCode    the national area code without trunk prefix, e.g. "30"
 */
public record DialPlanConfig(String countryCode, String areaCode) {
    public static final DialPlanConfig DEFAULT = new DialPlanConfig("49", "30");
}
