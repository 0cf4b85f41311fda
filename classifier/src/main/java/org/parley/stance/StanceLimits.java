package org.parley.stance;

import java.util.List;
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
        }
    }

    /** @throws IllegalArgumentException if the parent text is empty or too long */
    public static void checkParent(String parent) {
        if (parent == null || BlankText.is(parent)) throw new IllegalArgumentException("'parent' is empty");
        if (parent.length() > MAX_PARENT_CHARS)
            throw new IllegalArgumentException("'parent' is " + parent.length() + " characters; the limit is " + MAX_PARENT_CHARS);
    }
}
