package org.parley.thread;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The quote markers of a BBC page ("296.Seqenenre wrote:", alone on a line) and the passages they introduce in a
 * comment's {@code quote} as {@link BbcCommentStart} writes it: its paragraphs joined by a blank line, a second quoted
 * passage after its marker line, a quoted quote's inner markers first, each followed by its passage, innermost first,
 * then the quoted comment's own paragraph. The service reads stored quotes with it, to take out the passages of an
 * erased comment or author (docs/moderation.md, Erasure).
 */
public final class QuotedPassages {
    /** "296.Seqenenre" before " wrote:"; possessive, so no line makes it backtrack. */
    private static final Pattern QUOTED = Pattern.compile("@?+(\\d{1,9}+)\\.\\s*+(\\S.*+)");
    private static final String WROTE = "wrote:";
    private static final Pattern LINE = Pattern.compile("\\R");

    private QuotedPassages() {}

    /** A marker's reference: the comment number and the name it gives (null when none). */
    public record Marker(int number, String author) {}

    /**
     * "296.Seqenenre wrote:" alone on its line; null for any other line. Checked by hand at the line's end and length
     * before any pattern runs, so a long line costs one pass.
     */
    static Marker marker(String line) {
        if (line.length() > Limits.NAME_CHARS + 20 || !line.endsWith(WROTE)) return null;
        String head = line.substring(0, line.length() - WROTE.length());
        if (head.isEmpty() || !Character.isWhitespace(head.charAt(head.length() - 1))) return null;
        Matcher m = QUOTED.matcher(head.strip());
        if (!m.matches() || m.group(2).length() > Limits.NAME_CHARS || Limits.isBlank(m.group(2))) return null;
        return new Marker(Integer.parseInt(m.group(1)), m.group(2));
    }

    /** The markers that open a paragraph of {@code quote} (null: none), in their order. */
    public static List<Marker> markers(String quote) {
        List<Marker> out = new ArrayList<>();
        if (quote == null || !quote.contains(WROTE)) return out;
        for (List<String> p : paragraphs(quote)) {
            Marker m = marker(p.get(0).strip());
            if (m != null) out.add(m);
        }
        return out;
    }

    /**
     * {@code quote} without each marker paragraph that {@code erased} accepts and the passage it introduces: the rest
     * of the marker's paragraph, else the paragraph after it (a quoted quote's inner marker, the one its place gives).
     * Null when nothing is left; {@code quote} itself, unchanged, when nothing is taken out. A passage of more than one
     * paragraph keeps all but its first: the page's markers set one apart, and nothing in the text says where a longer
     * one ends.
     */
    public static String without(String quote, Predicate<Marker> erased) {
        if (quote == null || !quote.contains(WROTE)) return quote;
        List<List<String>> paragraphs = paragraphs(quote);
        int nested = 0;  // a quoted quote's inner markers, each a paragraph of its own, open the quote
        while (nested < paragraphs.size() && paragraphs.get(nested).size() == 1 && marker(paragraphs.get(nested).get(0).strip()) != null)
            nested++;
        boolean[] drop = new boolean[paragraphs.size()];
        boolean dropped = false;
        for (int i = 0; i < paragraphs.size(); i++) {
            List<String> p = paragraphs.get(i);
            Marker m = marker(p.get(0).strip());
            if (m == null || !erased.test(m)) continue;
            drop[i] = dropped = true;
            // Inner markers' passages follow them all, innermost first ("365.Frank wrote:" over "296.Seqenenre wrote:").
            int passage = i < nested ? 2 * nested - 1 - i : p.size() > 1 ? i : i + 1;
            if (passage < paragraphs.size()) drop[passage] = true;
        }
        if (!dropped) return quote;
        List<String> kept = new ArrayList<>();
        for (int i = 0; i < paragraphs.size(); i++) if (!drop[i]) kept.add(String.join("\n", paragraphs.get(i)));
        return kept.isEmpty() ? null : String.join("\n\n", kept);
    }

    private static List<List<String>> paragraphs(String text) {
        return PageLines.paragraphs(Arrays.asList(LINE.split(text, -1)));
    }
}
