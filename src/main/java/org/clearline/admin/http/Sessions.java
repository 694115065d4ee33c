package org.clearline.admin.http;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.clearline.time.Clock;

/**
 * Dashboard log-in sessions, kept in memory: a restart logs everybody out,
 * which is acceptable for an administration page and keeps no secret on disk.
 * Also slows down password guessing per source address.
 */
public final class Sessions {
    /** A session ends after this much inactivity. */
    static final long IDLE_MILLIS = 8 * 3600_000L;
    /** Failed log-ins per address within {@link #FAILURE_WINDOW_MILLIS} before refusing for that window. */
    static final int MAX_FAILURES = 10;
    static final long FAILURE_WINDOW_MILLIS = 5 * 60_000L;
    /** Bounds of the in-memory tables, so a flood of log-ins cannot fill the heap. */
    static final int MAX_SESSIONS = 10_000;
    static final int MAX_TRACKED_SOURCES = 10_000;

    private record Session(String user, long lastSeen) {}

    private record Failures(int count, long windowStart) {}

    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final Map<String, Failures> failures = new ConcurrentHashMap<>();

    public Sessions(Clock clock) {
        this.clock = clock;
    }

    /** A new session for {@code user}; returns its id (the cookie value). */
    public String open(String user) {
        long now = clock.epochMillis();
        if (sessions.size() >= MAX_SESSIONS) sweep(now);
        if (sessions.size() >= MAX_SESSIONS) sessions.clear();  // still full: every session is young; start over
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        String id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        sessions.put(id, new Session(user, now));
        return id;
    }

    /** The user of a live session, refreshing it; null when unknown or expired. */
    public String user(String id) {
        if (id == null) return null;
        long now = clock.epochMillis();
        Session s = sessions.get(id);
        if (s == null) return null;
        if (now - s.lastSeen() > IDLE_MILLIS) {
            sessions.remove(id, s);
            return null;
        }
        sessions.replace(id, s, new Session(s.user(), now));
        return s.user();
    }

    public void close(String id) {
        if (id != null) sessions.remove(id);
    }

    /** True while {@code source} has failed too often recently; it must wait for the window to pass. */
    public boolean throttled(String source) {
        Failures f = failures.get(source);
        return f != null && f.count() >= MAX_FAILURES && clock.epochMillis() - f.windowStart() < FAILURE_WINDOW_MILLIS;
    }

    public void failed(String source) {
        long now = clock.epochMillis();
        if (failures.size() >= MAX_TRACKED_SOURCES) failures.values().removeIf(f -> now - f.windowStart() >= FAILURE_WINDOW_MILLIS);
        failures.compute(source, (k, f) -> f == null || now - f.windowStart() >= FAILURE_WINDOW_MILLIS
                ? new Failures(1, now) : new Failures(f.count() + 1, f.windowStart()));
    }

    public void succeeded(String source) {
        failures.remove(source);
    }

    /** Housekeeping: drops expired sessions and old failure windows. */
    public void sweep(long now) {
        sessions.values().removeIf(s -> now - s.lastSeen() > IDLE_MILLIS);
        failures.values().removeIf(f -> now - f.windowStart() >= FAILURE_WINDOW_MILLIS);
    }

    int size() {
        return sessions.size();
    }
}
