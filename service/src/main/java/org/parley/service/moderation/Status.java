package org.parley.service.moderation;

import org.parley.policy.Action;

/** Where a comment stands now: shown on the site, waiting for a moderator, or not shown. */
public enum Status {
    PUBLISHED, PENDING, ESCALATED, REJECTED;

    /** The policy's recommendation, applied at ingestion. */
    public static Status of(Action action) {
        return switch (action) {
            case PUBLISH -> PUBLISHED;
            case REVIEW -> PENDING;
            case REJECT -> REJECTED;
        };
    }
}
