package org.parley.text;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Set;

/**
 * Joins tokens that together spell one obfuscated lexicon word. The lexer keeps "f*ck" and
 * "sh!t" whole but splits "a$$" (a, $$), "fu*k" (fu, *, k) and "f#ck"; adjacent pieces (no
 * space between) are joined when the joined text resolves in the {@link Lexicon}. Spaced-out
 * words ("f u c k", "i d i o t") are joined when the letters spell a lexicon form exactly, so
 * "a b c" or "I a m" stay apart. An emoji or a bullet between letters masks like '*' ("id🤬ot",
 * "sh•t"). Both searches are bounded, so runs of thousands of single
 * letters or symbols stay linear.
 *
 * <p>The lexer reads a last single letter before a full stop as an initial ("t." in "i d i o t.",
 * "id**t.", "m*r*n."), which hid the word; such a token is split into its letter and the stop
 * for the search, and put back as it was where no join takes the letter ("J. K. Rowling").
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
        String clean = text.text();
        Split split = splitInitials(drafts, clean);
        List<Draft> joined = join(join(split.drafts, clean, false), clean, true);
        return split.initials == null ? joined : restoreInitials(joined, split.initials);
    }

    /** The drafts with initials split, and each letter piece's original token (null if none was split). */
    private record Split(List<Draft> drafts, Map<Draft, Draft> initials) {}

    /**
     * Splits "t." into "t" and "." where it may end a masked or spaced word: right after a word
     * piece (no space between), or after a single letter and a space.
     */
    private static Split splitInitials(List<Draft> drafts, String clean) {
        List<Draft> out = null;
        Map<Draft, Draft> initials = null;
        for (int i = 1; i < drafts.size(); i++) {
            Draft d = drafts.get(i);
            Draft prev = drafts.get(i - 1);
            boolean initial = d.isWord() && d.end - d.begin == 2 && clean.charAt(d.begin + 1) == '.'
                    && Character.isLetter(clean.charAt(d.begin)) && prev.isWord()
                    && (prev.end == d.begin || (isLetter(prev, clean) && isSpace(clean, prev.end, d.begin)));
            if (initial && out == null) {
                out = new ArrayList<>(drafts.subList(0, i));
                initials = new IdentityHashMap<>();
            }
            if (initial) {
                Draft letter = Draft.word(d.begin, d.begin + 1, d.text.substring(0, 1));
                initials.put(letter, d);
                out.add(letter);
                out.add(Draft.word(d.begin + 1, d.end, "."));
            } else if (out != null) {
                out.add(d);
            }
        }
        return out == null ? new Split(drafts, null) : new Split(out, initials);
    }

    /** Puts back each split initial whose letter no join took. */
    private static List<Draft> restoreInitials(List<Draft> drafts, Map<Draft, Draft> initials) {
        List<Draft> out = new ArrayList<>(drafts.size());
        for (int i = 0; i < drafts.size(); i++) {
            Draft original = initials.get(drafts.get(i));
            out.add(original != null ? original : drafts.get(i));
            if (original != null) {
                i++; // its full stop
            }
        }
        return out;
    }

    /** At each position, joins the longest run of drafts that resolves; copies the list only if one does. */
    private List<Draft> join(List<Draft> drafts, String clean, boolean spaced) {
        List<Draft> out = null;
        for (int i = 0; i < drafts.size(); ) {
            Draft joined = null;
            int end = spaced ? spacedRunEnd(drafts, i, clean) : maskedRunEnd(drafts, i, clean);
            for (int min = i + (spaced ? 3 : 2); end >= min && joined == null; end--) {
                joined = spaced ? spelled(drafts, i, end, clean) : masked(drafts, i, end, clean);
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
            shapes |= standIn(drafts.get(k), clean) ? Shape.MASK : drafts.get(k).shape(clean);
        }
        boolean letterAndMask = Shape.has(shapes, Shape.LETTER) && Shape.has(shapes, Shape.MASK | Shape.DIGIT);
        return j - i >= 2 && letterAndMask ? j : i;
    }

    private Draft masked(List<Draft> drafts, int from, int to, String clean) {
        int begin = drafts.get(from).begin;
        int end = drafts.get(to - 1).end;
        if (".-?!".indexOf(clean.charAt(end - 1)) >= 0 || standIn(drafts.get(from), clean)
                || standIn(drafts.get(to - 1), clean)) {
            return null; // most runs are a word and its full stop; "hat🎩" is not "hate"
        }
        StringBuilder candidate = new StringBuilder(end - begin);
        for (int k = from; k < to; k++) {
            Draft d = drafts.get(k);
            if (standIn(d, clean)) {
                candidate.append('*');
            } else {
                candidate.append(clean, d.begin, d.end);
            }
        }
        if (candidate.length() > lexicon.maxLength()) {
            return null;
        }
        String form = lexicon.match(candidate.toString().toLowerCase(Locale.ROOT));
        return form == null ? null : new Draft(begin, end, form, Draft.Kind.RESOLVED);
    }

    /**
     * A lone symbol that stands for a letter when it sits between letters with no space: an emoji
     * or a bullet ("id🤬ot", "sh•t"). It masks like '*'; at either end of a run it is not taken.
     */
    private static boolean standIn(Draft d, String clean) {
        int cp = clean.codePointAt(d.begin);
        if (cp < 0x80 || d.end - d.begin != Character.charCount(cp)) {
            return false;
        }
        int type = Character.getType(cp);
        return type == Character.OTHER_SYMBOL || type == Character.MATH_SYMBOL
                || type == Character.OTHER_PUNCTUATION;
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
