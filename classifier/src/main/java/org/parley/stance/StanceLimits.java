package org.parley.stance;

import java.util.List;
import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.parley.score.Scorer;
import org.parley.text.BlankText;

/**
 * What a stance request may hold. Targets are short phrases; many targets multiply the work of a
 * request, and a long "target" is almost always a comment pasted in the wrong field. Every error
 * names the field and item, so a caller (the scorer, the service) can pass it on as is.
 */
public final class StanceLimits {
    public static final int MAX_TARGETS = 10;
    public static final int MAX_TARGET_CHARS = 200;
    /** A parent is a comment: as long as one may be. */
    public static final int MAX_PARENT_CHARS = Scorer.MAX_TEXT;
    /** How {@link #sameness} compares, in the words of a repeat's error. */
    public static final String SAMENESS = "without case, accents on Latin letters, invisible characters, surrounding or "
            + "repeated spaces, as the model reads them";

    private StanceLimits() {}

    /** @throws IllegalArgumentException naming the first target that is wrong, as scripts/score does ("'target' item 2") */
    public static void checkTargets(List<String> targets) {
        Problem p = problem(targets);
        if (p == null) return;
        String which = p.item() < 0 || targets.size() == 1 ? "'target'" : "'target' item " + (p.item() + 1);
        throw new IllegalArgumentException(switch (p.kind()) {
            case NONE -> "'target' must name at least one target";
            case TOO_MANY -> "'target' has " + p.found() + " targets; the limit is " + MAX_TARGETS;
            case EMPTY -> which + " is empty";
            case CONTROL -> which + " holds the control character " + codePoint(p.found()) + "; " + CONTROL_RULE;
            case TOO_LONG -> which + " is " + p.found() + " characters; the limit is " + MAX_TARGET_CHARS;
            case REPEAT -> which + " repeats item " + (p.found() + 1) + " (targets are compared " + SAMENESS + ")";
        });
    }

    /**
     * The first thing wrong with a list of targets. The rules live here once; each caller words the problem its own way
     * and names the item as its callers know it (the service {@code targets[1]}, scripts/score {@code 'target' item 2}).
     *
     * @param kind  what is wrong
     * @param item  the target it is wrong with, from 0; -1 for the list as a whole
     * @param found the number of targets (TOO_MANY), the control character (CONTROL), the length of its {@link #phrase}
     *              (TOO_LONG) or the item it repeats (REPEAT)
     */
    public record Problem(Kind kind, int item, int found) {
        public enum Kind { NONE, TOO_MANY, EMPTY, CONTROL, TOO_LONG, REPEAT }
    }

    /** Why a control character is refused, in the words of its error. */
    public static final String CONTROL_RULE = "a target may not hold control characters other than tabs and line breaks "
            + "(the stance model reads one as a space, or as two words)";

    /**
     * The first control character (Unicode's Cc: C0, DEL, C1) of {@code target} that is not a tab, line break or other
     * White_Space, or -1. Refused since the forty-fifth session: such a target ("Syria" with a bell) was stored and shown
     * as sent, though the model reads it as something else ({@link #asRead}), and nobody means one in a phrase.
     */
    public static int control(String target) {
        Matcher m = CONTROL.matcher(target);
        return m.find() ? target.codePointAt(m.start()) : -1;
    }

    /**
     * The control characters {@link #control} refuses: Unicode's Cc less its White_Space (tab, line feed, vertical tab,
     * form feed, carriage return, next line). The target finder reads them as spaces, so that it proposes none.
     */
    public static final Pattern CONTROL = Pattern.compile("[\\p{Cc}&&[^\\t\\n\\x0B\\f\\r\\x85]]");

    /** "U+0007", as an error shows a character it refuses rather than the character itself. */
    public static String codePoint(int c) {
        return String.format("U+%04X", c);
    }

    /** @return the first problem, checking the list and then each target in order, or null when there is none */
    public static Problem problem(List<String> targets) {
        if (targets == null || targets.isEmpty()) return new Problem(Problem.Kind.NONE, -1, 0);
        if (targets.size() > MAX_TARGETS) return new Problem(Problem.Kind.TOO_MANY, -1, targets.size());
        for (int i = 0; i < targets.size(); i++) {
            String t = targets.get(i);
            if (t == null || BlankText.is(t)) return new Problem(Problem.Kind.EMPTY, i, 0);
            int control = control(t);
            if (control >= 0) return new Problem(Problem.Kind.CONTROL, i, control);
            int chars = phrase(t).length();  // what the model reads: the spaces around the phrase do not count
            if (chars > MAX_TARGET_CHARS) return new Problem(Problem.Kind.TOO_LONG, i, chars);
            int earlier = repeats(targets, i);
            if (earlier >= 0) return new Problem(Problem.Kind.REPEAT, i, earlier);
        }
        return null;
    }

