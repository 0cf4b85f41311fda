package org.parley.service.moderation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Erasure lines that a write cut short, as the erasure log holds them after a full disk (known-gaps, forty-eighth
 * session): logback wrote part of a line, lost the rest with its newline, and wrote the next line it could straight
 * after, glued to the cut one ({@code …of site "news.exINFO  [2026-…] …: erased comment "s40" of site …}). Read in
 * config.yml's text layout alone ({@code INFO  [yyyy-MM-dd HH:mm:ss,SSS] LOGGER: erased comment "ID" of site "SITE" …}),
 * the erasure log's whatever {@code logFormat} says. Until the fiftieth session scripts/erase --from-log refused the
 * whole directory at such a line.
 */
public final class CutErasureLines {
    private static final String START = "INFO  \\[\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2},\\d{3}\\] (?:"
            + Pattern.quote(ErasureLogLine.LOGGER) + "|" + Pattern.quote(ErasureLogLine.OPERATOR_LOGGER) + "): erased comment ";
    /** A JSON string as {@link ErasureLogLine#quoted} writes it: every quote inside it escaped. */
    private static final String STRING = "\"(?:[^\"\\\\]|\\\\.)*\"";
    /** Where a whole line begins inside another: a quote after a space is no id's or site's (theirs are escaped). */
    private static final Pattern GLUED = Pattern.compile(START + "\"");
    private static final Pattern ID = Pattern.compile(START + "(" + STRING + ")", Pattern.DOTALL);
    private static final Pattern LINE = Pattern.compile(START + STRING + " of site " + STRING + "(?: .*)?", Pattern.DOTALL);
    private static final Pattern TIME = Pattern.compile("INFO  \\[(\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2},\\d{3})\\] ");
    private static final DateTimeFormatter LOGGED_AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss,SSS");
    private static final ObjectMapper JSON = new ObjectMapper();

    private CutErasureLines() {}

    /**
     * A cut erasure line: its text; its time, where the cut fell after it; its comment's id, where the id's string is whole (its closing quote written); and
     * the erasure with its time, where the site's string is whole too. A cut only takes bytes off the end, and a JSON
     * string's closing quote is never inside it, so both are then exactly what the whole line said.
     */
    public record Cut(String text, Optional<Instant> time, Optional<String> id, Optional<ErasureLogLine.Logged> erasure) {}

    /** A line split where whole erasure lines were glued to cut ones: the cut ones, in order, and the rest. */
    public record Split(List<Cut> cuts, String rest) {}

    /**
     * {@code line} split before each whole line's start that follows a cut erasure line; no cut and the line itself
     * where there is none, or where what comes before such a start is not a cut erasure line (another logger's line
     * quoting one, which the reading refuses as before).
     */
    public static Split split(String line) {
        if (line.indexOf(": erased comment \"", 1) < 0) return new Split(List.of(), line); // most lines: no start of one
        List<Integer> starts = new ArrayList<>();
        Matcher glued = GLUED.matcher(line);
        for (int from = 1; from < line.length() && glued.find(from); from = glued.start() + 1) starts.add(glued.start());
        List<Cut> cuts = new ArrayList<>();
        int from = 0;
        for (int start : starts) {
            Optional<Cut> cut = cut(line.substring(from, start));
            if (cut.isEmpty()) return new Split(List.of(), line);
            cuts.add(cut.get());
            from = start;
        }
        return new Split(cuts, line.substring(from));
    }

    /**
     * {@code text} as a cut erasure line, if it is the start of one (cut anywhere: in the level or time, the logger,
     * the marker, the id, the site or after it); empty if no erasure line begins so.
     */
    public static Optional<Cut> cut(String text) {
        if (text.isEmpty()) return Optional.empty();
        Matcher whole = LINE.matcher(text);
        if (whole.matches()) {
            ErasureLogLine.Logged logged = ErasureLogLine.logged(text).orElseThrow();
            return Optional.of(new Cut(text, logged.time(), Optional.of(logged.erasure().id()), Optional.of(logged)));
        }
        if (!whole.hitEnd()) return Optional.empty(); // failed before the text's end: no erasure line's start
        Matcher id = ID.matcher(text);
        return Optional.of(new Cut(text, time(text), id.lookingAt() ? Optional.of(decoded(id.group(1))) : Optional.empty(), Optional.empty()));
    }

    /** The time of a line cut after it, as config.yml's layout writes it (UTC); empty where cut in it, or no time. */
    private static Optional<Instant> time(String text) {
        Matcher time = TIME.matcher(text);
        try {
            return time.lookingAt() ? Optional.of(LocalDateTime.parse(time.group(1), LOGGED_AT).toInstant(ZoneOffset.UTC))
                    : Optional.empty();
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static String decoded(String json) {
        try {
            return JSON.readValue(json, String.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a JSON string: " + json, e);
        }
    }
}
