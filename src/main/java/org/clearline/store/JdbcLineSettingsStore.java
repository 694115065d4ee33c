package org.clearline.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@link LineSettingsStore} on the H2 database: one JSON document per account.
 * Unknown JSON fields are ignored so an older server can read a newer document.
 */
public final class JdbcLineSettingsStore implements LineSettingsStore {
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private final Jdbc jdbc;

    JdbcLineSettingsStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public LineSettings get(String sipId) {
        return jdbc.query("SELECT settings FROM line_settings WHERE sip_id = ?", s -> s.setString(1, sipId),
                rows -> decode(sipId, rows.getString(1))).stream().findFirst().orElse(LineSettings.DEFAULT);
    }

    @Override
    public Map<String, LineSettings> all() {
        Map<String, LineSettings> out = new LinkedHashMap<>();
        jdbc.query("SELECT sip_id, settings FROM line_settings ORDER BY sip_id", s -> {},
                rows -> out.put(rows.getString(1), decode(rows.getString(1), rows.getString(2))));
        return out;
    }

    @Override
    public void put(String sipId, LineSettings settings) {
        String json = encode(settings);
        jdbc.write(c -> {
            if (!Jdbc.exists(c, "SELECT 1 FROM account WHERE sip_id = ?", s -> s.setString(1, sipId))) {
                throw new StoreException("account '" + sipId + "' does not exist");
            }
            return Jdbc.execute(c, "MERGE INTO line_settings (sip_id, settings) KEY (sip_id) VALUES (?, ?)", s -> {
                s.setString(1, sipId);
                s.setString(2, json);
            });
        }, rows -> true);
    }

    static String encode(LineSettings settings) {
        try {
            return JSON.writeValueAsString(settings);
        } catch (JsonProcessingException e) {
            throw new StoreException("line settings cannot be written: " + e.getOriginalMessage(), e);
        }
    }

    static LineSettings decode(String sipId, String json) {
        try {
            return JSON.readValue(json, LineSettings.class);
        } catch (JsonProcessingException e) {
            throw new StoreException("line settings of '" + sipId + "' are unreadable: " + e.getOriginalMessage(), e);
        }
    }
}
