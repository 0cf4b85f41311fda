package org.parley.thread;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.parley.io.Utf8Files;

/**
 * Reads and writes the JSON thread format (docs/thread-format.md): one thread per JSON document,
 * or JSON Lines with one thread per line.
 *
 * <p>Every way the input can be wrong ends in an {@link InvalidThreadException} naming the field
 * and, for JSON Lines and syntax errors, the line.
 */
public final class ThreadJson {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION) // {"text": "a", "text": "b"} is a mistake, not "b"
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)     // the caller owns the Writer
            .build();
    /** Two-space indent, one field per line, {@code "name": value}: the layout people expect in docs and diffs. */
    private static final DefaultPrettyPrinter PRETTY = new DefaultPrettyPrinter()
            .withSeparators(Separators.createDefaultInstance()
                    .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                    .withArrayEmptySeparator("")
                    .withObjectEmptySeparator(""))
            .withArrayIndenter(new DefaultIndenter("  ", "\n"))
            .withObjectIndenter(new DefaultIndenter("  ", "\n"));

    private ThreadJson() {}

    /**
     * Reads every thread in the input, telling the two layouts apart by the first non-blank line:
     * if it is a complete JSON value on its own the input is JSON Lines (blank lines are skipped),
     * otherwise it is one pretty-printed document. Blank input holds no threads.
     */
    public static List<CommentThread> read(Reader in) throws IOException {
        BufferedReader lines = in instanceof BufferedReader b ? b : new BufferedReader(in);
        int lineNumber = 0;
        String first;
        do {
            first = lines.readLine();
            lineNumber++;
        } while (first != null && first.isBlank());
        if (first == null) return List.of();

        JsonNode firstValue = parsedOrNull(first);
        if (firstValue == null) return List.of(oneDocument(first, lines, lineNumber - 1));

        List<CommentThread> threads = new ArrayList<>();
        threads.add(atLine(firstValue, lineNumber));
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            lineNumber++;
            if (!line.isBlank()) threads.add(atLine(parsed(line, lineNumber), lineNumber));
        }
        return threads;
    }

    /**
     * Reads a UTF-8 file of one thread or JSON Lines; a leading byte-order mark is dropped. Bytes that
     * are not UTF-8 (a Latin-1 file) are an {@link InvalidThreadException} naming their line.
     */
    public static List<CommentThread> read(Path file) throws IOException {
        try (Reader in = Utf8Files.reader(file, CodingErrorAction.REPORT)) {
            return read(in);
        } catch (CharacterCodingException e) {
            throw new InvalidThreadException("", "not UTF-8 text: the line has bytes that are not UTF-8 (save the file as UTF-8)")
                    .atLine(Utf8Files.firstBadLine(file));
        }
    }

    /** Reads exactly one thread from a JSON document. */
    public static CommentThread fromJson(String json) {
        return ThreadNodes.thread(parsed(json, 0));
    }

    /** For callers that already hold the parsed JSON (a request body bound to a JsonNode). */
    public static CommentThread fromTree(JsonNode node) {
        return ThreadNodes.thread(node);
    }

    public static JsonNode toTree(CommentThread thread) {
        return ThreadNodes.tree(thread);
    }

    /** One thread as a pretty-printed JSON document. */
    public static String toJson(CommentThread thread) {
        try {
            return MAPPER.writer(PRETTY).writeValueAsString(ThreadNodes.tree(thread));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e); // a tree of strings and ints always serialises
        }
    }

    /** Writes one thread as a pretty-printed JSON document followed by a newline. */
    public static void write(CommentThread thread, Writer out) throws IOException {
        out.write(toJson(thread));
        out.write('\n');
        out.flush();
    }

    /** Writes JSON Lines: each thread on a line of its own (Jackson escapes newlines inside strings). */
    public static void writeLines(Iterable<CommentThread> threads, Writer out) throws IOException {
        for (CommentThread thread : threads) {
            out.write(MAPPER.writeValueAsString(ThreadNodes.tree(thread)));
            out.write('\n');
        }
        out.flush();
    }

    private static CommentThread oneDocument(String firstLine, BufferedReader rest, int linesBefore) throws IOException {
        StringBuilder document = new StringBuilder(firstLine).append('\n');
        char[] buffer = new char[8192];
        for (int n = rest.read(buffer); n >= 0; n = rest.read(buffer)) document.append(buffer, 0, n);
        JsonNode node;
        try {
            node = MAPPER.readTree(document.toString());
        } catch (JsonProcessingException e) {
            JsonLocation at = location(e, document.toString());
            throw notJson(e, at, linesBefore + lineOf(at));
        }
        return ThreadNodes.thread(node);
    }

    private static CommentThread atLine(JsonNode node, int line) {
        try {
            return ThreadNodes.thread(node);
        } catch (InvalidThreadException e) {
            throw e.atLine(line);
        }
    }

    private static JsonNode parsedOrNull(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    /** @param line the input line {@code json} is, or 0 to take the line from the parser */
    private static JsonNode parsed(String json, int line) {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            JsonLocation at = location(e, json);
            throw notJson(e, at, line > 0 ? line : lineOf(at));
        }
    }

    /**
     * Where parsing failed. A syntax error carries it; a broken read limit (nesting deeper than 1000)
     * does not, so the text is scanned again, token by token, to the point where the parser stops.
     */
    private static JsonLocation location(JsonProcessingException e, String json) {
        if (e.getLocation() != null) return e.getLocation();
        try (JsonParser parser = MAPPER.createParser(json)) {
            try {
                while (parser.nextToken() != null) { } // to the error
            } catch (IOException again) {
                return parser.currentLocation();
            }
        } catch (IOException unreadable) {
            // a String always opens
        }
        return null;
    }

    private static int lineOf(JsonLocation at) {
        return at == null ? 0 : at.getLineNr();
    }

    private static InvalidThreadException notJson(JsonProcessingException e, JsonLocation at, int line) {
        String column = at == null ? "" : " (column " + at.getColumnNr() + ")";
        return new InvalidThreadException("", "not valid JSON: " + e.getOriginalMessage() + column).atLine(line);
    }
}
