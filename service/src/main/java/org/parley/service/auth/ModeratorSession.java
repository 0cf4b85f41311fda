package org.parley.service.auth;

import java.time.Instant;

/**
 * A moderator or admin logged in through POST /v1/session; their username goes on their decisions.
 *
 * @param moderatedSite the one site the account moderates; null: every site
 */
public record ModeratorSession(String username, Role role, String moderatedSite, Instant expiresAt) implements Caller {
    @Override
    public String getName() {
        return username;
    }

    /** A comment a moderator submits from their session is their site's, else their account's. */
    @Override
    public String site() {
        return moderatedSite != null ? moderatedSite : "account:" + username;
    }
}
