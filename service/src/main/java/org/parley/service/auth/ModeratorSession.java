package org.parley.service.auth;

import java.time.Instant;

/** A moderator or admin logged in through POST /v1/session; their username goes on their decisions. */
public record ModeratorSession(String username, Role role, Instant expiresAt) implements Caller {
    @Override
    public String getName() {
        return username;
    }

    /** A comment a moderator submits from their session is their account's (moderators reach every comment anyway). */
    @Override
    public String site() {
        return "account:" + username;
    }
}
