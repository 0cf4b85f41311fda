package org.parley.service.auth;

import java.security.Principal;
import org.parley.service.access.Role;
import org.parley.service.access.Sites;

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
     * {@code --site}s), else {@link Sites#EVERY}. Not a moderator: EVERY, and {@link #reachedSites} their own site.
     */
    default Sites moderatedSites() {
        return Sites.EVERY;
    }

    /**
     * The sites whose comments this caller may reach (site null: stored before owners were recorded, the
     * twenty-first session): a moderator to read and decide them, a site to read their status and report them.
     * A moderator of every site reaches every comment ({@link Sites#EVERY}), one of some sites only theirs; anyone
     * else only their site's. The store narrows its queries to these ({@code CommentStore.named}), so a comment
     * out of reach is never read, and is answered as one that does not exist.
     */
    default Sites reachedSites() {
        return role().includes(Role.MODERATOR) ? moderatedSites() : Sites.stored(site());
    }
}
