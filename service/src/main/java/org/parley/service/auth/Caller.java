package org.parley.service.auth;

import java.security.Principal;

/** Who made a request: a site or tool with an API key, or a moderator logged in to a session. */
public interface Caller extends Principal {
    Role role();

    /** The name recorded on the decisions this caller makes. */
    default String actor() {
        return getName();
    }

    /** The site recorded as the owner of the comments this caller stores. */
    String site();

    /**
     * Whether this caller may read the status of, and report, a comment stored by {@code site} (null:
     * stored before owners were recorded, the twenty-first session). Moderators reach every comment;
     * anyone else only their site's, so another site's comment is answered as one that does not exist.
     */
    default boolean reaches(String site) {
        return role().includes(Role.MODERATOR) || site().equals(site);
    }
}
