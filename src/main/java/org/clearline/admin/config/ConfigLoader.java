package org.clearline.admin.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Loads the YAML configuration file into a validated {@link ClearlineConfig}. */
public final class ConfigLoader {
    private static final Pattern YAML_MARK = Pattern.compile("line (\\d+), column (\\d+)");

    private ConfigLoader() {}

    /**
     * Reads and validates {@code file}.
     *
     * @throws ConfigException with a one-line message naming the key (or the file) and the problem
     */
    public static ClearlineConfig load(Path file) throws ConfigException {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new ConfigException(file.toString(), "no such file", e);
        } catch (AccessDeniedException e) {
            throw new ConfigException(file.toString(), "permission denied", e);
        } catch (CharacterCodingException e) {
            throw new ConfigException(file.toString(), "not UTF-8 text", e);
        } catch (IOException e) {
            throw new ConfigException(file.toString(), "cannot read: " + e.getMessage(), e);
        }
        return parse(text, file.toString());
    }

    /** Parses and validates YAML text; {@code source} names it in file-level errors. */
    public static ClearlineConfig parse(String yaml, String source) throws ConfigException {
        ObjectMapper mapper = new ObjectMapper(new YAMLFactory());
        // a key given twice is almost always an editing mistake: do not let the last one win silently
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        JsonNode document;
        try {
            document = mapper.readTree(yaml);
        } catch (JsonProcessingException e) {
            throw new ConfigException(source, describe(e), e);
        }
        ConfigNode root = ConfigNode.root(document, List.of("server", "accounts", "trunks", "callLog"));
        return new ClearlineConfig(ServerConfigReader.read(root), AccountsReader.read(root), TrunksReader.read(root),
                CallLogReader.read(root));
    }

    private static String describe(JsonProcessingException e) {
        String original = e.getOriginalMessage() == null ? "not valid YAML" : e.getOriginalMessage();
        // SnakeYAML's messages span lines: context, an excerpt with a caret, the
        // problem, each followed by where it is. The unindented lines (context and
        // problem) say it in one line; the last position is the problem's.
        String message = String.join(": ",
                original.strip().lines().filter(l -> !l.isBlank() && !l.startsWith(" ")).toList())
                .replace("Duplicate field", "key given twice:");
        Matcher mark = YAML_MARK.matcher(original);
        String where = null;
        while (mark.find()) where = "line " + mark.group(1) + " column " + mark.group(2);
        JsonLocation at = e.getLocation();
        if (where == null && at != null && at.getLineNr() > 0) {
            where = "line " + at.getLineNr() + " column " + at.getColumnNr();
        }
        return where == null ? message : where + ": " + message;
    }
}
