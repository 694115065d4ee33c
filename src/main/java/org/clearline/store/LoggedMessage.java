package org.clearline.store;

/** One message of a logged call as it went over the wire: the ladder's arrow. */
public record LoggedMessage(long atMillis, Direction direction, String peer, String startLine, String text) {
    public enum Direction {
        IN, OUT;

        public String key() {
            return this == IN ? "in" : "out";
        }

        public static Direction byKey(String key) {
            return "in".equals(key) ? IN : OUT;
        }
    }
}
