package org.clearline.store;

import java.util.Map;

/** Line features per account. Blocking JDBC. */
public interface LineSettingsStore {
    /** The account's settings, {@link LineSettings#DEFAULT} when it has none of its own. */
    LineSettings get(String sipId);

    /** Every account that has settings of its own. */
    Map<String, LineSettings> all();

    /** Creates or replaces the account's settings; the account must exist. */
    void put(String sipId, LineSettings settings);
}
