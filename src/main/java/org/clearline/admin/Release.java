package org.clearline.admin;

/** The release this build is, as `clearline --version` and the REST API's status report it. */
public final class Release {
    public static final String VERSION = "0.1.0";

    private Release() {}
}