    /**
     * What two targets are the same by: the model reads a target without case, without surrounding spaces, with any run
     * of spaces as one and in any Unicode normal form (the shipped bundle gives "Syria", "syria" and " Syria " the same
     * probabilities to the last digit, as it does "military  action" and "military action", "café" composed and
     * decomposed), and the service's proposed targets are told apart the same way ({@code ThreadTargets}). Nor does it
     * read invisible characters or the accents of Latin letters ({@link #asRead}): until the forty-fifth session "Syria"
     * and "Syria" with a zero-width space were two targets, read alike, answered and stored twice.
     */
    public static String sameness(String target) {
        return SPACES.matcher(phrase(asRead(target))).replaceAll(" ").toLowerCase(Locale.ROOT);
    }

    /**
     * The target without what every part of the model passes over (the shipped bundle reads each pair of
     * {@code ShippedStanceTest.targetsTheRepeatRuleCallsTheSameAreReadAlike} alike, to the last digit): invisible format
     * characters (zero-width space and joiners, BOM, soft hyphen, direction marks), variation selectors and the
     * combining grapheme joiner are dropped; a control character is a space (inside a word the network reads two words
     * where the sentence encoder reads one, so "Sy\u0007ria" is not "Syria"); combining marks on a Latin letter, digit
     * or punctuation are dropped ("Zürich", "Zurich"), and kept on other scripts' letters, which the network reads
     * with them (Greek accents, Devanagari vowel signs). In NFC.
     */
    static String asRead(String target) {
        String decomposed = Normalizer.normalize(target, Normalizer.Form.NFD);
        StringBuilder out = new StringBuilder(decomposed.length());
        Character.UnicodeScript base = null;
        for (int i = 0; i < decomposed.length(); ) {
            int c = decomposed.codePointAt(i);
            i += Character.charCount(c);
            int type = Character.getType(c);
            if (type == Character.FORMAT || c == 0x034F || (c >= 0xFE00 && c <= 0xFE0F) || (c >= 0xE0100 && c <= 0xE01EF)) continue;
            if (type == Character.CONTROL) {
                out.append(' ');
                base = Character.UnicodeScript.COMMON;
            } else if (type == Character.NON_SPACING_MARK) {
                if (base != Character.UnicodeScript.LATIN && base != Character.UnicodeScript.COMMON) out.appendCodePoint(c);
            } else {
                base = Character.UnicodeScript.of(c);
                out.appendCodePoint(c);
            }
        }
        return Normalizer.normalize(out, Normalizer.Form.NFC);
    }

    /**
     * A target as the model reads it, and as a stance answer names it: without the spaces around it (any of Unicode's,
     * no-break spaces and line breaks included). The 200-character limit is on this: until the fortieth session a
     * phrase padded with spaces past 200 characters was refused, though the model reads the phrase alone.
     */
    public static String phrase(String target) {
        int begin = 0, end = target.length();
        while (begin < end && space(target.charAt(begin))) begin++;
        while (end > begin && space(target.charAt(end - 1))) end--;
        return target.substring(begin, end);
    }

    /** Unicode's White_Space, as {@code (?U)\\s} in {@link #sameness}: a loop, as a pattern anchored at the end backtracks over each inner run. */
    private static boolean space(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u0085';
    }

    private static final Pattern SPACES = Pattern.compile("(?U)\\s+");

    /**
     * The index of the first target before {@code i} that target {@code i} repeats ({@link #sameness}), or -1. Until the
     * thirty-ninth session a repeated target was read again: the answer gave the same stance twice, a thread's summary
     * counted its comments twice, and the caller paid for it twice.
     */
    public static int repeats(List<String> targets, int i) {
        String key = sameness(targets.get(i));
        for (int j = 0; j < i; j++) if (targets.get(j) != null && sameness(targets.get(j)).equals(key)) return j;
        return -1;
    }

    /** @throws IllegalArgumentException if the parent text is empty or too long */
    public static void checkParent(String parent) {
        if (parent == null || BlankText.is(parent)) throw new IllegalArgumentException("'parent' is empty");
        if (parent.length() > MAX_PARENT_CHARS)
            throw new IllegalArgumentException("'parent' is " + parent.length() + " characters; the limit is " + MAX_PARENT_CHARS);
    }
}
