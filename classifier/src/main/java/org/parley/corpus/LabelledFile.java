package org.parley.corpus;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.parley.io.JsonLine;
import org.parley.io.Utf8Files;
import org.parley.label.Attribute;
import org.parley.label.Labels;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * Parley's own labelled format, for data that is not one of the shipped corpora (new annotations,
 * moderator decisions): JSON Lines, one {@code {"id", "text", "labels": {"TOXICITY": 1, ...}, "source"?}}
 * per line. An attribute absent from "labels" is unlabelled. See docs/labelled-data-format.md.
 */
public final class LabelledFile {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(LabelledFile.class);

    private LabelledFile() {}

    /**
     * A line as read or to be written.
     *
     * @param decidedAt when the decision its labels come from was made (its "decidedAt"); null for a line that does
     *                  not say, as in files written before exports said it. A line that says it names with its source
     *                  and id the same comment (or suggestion) in every file, so that a later decision can replace it
     *                  ({@code train.IncludedFiles}).
     * @param withdrawn null for a labelled line; else why the comment's earlier label no longer holds ("erased",
     *                  "escalate"): a withdrawal, which has a source, id and decidedAt but no text or labels (its
     *                  example's text is empty and it labels nothing), and which replaces that comment's earlier lines
     */
    public record Line(Example example, Instant decidedAt, String withdrawn) {
        public Line(Example example, Instant decidedAt) {
            this(example, decidedAt, null);
        }

        /** A withdrawal of what earlier lines said of {@code id}, as of {@code decidedAt}. */
        public static Line withdrawal(String source, String id, Instant decidedAt, String why) {
            return new Line(new Example(source, id, "", Labels.none()), java.util.Objects.requireNonNull(decidedAt),
                    java.util.Objects.requireNonNull(why));
        }

        public boolean isWithdrawal() {
            return withdrawn != null;
        }
    }

    /**
     * Reads a file ({@code file.gz} is read when only the compressed copy exists); the source of a
     * line without one is the file name without extension.
     */
    public static List<Example> read(Path file) throws IOException {
        return lines(file).stream().filter(l -> !l.isWithdrawal()).map(Line::example).toList();
    }

    /** As {@link #read(Path)}, every line, withdrawals too, with its {@code decidedAt}. */
    public static List<Line> lines(Path file) throws IOException {
        if (Files.isDirectory(file)) throw new IllegalArgumentException(file + " is a folder, not a labelled file");
        Path gz = file.resolveSibling(file.getFileName() + ".gz");
        return lines(file, Files.readAllBytes(Files.isRegularFile(file) || !Files.isRegularFile(gz) ? file : gz));
    }

    /**
     * Reads a file's contents, already read by the caller (who hashes the same bytes for provenance),
     * gzip-compressed or not: a {@code decisions.jsonl.gz} named as it is reads as the lines it holds.
     * Withdrawals label nothing and are left out.
     */
    public static List<Example> read(Path file, byte[] contents) throws IOException {
        return lines(file, contents).stream().filter(l -> !l.isWithdrawal()).map(Line::example).toList();
    }

    /** As {@link #read(Path, byte[])}, every line, withdrawals too, with its {@code decidedAt}. */
    public static List<Line> lines(Path file, byte[] contents) throws IOException {
        String defaultSource = file.getFileName().toString().replaceFirst("\\.gz$", "").replaceFirst("\\.[^.]*$", "");
        List<Line> out = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>(); // source + id → line: ids are unique within a source
        boolean replaced = false;
        // Invalid bytes become U+FFFD, as in the corpora (Table.open); a file may start with a byte-order mark.
        try (BufferedReader lines = Utf8Files.reader(text(contents), CodingErrorAction.REPLACE)) {
            int n = 0;
            for (String line; (line = lines.readLine()) != null; ) {
                n++;
                replaced |= line.indexOf('\uFFFD') >= 0;
                if (line.isBlank()) continue;
                Line l = parse(file, n, line, defaultSource);
                Example e = l.example();
                Integer first = seen.putIfAbsent(e.source() + "\u0000" + e.id(), n);
                if (first != null)
                    throw bad(file, n, "id '" + e.id() + "' of source '" + e.source() + "' is already used on line " + first);
                out.add(l);
            }
        }
        // Said, not refused (a Windows-1252 export read so lost its accents without a word; a data scientist's fifth
        // audit): a U+FFFD may also be the text's own.
        int notUtf8 = replaced ? Utf8Files.firstBadLine(text(contents).readAllBytes()) : 0;  // read again: rare
        if (notUtf8 > 0) LOG.warn("{}: bytes that are not UTF-8 from line {} on were read as U+FFFD; save the file as UTF-8", file, notUtf8);
        return out;
    }

