package org.clearline.admin.config;

import java.util.List;

/** Reads and validates the {@code callLog} section. */
final class CallLogReader {
    private CallLogReader() {}

    static CallLogConfig read(ConfigNode root) throws ConfigException {
        ConfigNode log = root.section("callLog", List.of("enabled", "ladders", "retention"));
        CallLogConfig d = CallLogConfig.DEFAULT;
        boolean enabled = log.bool("enabled", d.enabled());
        String ladderText = log.text("ladders", d.ladders().key());
        CallLogConfig.Ladders ladders = CallLogConfig.Ladders.byKey(ladderText);
        if (ladders == null) {
            throw log.error("ladders", "must be all, failed or none, got \"" + ladderText + "\"");
        }
        ConfigNode retention = log.section("retention", List.of("days", "maxCalls", "maxRegistrations"));
        int days = retention.integer("days", d.retentionDays(), 1, CallLogConfig.MAX_RETENTION_DAYS);
        int maxCalls = retention.integer("maxCalls", d.maxCalls(), 1, Integer.MAX_VALUE);
        int maxRegistrations = retention.integer("maxRegistrations", d.maxRegistrations(), 1, Integer.MAX_VALUE);
        return new CallLogConfig(enabled, ladders, days, maxCalls, maxRegistrations);
    }
}
