package org.parley.text;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Splits words glued by a missing space after sentence punctuation, which the lexer keeps
 * whole: "smelly.Fuck" → smelly . Fuck, "boy.U", "hello!World", "what?Really". Runs after
 * {@link WebLinks}, so domains are already {@code <url>}. A masked word that happens to look
 * glued ("sh.tty", "mor.on") resolves in the {@link Lexicon} and is left whole; so are tokens with digits
 * or more dots ("e.g.This", "3.5"), and one letter after the mark unless it is the word I, U or A
 * ("boy.U r" splits, "Ph.D" and "sh.t" do not).
 */
final class MissingSpaceSplitter implements Stage {
    private static final int MAX_PUNCTUATION = 3;
    private final Lexicon lexicon;

    MissingSpaceSplitter(Lexicon lexicon) {
        this.lexicon = lexicon;
    }

    @Override
    public Set<Layer> needs() {
        return EnumSet.of(Layer.TOKENS, Layer.WEB);
    }

    @Override
    public Set<Layer> adds() {
        return EnumSet.of(Layer.UNGLUED);
    }

    @Override
    public List<Draft> apply(List<Draft> drafts, CleanText text) {
        String clean = text.text();
        return Stage.replacing(drafts, d -> {
            int[] cut = candidate(d, clean) ? cut(clean, d.begin, d.end) : null;
            if (cut == null) return null;
            String lower = d.text.toLowerCase(Locale.ROOT);
            if (lexicon.match(lower) != null || lexicon.acrossSeparators(lower) != null) {
                return null; // "sh.tty" and "mor.on" are masked words, not two sentences
            }
            return List.of(Draft.word(d.begin, cut[0], clean.substring(d.begin, cut[0])),
                    Draft.word(cut[0], cut[1], clean.substring(cut[0], cut[1])),
                    Draft.word(cut[1], d.end, clean.substring(cut[1], d.end)));
        });
    }

    private static boolean candidate(Draft d, String clean) {
        int shape = d.shape(clean);
        return d.isWord() && d.end - d.begin >= 4 && Shape.has(shape, Shape.MASK)
                && !Shape.has(shape, Shape.DIGIT | Shape.OTHER);
    }

    /** {start, end} of the sentence punctuation in clean[begin, end) if the token is glued, else null. */
    static int[] cut(String clean, int begin, int end) {
        int p = begin;
        while (p < end && Character.isLetter(clean.charAt(p))) {
            p++;
        }
        int q = p;
        while (q < end && q - p < MAX_PUNCTUATION && ".!?".indexOf(clean.charAt(q)) >= 0) {
            q++;
        }
        if (p - begin < 2 || q == p || q == end) {
            return null;
        }
        for (int i = q; i < end; i++) {
            if (!Character.isLetter(clean.charAt(i))) {
                return null;
            }
        }
        boolean oneLetterWord = end - q > 1 || "IUA".indexOf(clean.charAt(q)) >= 0;
        return oneLetterWord ? new int[] {p, q} : null;
    }
}
