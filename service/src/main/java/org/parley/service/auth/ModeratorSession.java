package org.parley.service.auth;

import java.time.Instant;
import org.parley.service.access.Role;
import org.parley.service.access.Sites;

/**
 * A moderator or admin logged in through POST /v1/session; their username goes on their decisions.
 *
 * @param moderatedSites the sites the account moderates
 */
public record ModeratorSession(String username, Role role, Sites moderatedSites, Instant expiresAt) implements Caller {
    @Override
    public String getName() {
        return username;
    }

    /** A comment a moderator submits from their session is their (first) site's, else their account's. */
    @Override
    public String site() {
        return moderatedSites.every() ? "account:" + username : moderatedSites.names().get(0);
    }
}
