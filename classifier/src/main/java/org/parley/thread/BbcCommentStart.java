package org.parley.thread;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.parley.thread.QuotedPassages.Marker;

/**
 * Reads how one BBC comment opens, a quote marker ("296.Seqenenre wrote:") or a reply marker
 * ("@324. MidwayBattle", "@351 idiot"), and turns its paragraphs into a {@link Comment}.
 * {@link BbcCommentPageParser}'s class comment describes the rules.
 */
final class BbcCommentStart {
    /** "@324." or "@351" then a space or the end ("@5pm" is not a marker), then the rest of the line. */
    private static final Pattern REPLY = Pattern.compile("@(\\d{1,9}+)(?:\\.|(?=\\s)|$)\\s*+(.*+)");
    /** A name as the reply link writes it: one word, no punctuation at its end ("Agreed." is a reply, not a name). */
    private static final Pattern NAME = Pattern.compile("[\\p{L}\\p{N}_'-]{1,200}+");

    private BbcCommentStart() {}

    /**
     * The quote markers of comment {@code number} that name an earlier comment: the one that opens it, and one opening
     * a later paragraph with a passage after it, as {@link #make} sets such a passage apart (a second quote, or the
     * marker of a quoted quote). Each is the BBC's own words, so the name in it is whole, spaces and all.
     */
    static List<Marker> quoteMarkers(int number, List<List<String>> paragraphs) {
        List<Marker> markers = new ArrayList<>();
        for (int i = 0; i < paragraphs.size(); i++) {
            Marker m = QuotedPassages.marker(paragraphs.get(i).get(0));
            boolean passageFollows = paragraphs.get(i).size() > 1 || i + 1 < paragraphs.size();
            if (isEarlier(m, number) && (i == 0 || passageFollows)) markers.add(m);
        }
        return markers;
    }

    /**
     * The comment numbered {@code number} made of {@code paragraphs}; null when it has no text.
     * {@code page} holds the page's other comments, against which a reply's name and a quote's end are read.
     */
    static Comment comment(int number, List<List<String>> paragraphs, PageComments page) {
        if (paragraphs.isEmpty()) return null;
        List<String> first = paragraphs.get(0);
        List<List<String>> after = new ArrayList<>(); // everything after the first line
        if (first.size() > 1) after.add(first.subList(1, first.size()));
        after.addAll(paragraphs.subList(1, paragraphs.size()));

        Marker quoted = QuotedPassages.marker(first.get(0));
        if (quoted != null) return quoting(number, quoted, first.get(0), after, page);
        Matcher reply = REPLY.matcher(first.get(0));
        if (reply.matches()) {
            return replying(number, reply, first.get(0), first.subList(1, first.size()),
                    paragraphs.subList(1, paragraphs.size()), page);
        }
        return make(number, null, paragraphs, List.of());
    }

    /**
     * The quote is the rest of the marker's paragraph, else the paragraph after it; the comment's own
     * text is what follows. A quote that opens with a marker of its own ("365.Frank wrote:" over
     * "296.Seqenenre wrote:") is a quoted quote: it also takes the passage that marker introduces and
     * the quoted comment's own paragraph, one per nested marker.
     */
    private static Comment quoting(int number, Marker marker, String markerLine, List<List<String>> after, PageComments page) {
        int nested = 0;
        while (nested < after.size() && after.get(nested).size() == 1 && QuotedPassages.marker(after.get(nested).get(0)) != null) nested++;
        int quoteEnd = Math.min(2 * nested + 1, after.size());
        List<List<String>> quote = after.subList(0, quoteEnd);
        List<List<String>> own = after.subList(quoteEnd, after.size());
        if (own.isEmpty() && quote.size() == 1 && isEarlier(marker, number)) { // no blank line after the passage?
            int quoted = quotedLines(quote.get(0), page.lines(marker.number()));
            if (quoted > 0 && quoted < quote.get(0).size()) {
                own = List.of(quote.get(0).subList(quoted, quote.get(0).size()));
                quote = List.of(quote.get(0).subList(0, quoted));
            }
        }
        if (own.isEmpty() && !quote.isEmpty()) { // nothing after the passage: it is the comment's own text
            own = quote.subList(quote.size() - 1, quote.size());
            quote = quote.subList(0, quote.size() - 1);
        }
        if (own.isEmpty()) own = List.of(List.of(markerLine)); // the marker is all the comment says
        return make(number, marker, own, quote);
    }

    /**
     * How many of a passage's first lines the quoted comment shows on this page: a page saved without
     * blank lines runs the quoted passage and the commenter's words into one paragraph, and only the
     * quoted comment's own lines tell where the passage ends.
     */
    private static int quotedLines(List<String> passage, Set<String> parentLines) {
        int n = 0;
        while (n < passage.size() && parentLines.contains(passage.get(n))) n++;
        return n;
    }

