package org.parley.service.auth;

/**
 * An authenticated caller. {@link #getName} is a short fingerprint, never the key itself, so it
 * can appear in logs and metrics.
 *
 * @param perSecond requests per second this key may make (its bucket refills at this rate)
 */
public record ApiKey(String key, Role role, int perSecond) implements Caller {
    @Override
    public String getName() {
        return role.name().toLowerCase(java.util.Locale.ROOT) + "-" + Integer.toHexString(key.hashCode());
    }

    /** Decisions made with a moderator key are recorded as {@code key:<fingerprint>}. */
    @Override
    public String actor() {
        return "key:" + getName();
    }

    @Override
    public String toString() {
        return getName();
    }
}
