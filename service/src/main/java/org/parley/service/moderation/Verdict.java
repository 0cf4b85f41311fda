package org.parley.service.moderation;

import org.parley.service.errors.ApiException;

import java.util.Locale;

/** What a moderator decides, and the status it leads to. */
public enum Verdict {
    APPROVE(Status.PUBLISHED), REJECT(Status.REJECTED), ESCALATE(Status.ESCALATED);

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
            throw new IllegalArgumentException("decision must be APPROVE, REJECT or ESCALATE (was '" + ApiException.shown(name) + "')");
        }
    }
}
