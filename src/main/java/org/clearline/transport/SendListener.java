package org.clearline.transport;

/** Told when a message could not be handed to the network (§18.4: connection refused, unreachable, ...). */
@FunctionalInterface
public interface SendListener {
    SendListener IGNORE = cause -> {};

    void onFailure(Throwable cause);
}
