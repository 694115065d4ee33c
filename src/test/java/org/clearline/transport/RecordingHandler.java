package org.clearline.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** Records what the transport hands up; optionally reacts (e.g. answers) on the I/O thread. */
final class RecordingHandler implements MessageHandler {
    final BlockingQueue<Inbound> messages = new LinkedBlockingQueue<>();
    final BlockingQueue<Malformed> malformed = new LinkedBlockingQueue<>();
    volatile Consumer<Inbound> onMessage = in -> {};
    volatile Consumer<Malformed> onMalformed = m -> {};

    @Override
    public void onMessage(Inbound inbound) {
        messages.add(inbound);
        onMessage.accept(inbound);
    }

    @Override
    public void onMalformed(Malformed m) {
        malformed.add(m);
        onMalformed.accept(m);
    }

    Inbound nextMessage() throws InterruptedException {
        Inbound in = messages.poll(5, TimeUnit.SECONDS);
        assertThat(in).as("a message within 5 s").isNotNull();
        return in;
    }

    Malformed nextMalformed() throws InterruptedException {
        Malformed m = malformed.poll(5, TimeUnit.SECONDS);
        assertThat(m).as("a malformed report within 5 s").isNotNull();
        return m;
    }
}
