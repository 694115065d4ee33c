package org.clearline.admin;

/**
 * An administration request that cannot be done as asked, raised by the
 * services the CLI and the REST API share. Each front end turns it into its own
 * answer: the CLI prints the message as one line, the API answers 400, 404 or
 * 409 with a JSON body naming {@link #field()}. The message is complete on its
 * own ("account 'zed' does not exist"), so neither front end has to add words.
 */
public final class Refusal extends RuntimeException {
    /** Why the request is refused; decides the API's status code. */
    public enum Kind {
        /** The input is malformed or out of range (400). */
        INVALID,
        /** What the request names does not exist (404). */
        NOT_FOUND,
        /** It clashes with what exists: a duplicate account, a number owned by another (409). */
        CONFLICT
    }

    private final Kind kind;
    private final String field;

    public Refusal(Kind kind, String field, String message) {
        super(message, null, false, false);
        this.kind = kind;
        this.field = field;
    }

    public static Refusal invalid(String field, String message) {
        return new Refusal(Kind.INVALID, field, message);
    }

    public static Refusal notFound(String field, String message) {
        return new Refusal(Kind.NOT_FOUND, field, message);
    }

    public static Refusal conflict(String field, String message) {
        return new Refusal(Kind.CONFLICT, field, message);
    }

    /** The same refusal about another field: a SIP ID checked as the {@code account} query parameter. */
    public Refusal about(String otherField) {
        return new Refusal(kind, otherField, getMessage());
    }

    public Kind kind() {
        return kind;
    }

    /** The input at fault, as the API names it ("sipId", "numbers[1]", "since"); null when none is. */
    public String field() {
        return field;
    }
}
