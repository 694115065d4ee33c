package org.clearline.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import javax.sql.DataSource;

/** Small JDBC helpers: queries, and write transactions that bump the store version. */
final class Jdbc {
    private final DataSource dataSource;

    Jdbc(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    DataSource dataSource() {
        return dataSource;
    }

    @FunctionalInterface
    interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    @FunctionalInterface
    interface RowMapper<T> {
        T map(ResultSet row) throws SQLException;
    }

    @FunctionalInterface
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    /** Runs work on a connection of a database, with its owner's one-line error handling. */
    @FunctionalInterface
    interface Runner {
        <T> T run(String what, boolean transaction, Work<T> work);
    }

    <T> List<T> query(String sql, Binder binder, RowMapper<T> mapper) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            binder.bind(s);
            try (ResultSet rows = s.executeQuery()) {
                List<T> result = new ArrayList<>();
                while (rows.next()) result.add(mapper.map(rows));
                return result;
            }
        } catch (SQLException e) {
            throw new StoreException("store query failed: " + ErrorText.describe(e), e);
        }
    }

    int update(String sql, Binder binder) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            binder.bind(s);
            return s.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("store update failed: " + ErrorText.describe(e), e);
        }
    }

    /**
     * Runs {@code work} in one transaction. When {@code work} reports a change
     * (returns true from {@code changed}), the store version is incremented in
     * the same transaction, so a reader never sees the change without the bump.
     */
    <T> T write(Work<T> work, Predicate<T> changed) {
        try (Connection c = dataSource.getConnection()) {
            return inTransaction(c, conn -> {
                T result = work.run(conn);
                if (changed.test(result)) bumpVersion(conn);
                return result;
            });
        } catch (SQLException e) {
            throw new StoreException("store write failed: " + ErrorText.describe(e), e);
        }
    }

    /** Runs {@code work} on {@code c} as one transaction: committed if it returns, rolled back if it throws. */
    static <T> T inTransaction(Connection c, Work<T> work) throws SQLException {
        c.setAutoCommit(false);
        try {
            T result = work.run(c);
            c.commit();
            return result;
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        }
    }

    static int execute(Connection c, String sql, Binder binder) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            binder.bind(s);
            return s.executeUpdate();
        }
    }

    static boolean exists(Connection c, String sql, Binder binder) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            binder.bind(s);
            try (ResultSet rows = s.executeQuery()) {
                return rows.next();
            }
        }
    }

    private static void bumpVersion(Connection c) throws SQLException {
        execute(c, "UPDATE store_version SET version = version + 1 WHERE id = 1", s -> {});
    }
}
