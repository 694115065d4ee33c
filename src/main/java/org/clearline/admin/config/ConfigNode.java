package org.clearline.admin.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * One mapping of the YAML tree together with its dotted key, so every error
 * names the exact key it is about. Reading is strict: unknown keys are errors
 * (a typo must not silently fall back to a default), and text fields must be
 * strings, because YAML turns an unquoted {@code +4930...} or {@code 030}
 * into a number and loses the digits that matter.
 */
final class ConfigNode {
    private final JsonNode node;
    private final String path;

    private ConfigNode(JsonNode node, String path) {
        this.node = node;
        this.path = path;
    }

    /** The document root; an empty document reads as an empty mapping. */
    static ConfigNode root(JsonNode document, List<String> knownKeys) throws ConfigException {
        JsonNode node = document == null || document.isMissingNode() || document.isNull()
                ? JsonNodeFactory.instance.objectNode() : document;
        if (!node.isObject()) throw new ConfigException("(top level)", "must be a mapping with server and accounts");
        ConfigNode root = new ConfigNode(node, "");
        root.rejectUnknown(knownKeys);
        return root;
    }

    String key(String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    ConfigException error(String name, String problem) {
        return new ConfigException(key(name), problem);
    }

    /** A nested mapping; absent or null reads as an empty one (all defaults). */
    ConfigNode section(String name, List<String> knownKeys) throws ConfigException {
        JsonNode child = node.get(name);
        if (child == null || child.isNull()) child = JsonNodeFactory.instance.objectNode();
        if (!child.isObject()) throw error(name, "must be a mapping (key: value lines), got " + describe(child));
        ConfigNode section = new ConfigNode(child, key(name));
        section.rejectUnknown(knownKeys);
        return section;
    }

    /** The mappings of a list; absent or null reads as an empty list. */
    List<ConfigNode> sections(String name, List<String> knownKeys) throws ConfigException {
        List<ConfigNode> result = new ArrayList<>();
        JsonNode list = node.get(name);
        if (list == null || list.isNull()) return result;
        if (!list.isArray()) throw error(name, "must be a list (lines starting with '-'), got " + describe(list));
        for (int i = 0; i < list.size(); i++) {
            String itemKey = key(name) + "[" + i + "]";
            if (!list.get(i).isObject()) {
                throw new ConfigException(itemKey, "must be a mapping (key: value lines), got " + describe(list.get(i)));
            }
            ConfigNode item = new ConfigNode(list.get(i), itemKey);
            item.rejectUnknown(knownKeys);
            result.add(item);
        }
        return result;
    }

    boolean has(String name) {
        JsonNode child = node.get(name);
        return child != null && !child.isNull();
    }

    Optional<String> optionalText(String name) throws ConfigException {
        JsonNode child = node.get(name);
        if (child == null || child.isNull()) return Optional.empty();
        if (!child.isTextual()) {
            throw error(name, "must be text in quotes, got " + describe(child) + " (write it as \"" + child.asText() + "\")");
        }
        return Optional.of(child.textValue());
    }

    String text(String name, String defaultValue) throws ConfigException {
        return optionalText(name).orElse(defaultValue);
    }

    String requiredText(String name, String meaning) throws ConfigException {
        String value = optionalText(name).orElseThrow(() -> error(name, "missing (" + meaning + ")"));
        if (value.isBlank()) throw error(name, "must not be empty (" + meaning + ")");
        return value;
    }

    /** A list of strings; absent or null reads as empty. Items are named {@code key[i]} in errors. */
    List<String> textList(String name) throws ConfigException {
        JsonNode list = node.get(name);
        List<String> result = new ArrayList<>();
        if (list == null || list.isNull()) return result;
        if (!list.isArray()) throw error(name, "must be a list, e.g. [\"a\", \"b\"], got " + describe(list));
        Iterator<JsonNode> items = list.elements();
        for (int i = 0; items.hasNext(); i++) {
            JsonNode item = items.next();
            if (!item.isTextual()) {
                throw new ConfigException(key(name) + "[" + i + "]",
                        "must be text in quotes, got " + describe(item) + " (write it as \"" + item.asText() + "\")");
            }
            result.add(item.textValue());
        }
        return result;
    }

    int integer(String name, int defaultValue, int min, int max) throws ConfigException {
        JsonNode child = node.get(name);
        if (child == null || child.isNull()) return defaultValue;
        if (!child.isIntegralNumber()) throw error(name, "must be a whole number, got " + describe(child));
        if (!child.canConvertToInt() || child.intValue() < min || child.intValue() > max) {
            throw error(name, "must be " + min + ".." + max + ", got " + child.asText());
        }
        return child.intValue();
    }

    boolean bool(String name, boolean defaultValue) throws ConfigException {
        JsonNode child = node.get(name);
        if (child == null || child.isNull()) return defaultValue;
        if (!child.isBoolean()) throw error(name, "must be true or false, got " + describe(child));
        return child.booleanValue();
    }

    /**
     * A positive duration such as "500ms", "4s", "3m" or "1h". With
     * {@code plainSeconds}, a bare whole number means seconds (as SIP Expires
     * values do, §20.19); elsewhere a unit is required, because "500" could
     * mean milliseconds as easily as seconds.
     */
    Duration duration(String name, Duration defaultValue, boolean plainSeconds) throws ConfigException {
        JsonNode child = node.get(name);
        if (child == null || child.isNull()) return defaultValue;
        Duration value;
        if (child.isIntegralNumber()) {
            if (!plainSeconds) throw error(name, "needs a unit, e.g. \"" + child.asText() + "ms\" or \"" + child.asText() + "s\"");
            value = Duration.ofSeconds(child.longValue());
        } else if (child.isTextual()) {
            value = Durations.parse(child.textValue()).orElseThrow(() -> error(name,
                    "must be a duration like 500ms, 4s, 3m or 1h, got \"" + child.textValue() + "\""));
        } else {
            throw error(name, "must be a duration like 500ms, 4s, 3m or 1h, got " + describe(child));
        }
        if (value.isZero() || value.isNegative()) throw error(name, "must be longer than 0, got " + child.asText());
        return value;
    }

    private void rejectUnknown(List<String> knownKeys) throws ConfigException {
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!knownKeys.contains(name)) {
                throw error(name, "unknown key (known here: " + String.join(", ", knownKeys) + ")");
            }
        }
    }

    private static String describe(JsonNode n) {
        if (n.isTextual()) return "\"" + n.textValue() + "\"";
        if (n.isArray()) return "a list";
        if (n.isObject()) return "a mapping";
        if (n.isBoolean()) return n.asText() + " (a boolean)";
        if (n.isNumber()) return n.asText() + " (a number)";
        return n.asText();
    }
}
