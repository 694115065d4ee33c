package org.clearline.admin.web;

import java.util.function.LongSupplier;
import org.clearline.admin.server.SipStack;
import org.clearline.core.location.LocationService;
import org.clearline.features.ActiveCalls;
import org.clearline.store.AccountStore;
import org.clearline.store.CallLogStore;
import org.clearline.store.LineSettingsStore;
import org.clearline.store.NumberStore;
import org.clearline.time.Clock;

/**
 * What the dashboard reads: the store behind its narrow interfaces (the call log
 * only as {@link CallLogStore}, wherever it lives) and the stack's live tables.
 * Pages never write. Everything here is read on the listener's own threads, so
 * blocking store reads never touch a SIP I/O loop.
 *
 * @param callLogDropped call log entries dropped because the writer fell behind
 */
public record DashboardSources(AccountStore accounts, NumberStore numbers, LineSettingsStore lines,
                               CallLogStore callLog, LocationService location, ActiveCalls activeCalls, Clock clock,
                               LongSupplier callLogDropped) {

    public static DashboardSources of(SipStack stack) {
        return new DashboardSources(stack.store().accounts(), stack.store().numbers(), stack.store().lines(),
                stack.store().callLog(), stack.location(), stack.activeCalls(), stack.clock(), stack::callLogDropped);
    }

    long now() {
        return clock.epochMillis();
    }
}
