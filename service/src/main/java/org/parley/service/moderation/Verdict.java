package org.parley.service.moderation;

import org.parley.service.errors.ApiException;

import java.util.Locale;

/**
 * What a moderator decides, and the status it leads to. REOPEN undoes a decision made by mistake: the comment goes back
 * to PENDING, unread, as a decision of its own in the history (its label, if exported, withdrawn).
 */
public enum Verdict {
    APPROVE(Status.PUBLISHED), REJECT(Status.REJECTED), ESCALATE(Status.ESCALATED), REOPEN(Status.PENDING);

    /** The accepted names, as error messages list them. */
    public static final String NAMES = "APPROVE, REJECT, ESCALATE or REOPEN";

    private final Status status;

    Verdict(Status status) {
        this.status = status;
    }

    public Status status() {
        return status;
    }

    /** @throws IllegalArgumentException naming the accepted values */
    public static Verdict parse(String name) {
        try {
            return valueOf(name.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("decision must be " + NAMES + " (was '" + ApiException.shown(name) + "')");
        }
    }
}
