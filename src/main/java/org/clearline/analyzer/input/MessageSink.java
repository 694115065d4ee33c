package org.clearline.analyzer.input;

/** Where readers hand each SIP message they find, in the order the trace holds them. */
@FunctionalInterface
public interface MessageSink {
    void message(CapturedMessage message);
}
