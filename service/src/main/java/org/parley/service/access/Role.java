package org.parley.service.access;

import java.util.Locale;

/** What a key may do; each role may do everything the roles before it may. */
public enum Role {
    /**
     * Score only (/v1/score, batch, thread, :analyze): the key a site publishes in a page for CORS, which anyone
     * may copy. Those endpoints write no comment anywhere, whatever {@code doNotStore} says, and this role reaches
     * no other, so nothing such a key sends is stored: no feedback, comments, reports or decisions.
     */
    SCORER,
    /** Score comments, send feedback, and store and report its site's comments. */
    WEBSITE,
    /** Moderation features (later issues). */
    MODERATOR,
    /** Model and service administration. */
    ADMIN;

    /** Names as used in {@code @RolesAllowed}. */
    public static final String SCORER_NAME = "scorer";
    public static final String WEBSITE_NAME = "website";
    public static final String MODERATOR_NAME = "moderator";
    public static final String ADMIN_NAME = "admin";

    public boolean includes(Role other) {
        return compareTo(other) >= 0;
    }

    /** The name used in config, {@code @RolesAllowed} and answers: "scorer", "website", ... */
    public String lowerName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws IllegalArgumentException naming the valid roles */
    public static Role parse(String name) {
        try {
            return valueOf(name.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown role '" + name + "': use scorer, website, moderator or admin");
        }
    }
}
