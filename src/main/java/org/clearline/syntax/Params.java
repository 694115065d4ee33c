package org.clearline.syntax;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * An ordered list of {@code ;name[=value]} parameters (URI, Via, name-addr
 * header params). Names compare case-insensitively (§19.1.4, §20); values are
 * kept exactly as written (quoted strings keep their quotes). Immutable.
 */
public final class Params {
    public static final Params EMPTY = new Params(List.of());

    /** One parameter; {@code value} is null for a flag such as {@code ;lr}. */
    public record Param(String name, String value) {}

    private final List<Param> list;

    private Params(List<Param> list) {
        this.list = list;
    }

    public static Params of(List<Param> params) {
        return params.isEmpty() ? EMPTY : new Params(List.copyOf(params));
    }

    /** Takes ownership of a list the caller will not touch again (parsers; avoids a copy). */
    static Params wrap(List<Param> owned) {
        return owned.isEmpty() ? EMPTY : new Params(owned);
    }

    public List<Param> list() {
        return Collections.unmodifiableList(list);
    }

    public boolean isEmpty() {
        return list.isEmpty();
    }

    public boolean has(String name) {
        for (Param p : list) {
            if (p.name.equalsIgnoreCase(name)) return true;
        }
        return false;
    }

    /** Value of the parameter, "" for a flag, null when absent. */
    public String get(String name) {
        for (Param p : list) {
            if (p.name.equalsIgnoreCase(name)) return p.value == null ? "" : p.value;
        }
        return null;
    }

    /** Copy with {@code name} set (replacing an existing one in place, else appended). */
    public Params with(String name, String value) {
        List<Param> copy = new ArrayList<>(list.size() + 1);
        boolean replaced = false;
        for (Param p : list) {
            if (!replaced && p.name.equalsIgnoreCase(name)) {
                copy.add(new Param(p.name, value));
                replaced = true;
            } else {
                copy.add(p);
            }
        }
        if (!replaced) copy.add(new Param(name, value));
        return new Params(copy);
    }

    public Params without(String name) {
        if (!has(name)) return this;
        List<Param> copy = new ArrayList<>(list.size());
        for (Param p : list) {
            if (!p.name.equalsIgnoreCase(name)) copy.add(p);
        }
        return of(copy);
    }

    /** Appends {@code ;a=b;c} to {@code out}. */
    public void appendTo(StringBuilder out) {
        for (Param p : list) {
            out.append(';').append(p.name);
            if (p.value != null) out.append('=').append(p.value);
        }
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        appendTo(sb);
        return sb.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Params other && list.equals(other.list);
    }

    @Override
    public int hashCode() {
        return list.hashCode();
    }
}
