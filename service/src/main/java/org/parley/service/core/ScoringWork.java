package org.parley.service.core;

import org.parley.service.api.ScoreRequest;

/**
 * What scoring a request costs, in the units a lane of the {@link ScoringGate} holds: a unit is one text of up to
 * {@link #UNIT_CHARS} characters read by the toxicity model. Measured with {@code scripts/benchmark-cost}
 * (docs/scoring-api.md, "Weighed by work"): a comment costs a fixed ~2 ms of CPU plus 0.5–0.8 ms per 1,000
 * characters, so its fixed cost is what 2,500–3,700 characters add and a unit per started 2,048 keeps a weight within
 * about twice the cost at every length; one stance target, whose sentence encoder reads the comment, added 3–6 times
 * the toxicity's cost, more targets up to ~4.6 ms each; the reply stance grows with the parent's text; NER proposing
 * targets from an article, by the characters it reads ({@link #proposing}). Spans (0.9–1.7
 * times the CPU) and SENTIMENT (one parse at a time, behind {@link SentimentHolder}'s own turn) are not weighed.
 */
public final class ScoringWork {
    /** Characters of a text a unit stands for: {@link RequestChecks#MAX_TEXT} is 10 units. */
    public static final int UNIT_CHARS = 2_048;
    /** The stance on targets, per unit of the comment's text: its sentence encoding, beside the toxicity's one. */
    static final int STANCE_PER_UNIT = 3;

    private ScoringWork() {}

    /** A text read by the toxicity model: one unit per started {@link #UNIT_CHARS} characters, at least one. */
    public static long text(String text) {
        return Math.max(1, (text.length() + UNIT_CHARS - 1) / UNIT_CHARS);
    }

    /**
     * A comment scored, with its stance on {@code targets} targets (0: none) and its reply stance toward {@code parent}
     * (null: none): the text, the text {@link #STANCE_PER_UNIT} times more and a unit per target when there are
     * targets, and the parent's text.
     */
    public static long comment(String text, int targets, String parent) {
        return text(text) + stance(text, targets) + (parent == null ? 0 : text(parent));
    }

    /**
     * A comment's stance on {@code targets} targets alone (0: none), as {@link #comment} weighs it: the text
     * {@link #STANCE_PER_UNIT} times and a unit per target. What a stored comment read against new targets weighs
     * (/v1/threads sent again), its toxicity not read again.
     */
    public static long stance(String text, int targets) {
        return targets == 0 ? 0 : STANCE_PER_UNIT * text(text) + targets;
    }

    /**
     * Characters of an article that NER reads for a unit, proposing targets: 0.35-0.8 s of a core for 20,000 characters
     * (two penetration-test helpers, forty-sixth session), 3.5-8 ms per 200, where a comment's unit is 1-4 ms.
     */
    public static final int NER_UNIT_CHARS = 200;

    /**
     * Proposing targets from an article, {@code chars} the characters NER reads of it ({@code TargetFinder.charsRead}): a
     * unit per started {@value #NER_UNIT_CHARS}, so 20,000 characters weigh 100, half the default batch lane; counted as
     * proposed targets alone, NER held a few units while a core ran it.
     */
    public static long proposing(int chars) {
        return (chars + NER_UNIT_CHARS - 1L) / NER_UNIT_CHARS;
    }

    /** A /v1/score request (a batch's item too), checked: its comment, targets and parentText. */
    public static long request(ScoreRequest request) {
        return comment(request.comment().text(), request.targets() == null ? 0 : request.targets().size(), request.parent());
    }
}