    /**
     * "@324. MidwayBattle" on a line of its own with the reply below it is what the BBC's reply link
     * writes: the word is the parent's name. A name of several words ("@324. Some Name") is taken only
     * when a quote marker on the page gives 324 that name ({@link #quoteMarkers}), since "@349. Absolutely right" looks the
     * same. Anything else after the number ("@351 idiot", "@349. Absolutely right, …") is the reply
     * itself, so it stays text and no name is taken.
     */
    private static Comment replying(int number, Matcher reply, String markerLine, List<String> restOfParagraph,
                                    List<List<String>> laterParagraphs, PageComments page) {
        int parent = Integer.parseInt(reply.group(1));
        String rest = reply.group(2);
        boolean textFollows = !restOfParagraph.isEmpty() || !laterParagraphs.isEmpty();
        boolean named = NAME.matcher(rest).matches() || page.isNamed(parent, rest);
        String name = textFollows && named ? rest : null;
        List<String> firstOwn = new ArrayList<>();
        if (name == null && !rest.isEmpty()) firstOwn.add(rest);
        firstOwn.addAll(restOfParagraph);
        List<List<String>> own = new ArrayList<>();
        if (!firstOwn.isEmpty()) own.add(firstOwn);
        own.addAll(laterParagraphs);
        if (own.isEmpty()) own.add(List.of(markerLine)); // "@324." alone: the marker is all the comment says
        return make(number, new Marker(parent, name), own, List.of());
    }

    /**
     * The comment from its own paragraphs and the passage it opens by quoting. A quote marker further down (a comment
     * quoting two others, or quoting after a first line of its own) sets its passage apart too, marker and all, so that
     * the passage is not read as the commenter's words; the first marker names the parent. A comment can only answer
     * an earlier one, which has a smaller number, and numbers start at 1: a marker naming 0, its own number or a later
     * one ("@352." in 351, a typo) gives no parent. That also keeps a page from forming a parent cycle.
     */
    private static Comment make(int number, Marker marker, List<List<String>> own, List<List<String>> quote) {
        List<List<String>> text = new ArrayList<>();
        List<List<String>> quoted = new ArrayList<>(quote);
        List<QuotedComment> further = new ArrayList<>(inner(number, quote));
        Marker parentMarker = marker;
        for (int i = 0; i < own.size(); i++) {
            List<String> paragraph = own.get(i);
            Marker later = QuotedPassages.marker(paragraph.get(0));
            List<String> passage = later == null ? null
                    : paragraph.size() > 1 ? paragraph.subList(1, paragraph.size())
                    : i + 1 < own.size() ? own.get(i + 1) : null;
            if (passage == null) {
                text.add(paragraph);
                continue;
            }
            if (paragraph.size() == 1) i++;
            if (parentMarker == null) parentMarker = later;  // the first quote names the parent, as an opening one would
            else {
                quoted.add(List.of(paragraph.get(0)));       // whom a further passage quotes, kept with it as in a quoted quote
                if (isEarlier(later, number)) further.add(quotedComment(later, passage));
            }
            quoted.add(passage);
        }
        if (text.isEmpty()) { // quotes and nothing else: read as before, the passages left as the comment's words
            text = own;
            quoted = new ArrayList<>(quote);
            further = inner(number, quote);
            parentMarker = marker;
        }
        boolean parent = isEarlier(parentMarker, number);
        return new Comment("c" + number, number, null, PageLines.text(text), null,
                parent ? parentMarker.number() : null, parent ? parentMarker.author() : null, PageLines.text(quoted), null,
                further);
    }

    /**
     * The comments a quoted quote's inner markers name, each with its passage: {@code quote} opens with those markers, a
     * paragraph each, then their passages, innermost first ({@link #quoting}; {@link QuotedPassages#without} reads them so).
     */
    private static List<QuotedComment> inner(int number, List<List<String>> quote) {
        int nested = 0;
        while (nested < quote.size() && quote.get(nested).size() == 1 && QuotedPassages.marker(quote.get(nested).get(0)) != null) nested++;
        List<QuotedComment> out = new ArrayList<>();
        for (int i = 0; i < nested; i++) {
            Marker m = QuotedPassages.marker(quote.get(i).get(0));
            int passage = 2 * nested - 1 - i;
            if (isEarlier(m, number) && passage < quote.size()) out.add(quotedComment(m, quote.get(passage)));
        }
        return out;
    }

    private static QuotedComment quotedComment(Marker m, List<String> passage) {
        return new QuotedComment(null, m.number(), m.author(), PageLines.text(List.of(passage)));
    }

    private static boolean isEarlier(Marker marker, int number) {
        return marker != null && marker.number() >= 1 && marker.number() < number;
    }
}
