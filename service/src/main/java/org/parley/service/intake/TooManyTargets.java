package org.parley.service.intake;

import org.parley.stance.StanceLimits;

/**
 * A stored comment sent again with new targets that would hold stance on more than {@link StanceLimits#MAX_TARGETS}:
 * as many as one request may name. Each call may name 10 new ones, and a row grown without end would outgrow its
 * stance column (100,000 characters, a few hundred targets) and fill the moderator page with chips.
 */
public final class TooManyTargets extends RuntimeException {
    private final int index;

    public TooManyTargets(int index, String id, int held, int adding) {
        super("comment '" + id + "' holds stance on " + held + " targets, and these targets would add " + adding
                + ": a stored comment holds at most " + StanceLimits.MAX_TARGETS + " (score the thread on /v1/score/thread"
                + " for stance on others, which stores nothing)", null, false, false);
        this.index = index;
    }

    /** Which submission of the call it is. */
    public int index() {
        return index;
    }
}
