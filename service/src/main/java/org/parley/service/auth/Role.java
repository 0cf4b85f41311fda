package org.parley.service.auth;

import java.util.Locale;

/** What a key may do; each role may do everything the roles before it may. */
public enum Role {
    /** Score comments and send feedback. */
    WEBSITE,
    /** Moderation features (later issues). */
    MODERATOR,
    /** Model and service administration. */
    ADMIN;

    /** Names as used in {@code @RolesAllowed}. */
    public static final String WEBSITE_NAME = "website";
    public static final String MODERATOR_NAME = "moderator";
    public static final String ADMIN_NAME = "admin";

    public boolean includes(Role other) {
        return compareTo(other) >= 0;
    }

    /** @throws IllegalArgumentException naming the valid roles */
    public static Role parse(String name) {
        try {
            return valueOf(name.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown role '" + name + "': use website, moderator or admin");
        }
    }
}
