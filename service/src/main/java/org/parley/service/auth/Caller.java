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
     * The sites whose comments this moderator reads and decides (a key's {@code site=A|B}, an account's
     * {@code --site}s), else {@link Sites#EVERY}. Not a moderator: EVERY, and {@link #reaches} is their own site.
     */
    default Sites moderatedSites() {
        return Sites.EVERY;
    }

    /**
     * Whether this caller may reach a comment stored by {@code site} (null: stored before owners were
     * recorded, the twenty-first session): a moderator to read and decide it, a site to read its status and
     * report it. A moderator of every site reaches every comment, one of some sites only theirs;
     * anyone else only their site's. A comment out of reach is answered as one that does not exist.
     */
    default boolean reaches(String site) {
        if (!role().includes(Role.MODERATOR)) return site().equals(site);
        return moderatedSites().includes(site);
    }
}
