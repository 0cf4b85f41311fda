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
     * The one site whose comments this moderator reads and decides (a key's {@code site=NAME}, an account's
     * {@code --site}); null: every site's. Not a moderator: null, and {@link #reaches} is their own site.
     */
    default String moderatedSite() {
        return null;
    }

    /**
     * Whether this caller may reach a comment stored by {@code site} (null: stored before owners were
     * recorded, the twenty-first session): a moderator to read and decide it, a site to read its status and
     * report it. A moderator of every site reaches every comment, one of a single site only that site's;
     * anyone else only their site's. A comment out of reach is answered as one that does not exist.
     */
    default boolean reaches(String site) {
        if (!role().includes(Role.MODERATOR)) return site().equals(site);
        return moderatedSite() == null || moderatedSite().equals(site);
    }
}
