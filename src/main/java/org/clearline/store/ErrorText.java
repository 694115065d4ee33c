package org.clearline.store;

/** Turns low-level exceptions into the short texts our one-line messages end with. */
final class ErrorText {
    private ErrorText() {}

    /** The innermost cause's message, first line only, without H2's "[code-version]" tail. */
    static String describe(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) root = root.getCause();
        String message = root.getMessage();
        if (message == null || message.isBlank()) return root.getClass().getSimpleName();
        String line = message.strip().lines().findFirst().orElse(message);
        int code = line.lastIndexOf(" [");
        if (code > 0 && line.endsWith("]")) line = line.substring(0, code);
        return line;
    }
}
