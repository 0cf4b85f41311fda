package org.parley.service.auth;

import java.security.Principal;

/**
 * An authenticated caller. {@link #getName} is a short fingerprint, never the key itself, so it
 * can appear in logs and metrics.
 *
 * @param perSecond requests per second this key may make (its bucket refills at this rate)
 */
public record ApiKey(String key, Role role, int perSecond) implements Principal {
    @Override
    public String getName() {
        return role.name().toLowerCase(java.util.Locale.ROOT) + "-" + Integer.toHexString(key.hashCode());
    }

    @Override
    public String toString() {
        return getName();
    }
}
