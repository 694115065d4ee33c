package org.clearline.store;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Hands out connections only once {@link #open()} was called, so a test can
 * hold the registration writer still while it queues work: what piles up in
 * the meantime must then go out in one commit.
 */
final class GatedDataSource implements DataSource {
    private final DataSource delegate;
    private final CountDownLatch gate = new CountDownLatch(1);
    private final CountDownLatch waiting = new CountDownLatch(1);

    GatedDataSource(DataSource delegate) {
        this.delegate = delegate;
    }

    void open() {
        gate.countDown();
    }

    /** Blocks until some thread is held at the gate. */
    void awaitWaiter() throws InterruptedException {
        if (!waiting.await(30, TimeUnit.SECONDS)) throw new AssertionError("nobody asked for a connection");
    }

    @Override
    public Connection getConnection() throws SQLException {
        waiting.countDown();
        try {
            if (!gate.await(30, TimeUnit.SECONDS)) throw new SQLException("gate never opened");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted at the gate", e);
        }
        return delegate.getConnection();
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return delegate.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        delegate.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        delegate.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return delegate.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return delegate.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        return delegate.unwrap(iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) throws SQLException {
        return delegate.isWrapperFor(iface);
    }
}
