package org.parley.service.core;

import org.parley.service.api.ScoreRequest;

/**
 * What scoring a request costs, in the units a lane of the {@link ScoringGate} holds: a unit is one text of up to
 * {@link #UNIT_CHARS} characters read by the toxicity model. Measured with {@code scripts/benchmark-cost}
 * (docs/scoring-api.md, "Overload"): a comment costs a fixed ~2 ms plus ~1 ms per 1,000 characters (~2.3 with spans),
 * so one of 2,048 characters costs about twice a short one and a unit per started 2,048 keeps a request's weight
 * within about twice its cost at every length; the stance on targets, whose sentence encoder reads the comment,
 * cost 3–4 times the toxicity's at 20 and 20,480 characters, each target ~1 ms more; the reply stance grows with the
 * parent's text as the toxicity does with the comment's. Spans (1.7–2.3 times the cost at every length) and
 * SENTIMENT (one parse at a time, {@link SentimentHolder}'s own turn) are not weighed.
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
        long units = text(text);
        return units + (targets == 0 ? 0 : STANCE_PER_UNIT * units + targets) + (parent == null ? 0 : text(parent));
    }

    /** A /v1/score request (a batch's item too), checked: its comment, targets and parentText. */
    public static long request(ScoreRequest request) {
        return comment(request.comment().text(), request.targets() == null ? 0 : request.targets().size(), request.parent());
    }
}
