package org.clearline.admin.cli;

/** How long until a binding lapses, for people. */
final class Expiry {
    private Expiry() {}

    static String in(long expiresAtMillis, long nowMillis) {
        long seconds = (expiresAtMillis - nowMillis) / 1000;
        if (seconds <= 0) return "expired";
        if (seconds < 60) return "in " + seconds + "s";
        if (seconds < 3600) return "in " + seconds / 60 + "m" + String.format("%02ds", seconds % 60);
        return "in " + seconds / 3600 + "h" + String.format("%02dm", seconds / 60 % 60);
    }
}
