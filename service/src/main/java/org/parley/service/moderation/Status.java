package org.parley.service.moderation;

import org.parley.policy.Action;

/**
 * Where a comment stands now: shown on the site, waiting for a moderator, or not shown. ERASED: withdrawn by its
 * site or erased by an operator ({@code CommentStore.erase}); its text and names are gone, and nothing decides it again.
 */
public enum Status {
    PUBLISHED, PENDING, ESCALATED, REJECTED, ERASED;

    /** The policy's recommendation, applied at ingestion. */
    public static Status of(Action action) {
        return switch (action) {
            case PUBLISH -> PUBLISHED;
            case REVIEW -> PENDING;
            case REJECT -> REJECTED;
        };
    }
}
