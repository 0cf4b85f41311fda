package org.parley.stance;

import java.util.List;
import java.text.Normalizer;
import java.util.Locale;
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

    private StanceLimits() {}

    /** @throws IllegalArgumentException naming the first target that is wrong */
    public static void checkTargets(List<String> targets) {
        if (targets == null || targets.isEmpty()) throw new IllegalArgumentException("'target' must name at least one target");
        if (targets.size() > MAX_TARGETS)
            throw new IllegalArgumentException("'target' has " + targets.size() + " targets; the limit is " + MAX_TARGETS);
        for (int i = 0; i < targets.size(); i++) {
            String t = targets.get(i);
            String which = targets.size() == 1 ? "'target'" : "'target' item " + (i + 1);
            if (t == null || BlankText.is(t)) throw new IllegalArgumentException(which + " is empty");
            if (t.length() > MAX_TARGET_CHARS)
                throw new IllegalArgumentException(which + " is " + t.length() + " characters; the limit is " + MAX_TARGET_CHARS);
            int earlier = repeats(targets, i);
            if (earlier >= 0)
                throw new IllegalArgumentException(which + " repeats item " + (earlier + 1) + " (targets are compared without case, "
                        + "surrounding spaces or repeated spaces, as the model reads them)");
        }
    }

    /**
     * What two targets are the same by: the model reads a target without case, without surrounding spaces, with any run
     * of spaces as one and in any Unicode normal form (the shipped bundle gives "Syria", "syria" and " Syria " the same
     * probabilities to the last digit, as it does "military  action" and "military action", "café" composed and
     * decomposed), and the service's proposed targets are told apart the same way ({@code ThreadTargets}).
     */
    public static String sameness(String target) {
        return SPACES.matcher(Normalizer.normalize(target, Normalizer.Form.NFC).strip()).replaceAll(" ").toLowerCase(Locale.ROOT);
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
