package org.parley.text;

import edu.stanford.nlp.ling.Word;
import edu.stanford.nlp.process.WordToSentenceProcessor;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Sentence boundaries by CoreNLP's rules (its ssplit annotator's WordToSentenceProcessor) over
 * the pipeline's tokens: the PTB lexer keeps "Mr." and "e.g." whole, so they end no sentence, where
 * the JDK's BreakIterator cut after each of them.
 */
public final class Sentences {
    /**
     * One processor for all threads: its fields are final and each call keeps its state in locals. Made anew per
     * call (and per paragraph), it compiled its patterns each time; and a {@link Word} holds a form and two offsets
     * where the CoreLabels it was given before cost a map each. Together about 40 % less time to cut
     * scripts/benchmark's comments (docs/experiments.md, "The sentence rule's cost").
     */
    private static final WordToSentenceProcessor<Word> PROCESSOR = new WordToSentenceProcessor<>();

    private Sentences() {}

    /** Each sentence as [begin, end) offsets into the raw text, from its first token to its last. */
    public static List<int[]> split(List<Token> tokens) {
        List<Word> words = new ArrayList<>(tokens.size());
        for (Token t : tokens) {
            if (!isWord(t)) continue;
            words.add(new Word(t.original(), t.begin(), t.end()));
        }
        List<int[]> out = new ArrayList<>();
        for (List<Word> s : PROCESSOR.process(words))
            if (!s.isEmpty()) out.add(new int[] {s.get(0).beginPosition(), s.get(s.size() - 1).endPosition()});
        return out;
    }