    /** The file's text, gunzipped where it is gzip (text in this format starts with '{', a blank or a byte-order mark). */
    private static InputStream text(byte[] contents) throws IOException {
        InputStream in = new ByteArrayInputStream(contents);
        return Utf8Files.isGzip(contents) ? new GZIPInputStream(in, 1 << 16) : in;
    }

    private static Line parse(Path file, int n, String line, String defaultSource) {
        JsonNode o;
        try {
            o = JsonLine.read(line);
        } catch (JsonProcessingException e) {
            throw bad(file, n, "invalid JSON: " + e.getOriginalMessage());
        }
        if (!o.isObject()) throw bad(file, n, "expected a JSON object");
        JsonNode id = o.get("id");
        if (id == null || !(id.isTextual() || id.isIntegralNumber())) throw bad(file, n, "field 'id' must be a string or integer");
        String source = o.path("source").isTextual() ? o.get("source").asText() : defaultSource;
        Instant decidedAt = decidedAt(file, n, o.get("decidedAt"));
        if (o.has("withdrawn")) return withdrawal(file, n, o, source, id.asText(), decidedAt);
        String text = o.path("text").isTextual() ? o.get("text").asText() : null;
        // Nothing to read, as scripts/score and the service refuse it: zero-width characters alone were taken (a data
        // scientist's fifth audit), a text the model reads as empty.
        if (text == null || org.parley.text.BlankText.is(text))
            throw bad(file, n, "field 'text' must be a non-empty string with something visible in it");
        JsonNode labels = o.get("labels");
        if (labels == null || !labels.isObject() || labels.isEmpty())
            throw bad(file, n, "field 'labels' must be an object with at least one attribute");
        Labels l = Labels.none();
        for (Iterator<Map.Entry<String, JsonNode>> it = labels.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            Attribute a;
            try {
                a = Attribute.valueOf(e.getKey());
            } catch (IllegalArgumentException ex) {
                throw bad(file, n, "unknown attribute '" + e.getKey() + "' in 'labels'");
            }
            double v = e.getValue().asDouble(Double.NaN);
            if (!e.getValue().isNumber() || v < 0 || v > 1)
                throw bad(file, n, "labels." + a + " must be a number in [0,1]");
            l = l.with(a, v);
        }
        return new Line(new Example(source, id.asText(), text, l), decidedAt);
    }

    /** The line's "decidedAt", or null where it has none. */
    private static Instant decidedAt(Path file, int n, JsonNode at) {
        if (at == null) return null;
        Instant decidedAt;
        try {
            decidedAt = Instant.parse(at.asText());
        } catch (DateTimeParseException e) {
            decidedAt = null;
        }
        if (!at.isTextual() || decidedAt == null)
            throw bad(file, n, "field 'decidedAt' must be an ISO-8601 instant such as \"2026-11-30T10:00:00Z\"");
        return decidedAt;
    }

    /** {"id", "source", "decidedAt", "withdrawn": why}: no text (an erased comment's is no one's) and no labels. */
    private static Line withdrawal(Path file, int n, JsonNode o, String source, String id, Instant decidedAt) {
        JsonNode why = o.get("withdrawn");
        if (!why.isTextual() || why.asText().isBlank()) throw bad(file, n, "field 'withdrawn' must be a non-empty string (why)");
        if (o.has("text") || o.has("labels")) throw bad(file, n, "a withdrawn line has no 'text' or 'labels'");
        if (decidedAt == null) throw bad(file, n, "a withdrawn line needs 'decidedAt': what it withdraws is what came before");
        return Line.withdrawal(source, id, decidedAt, why.asText());
    }

    public static void write(Iterable<Example> examples, Writer out) throws IOException {
        for (Example e : examples) write(new Line(e, null), out);
        out.flush();
    }

    /** Writes one line, with its {@code decidedAt} where it has one; the caller flushes. */
    public static void write(Line line, Writer out) throws IOException {
        Example e = line.example();
        ObjectNode o = JSON.createObjectNode().put("id", e.id()).put("source", e.source());
        if (line.isWithdrawal()) {
            o.put("withdrawn", line.withdrawn());
        } else {
            o.put("text", e.text());
            ObjectNode labels = o.putObject("labels");
            e.labels().asMap().forEach((a, v) -> labels.put(a.name(), v));
        }
        if (line.decidedAt() != null) o.put("decidedAt", line.decidedAt().toString());
        out.write(JSON.writeValueAsString(o));
        out.write('\n');
    }

    private static IllegalArgumentException bad(Path file, int line, String problem) {
        return new IllegalArgumentException(file + " line " + line + ": " + problem);
    }
}
