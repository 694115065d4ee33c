package org.clearline.failures;

/**
 * One situation told to one audience.
 *
 * @param title  a short headline
 * @param what   what happened
 * @param causes the likely causes
 * @param check  what to check first
 */
public record Explanation(String title, String what, String causes, String check) {}
