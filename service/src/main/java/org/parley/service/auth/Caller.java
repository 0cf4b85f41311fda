package org.parley.service.auth;

import java.security.Principal;

/** Who made a request: a site or tool with an API key, or a moderator logged in to a session. */
public interface Caller extends Principal {
    Role role();

    /** The name recorded on the decisions this caller makes. */
    default String actor() {
        return getName();
    }
}
