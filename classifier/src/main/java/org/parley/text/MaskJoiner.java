package org.parley.text;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Joins tokens that together spell one obfuscated lexicon word. The lexer keeps "f*ck" and
 * "sh!t" whole but splits "a$$" (a, $$), "fu*k" (fu, *, k) and "f#ck"; adjacent pieces (no
 * space between) are joined when the joined text resolves in the {@link Lexicon}. Spaced-out
 * words ("f u c k", "i d i o t") are joined when the letters spell a lexicon form exactly, so
 * "a b c" or "I a m" stay apart. Both searches are bounded, so runs of thousands of single
 * letters or symbols stay linear.
 */
final class MaskJoiner implements Stage {
    private static final int MAX_PIECES = 6;
    private static final int MAX_GAP = 3;
    private final Lexicon lexicon;

    MaskJoiner(Lexicon lexicon) {
        this.lexicon = lexicon;
    }

    @Override
    public Set<Layer> needs() {
        return EnumSet.of(Layer.TOKENS, Layer.WEB, Layer.LOWERCASE);
    }

    @Override
    public Set<Layer> adds() {
        return EnumSet.of(Layer.JOINED);
    }

    @Override
    public List<Draft> apply(List<Draft> drafts, CleanText text) {
        return join(join(drafts, text.text(), false), text.text(), true);
    }

    /** At each position, joins the longest run of drafts that resolves; copies the list only if one does. */
    private List<Draft> join(List<Draft> drafts, String clean, boolean spaced) {
        List<Draft> out = null;
        for (int i = 0; i < drafts.size(); ) {
            Draft joined = null;
            int end = spaced ? spacedRunEnd(drafts, i, clean) : maskedRunEnd(drafts, i, clean);
            for (int min = i + (spaced ? 3 : 2); end >= min && joined == null; end--) {
                joined = spaced ? spelled(drafts, i, end, clean) : masked(clean, drafts.get(i).begin, drafts.get(end - 1).end);
            }
            if (joined != null && out == null) {
                out = new ArrayList<>(drafts.subList(0, i));
            }
            if (out != null) {
                out.add(joined != null ? joined : drafts.get(i));
            }
            i = joined != null ? end + 1 : i + 1; // the loop stepped end once past the match
        }
        return out == null ? drafts : out;
    }

    /** End of the adjacent word drafts from {@code i} that mix letters and masks, or {@code i} if none. */
    private static int maskedRunEnd(List<Draft> drafts, int i, String clean) {
        if (!drafts.get(i).isWord()) {
            return i;
        }
        int j = i + 1;
        while (j < drafts.size() && j - i < MAX_PIECES && drafts.get(j).isWord()
                && drafts.get(j).begin == drafts.get(j - 1).end) {
            j++;
        }
        int shapes = 0;
        for (int k = i; k < j; k++) {
            shapes |= drafts.get(k).shape(clean);
        }
        boolean letterAndMask = Shape.has(shapes, Shape.LETTER) && Shape.has(shapes, Shape.MASK | Shape.DIGIT);
        return j - i >= 2 && letterAndMask ? j : i;
    }

    private Draft masked(String clean, int begin, int end) {
        if (end - begin > lexicon.maxLength() || ".-?!".indexOf(clean.charAt(end - 1)) >= 0) {
            return null; // most runs are a word and its full stop
        }
        String form = lexicon.match(clean.substring(begin, end).toLowerCase(Locale.ROOT));
        return form == null ? null : new Draft(begin, end, form, Draft.Kind.RESOLVED);
    }

    /** End of the single-letter drafts from {@code i} with only spaces between them. */
    private int spacedRunEnd(List<Draft> drafts, int i, String clean) {
        if (!isLetter(drafts.get(i), clean)) {
            return i;
        }
        int j = i + 1;
        while (j < drafts.size() && j - i < lexicon.maxLength() && isLetter(drafts.get(j), clean)
                && isSpace(clean, drafts.get(j - 1).end, drafts.get(j).begin)) {
            j++;
        }
        return j;
    }

    private Draft spelled(List<Draft> drafts, int from, int to, String clean) {
        StringBuilder letters = new StringBuilder(to - from);
        for (int k = from; k < to; k++) {
            letters.append(Character.toLowerCase(clean.charAt(drafts.get(k).begin)));
        }
        String form = lexicon.exact(letters.toString());
        return form == null ? null
                : new Draft(drafts.get(from).begin, drafts.get(to - 1).end, form, Draft.Kind.RESOLVED);
    }

    private static boolean isLetter(Draft d, String clean) {
        return d.isWord() && d.end - d.begin == 1 && d.has(Shape.LETTER, clean);
    }

    private static boolean isSpace(String clean, int from, int to) {
        if (to - from < 1 || to - from > MAX_GAP) {
            return false;
        }
        for (int i = from; i < to; i++) {
            if (!Character.isWhitespace(clean.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
