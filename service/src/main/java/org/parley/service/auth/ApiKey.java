package org.parley.service.auth;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.parley.service.access.Role;
import org.parley.service.access.Sites;

/**
 * An authenticated caller. {@link #getName} is a short fingerprint, never the key itself, so it
 * can appear in logs, metrics and the decisions moderators read.
 *
 * @param perSecond   requests per second this key may make (its bucket refills at this rate)
 * @param sites       the sites the key was given ({@code site=NAME}, a moderator key's {@code site=A|B}), shared by
 *                    each site's keys; {@link Sites#EVERY}: none named
 * @param fingerprint 32 bits of a slow hash of the key ({@link #fingerprint(String)})
 */
public record ApiKey(String key, Role role, int perSecond, Sites sites, String fingerprint) implements Caller {
    /** PBKDF2 rounds: ~50 ms per key, once, when the keys are read. */
    private static final int ROUNDS = 100_000;
    private static final byte[] SALT = "parley api key fingerprint".getBytes(StandardCharsets.UTF_8);
    /**
     * Each configured key's fingerprint, worked out once in a JVM. The keys are the operator's few (no request adds one),
     * but the tests read the same keys again and again in one JVM (each service they start, each key list they parse):
     * there the rounds were 47 % of their JVMs' JFR execution samples (fifty-third session).
     */
    private static final Map<String, String> FINGERPRINTS = new ConcurrentHashMap<>();

    public ApiKey(String key, Role role, int perSecond) {
        this(key, role, perSecond, Sites.EVERY);
    }

    /** A key of one site. */
    public ApiKey(String key, Role role, int perSecond, String siteName) {
        this(key, role, perSecond, Sites.one(siteName));
    }

    public ApiKey(String key, Role role, int perSecond, Sites sites) {
        this(key, role, perSecond, sites, fingerprint(key));
    }

    /**
     * The site named in config (a moderator key's first, if it names several), else the key's own: {@code key:}
     * and its fingerprint (a name cannot hold ':'). An unnamed key is a site of its own, so two sites whose
     * operator named neither cannot read or report each other's comments (32 bits: two unnamed keys share a site at odds of one in four
     * billion); the fingerprint, not the role, so a key keeps its comments when its role changes.
     */
    @Override
    public String site() {
        return sites.every() ? ownSite() : sites.names().get(0);
    }

    /** A moderator (or admin) key that names sites moderates those only. */
    @Override
    public Sites moderatedSites() {
        return role.includes(Role.MODERATOR) ? sites : Sites.EVERY;
    }

    /** Also the comments the key stored before its site was named: naming it later loses it none of them. */
    @Override
    public Sites reachedSites() {
        Sites named = Caller.super.reachedSites();
        if (named.every()) return named;
        List<String> reached = new ArrayList<>(named.names());
        reached.add(ownSite());
        return Sites.stored(reached);
    }

    private String ownSite() {
        return "key:" + fingerprint;
    }

    /**
     * Eight hex digits of PBKDF2-HMAC-SHA256 of the key. A fast hash of it (it was Java's
     * String.hashCode) let anyone who sees a fingerprint narrow a short key down to a few hundred
     * candidates in seconds; at 100,000 rounds a guess costs what 100,000 did before.
     */
    static String fingerprint(String key) {
        return FINGERPRINTS.computeIfAbsent(key, ApiKey::pbkdf2);
    }

    private static String pbkdf2(String key) {
        try {
            byte[] hash = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                    .generateSecret(new PBEKeySpec(key.toCharArray(), SALT, ROUNDS, 32)).getEncoded();
            return HexFormat.of().formatHex(hash);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is part of every Java 17", e);
        }
    }

    @Override
    public String getName() {
        return role.lowerName() + "-" + fingerprint;
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
