package org.clearline.admin.config;

/**
 * The configuration cannot be used. The message is one line that names the key
 * and the problem: {@code config error: server.sip.port: must be 1..65535, got 70000}.
 */
public final class ConfigException extends Exception {
    private final String key;
    private final String problem;

    public ConfigException(String key, String problem) {
        super("config error: " + key + ": " + problem);
        this.key = key;
        this.problem = problem;
    }

    public ConfigException(String key, String problem, Throwable cause) {
        super("config error: " + key + ": " + problem, cause);
        this.key = key;
        this.problem = problem;
    }

    /** The dotted key ({@code accounts[2].numbers[0]}), or the file name for file-level problems. */
    public String key() {
        return key;
    }

    public String problem() {
        return problem;
    }
}
