package org.clearline.interop.harness;

import java.nio.file.Path;

/**
 * What a SIPp run left: its exit code (0 = all calls succeeded), the message
 * trace, the unexpected-message log and its screen output.
 */
public record SippResult(int exitCode, Path dir, SippTrace trace, String errors, String screen) {

    public boolean succeeded() {
        return exitCode == 0;
    }

    /** A description for assertion messages: where the files are, the errors, the message flow. */
    public String diagnostics() {
        String screenTail = screen.length() > 4000 ? screen.substring(screen.length() - 4000) : screen;
        String flow = trace.summary();
        if (flow.length() > 6000) flow = flow.substring(0, 6000) + "\n...";
        return "SIPp exit " + exitCode + " (files in " + dir + ")\n--- errors.log ---\n" + errors
                + "\n--- messages ---\n" + flow + "\n--- screen (tail) ---\n" + screenTail;
    }
}