    /**
     * As {@link #split(List)}, and a blank line (two line breaks between two tokens) also ends a
     * sentence, as in CoreNLP's own ssplit ({@code newlineIsSentenceBreak=two}). Reader comments
     * often end their paragraphs without a full stop; read as one sentence, five short paragraphs
     * made a run too long for the sentiment parser's budget, so nothing of them was read.
     *
     * @param text the text the tokens' offsets point into
     */
    public static List<int[]> split(String text, List<Token> tokens) {
        List<int[]> out = new ArrayList<>();
        int from = 0, lastEnd = -1;
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (!isWord(t)) continue;
            if (lastEnd >= 0 && blankLine(text, lastEnd, t.begin())) {
                out.addAll(split(tokens.subList(from, i)));
                from = i;
            }
            lastEnd = t.end();
        }
        out.addAll(split(tokens.subList(from, tokens.size())));
        return out;
    }

    /**
     * A sentence as text of its own: its offsets into the comment, its text, and the comment's tokens
     * inside it with offsets into that text, as if it had been tokenised alone (but for a normaliser's
     * choices that read the text around a word).
     */
    public record Slice(int begin, int end, String text, List<Token> tokens) {}

    /** The sentences of {@link #split(String, List)}, each with its tokens, for scoring them one by one. */
    public static List<Slice> slices(String text, List<Token> tokens) {
        List<Slice> out = new ArrayList<>();
        int t = 0;
        for (int[] s : split(text, tokens)) {
            List<Token> inside = new ArrayList<>();
            t = inside(tokens, t, s[0], s[1], inside);  // the next sentence's tokens start where this one's stop
            out.add(new Slice(s[0], s[1], text.substring(s[0], s[1]), inside));
        }
        return out;
    }

    /**
     * The sentences of {@link #slices}, and each one of more than {@code 2 × size} tokens read as overlapping windows
     * of {@code size} tokens instead, each starting {@code size / 2} tokens after the one before and the last ending
     * with the sentence, so that a phrase of up to half a window lies whole inside one of them. An insult run on
     * inside a long sentence, with commas or "and" (no sentence of its own), is averaged away in that sentence's
     * score as in the whole comment's; in a window it is not. Shorter sentences are read whole: windows cost a
     * scoring each, and an insult is a large enough part of a sentence of up to two windows (docs/scoring-api.md, "Policy").
     */
    public static List<Slice> pieces(String text, List<Token> tokens, int size) {
        if (size < 2) throw new IllegalArgumentException("a window of at least 2 tokens, was " + size);
        List<Slice> out = new ArrayList<>();
        for (Slice s : slices(text, tokens)) {
            int n = s.tokens().size();
            if (n <= 2 * size) {
                out.add(s);
                continue;
            }
            for (int from = 0; ; from += size / 2) {
                int start = Math.min(from, n - size);
                out.add(window(s, s.tokens().subList(start, start + size)));
                if (start == n - size) break;
            }
        }
        return out;
    }

    /** Where a long sentence is best cut for {@link #clauses}: after these tokens, or before a conjunction. */
    private static final Set<String> CLAUSE_ENDS = Set.of(",", ";", ":", "-", "--");
    private static final Set<String> CONJUNCTIONS =
            Set.of("and", "but", "or", "nor", "yet", "so", "because", "although", "though", "while", "whereas");

    /**
     * A sentence of more than {@code max} words cut into as few pieces of at most {@code max} words as will do, of about
     * even length and without overlap: each cut at the clause boundary (after a comma, semicolon, colon or dash, or
     * before a conjunction) nearest its even point within a quarter of {@code max} of it, else at the even point. For a
     * reader whose cost grows as the square of the length (the sentiment parser), even pieces cost least: two halves
     * half what the whole would. A shorter sentence is returned as it is; the pieces leave markers
     * ({@link TextPipeline#ALL_CAPS}) out, as they are no words.
     */
    public static List<Slice> clauses(Slice s, int max) {
        if (max < 1) throw new IllegalArgumentException("pieces of at least 1 word, was " + max);
        List<Token> words = new ArrayList<>(s.tokens().size());
        for (Token t : s.tokens()) if (isWord(t)) words.add(t);
        int n = words.size();
        if (n <= max) return List.of(s);
        List<Slice> out = new ArrayList<>();
        int from = 0;
        for (int left = (n + max - 1) / max; left > 1; left--) {
            // Bounds that leave this piece and each one after it at most max words.
            int lo = Math.max(from + 1, n - (left - 1) * max), hi = Math.min(from + max, n - 1);
            int even = Math.min(hi, Math.max(lo, from + (n - from + left / 2) / left));
            int cut = -1;
            for (int c = Math.max(lo, even - max / 4); c <= Math.min(hi, even + max / 4); c++)
                if (clauseBoundary(words, c) && (cut < 0 || Math.abs(c - even) < Math.abs(cut - even))) cut = c;
            if (cut < 0) cut = even;
            out.add(window(s, words.subList(from, cut)));
            from = cut;
        }
        out.add(window(s, words.subList(from, n)));
        return out;
    }

    /**
     * A word of the text, not a marker: {@link TextPipeline#ALL_CAPS} spans the run it follows, whose words a piece already
     * holds (until the fifty-fifth session a long shouted sentence's second clause began with it, and so overlapped the
     * first: sentiment read the run twice).
     */
    public static boolean isWord(Token t) {
        return t.end() > t.begin() && !t.text().equals(TextPipeline.ALL_CAPS);
    }

    private static boolean clauseBoundary(List<Token> words, int cut) {
        return CLAUSE_ENDS.contains(words.get(cut - 1).text()) || CONJUNCTIONS.contains(words.get(cut).text());
    }

    /** The slice of {@code s} its tokens {@code inside} span, with offsets into the window's text. */
    private static Slice window(Slice s, List<Token> inside) {
        int begin = Integer.MAX_VALUE, end = 0;
        for (Token t : inside) {
            begin = Math.min(begin, t.begin());
            end = Math.max(end, t.end());
        }
        List<Token> shifted = new ArrayList<>(inside.size());
        for (Token t : inside) shifted.add(new Token(t.text(), t.original(), t.begin() - begin, t.end() - begin));
        return new Slice(s.begin() + begin, s.begin() + end, s.text().substring(begin, end), shifted);
    }

    /** One sentence of {@link #slices}, [begin, end) of the text, without cutting the others again. */
    public static Slice slice(String text, List<Token> tokens, int begin, int end) {
        List<Token> inside = new ArrayList<>();
        inside(tokens, 0, begin, end, inside);
        return new Slice(begin, end, text.substring(begin, end), inside);
    }

    /**
     * Adds the tokens inside [begin, end), read from index {@code from} on, with offsets into the slice's text;
     * returns the index of the first token that begins at or after {@code end}.
     */
    private static int inside(List<Token> tokens, int from, int begin, int end, List<Token> into) {
        int t = from;
        for (; t < tokens.size() && tokens.get(t).begin() < end; t++) {
            Token k = tokens.get(t);
            if (k.begin() >= begin && k.end() <= end) into.add(new Token(k.text(), k.original(), k.begin() - begin, k.end() - begin));
        }
        return t;
    }

    private static boolean blankLine(String text, int from, int to) {
        int breaks = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c == '\n' || (c == '\r' && (i + 1 >= to || text.charAt(i + 1) != '\n'))) breaks++;
        }
        return breaks >= 2;
    }
}
