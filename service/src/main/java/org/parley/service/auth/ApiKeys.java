package org.parley.service.auth;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.parley.service.access.Role;
import org.parley.service.access.Sites;

/**
 * The configured keys, parsed from {@code key:role[:requestsPerSecond][:site=NAME],...} (config
 * {@code apiKeys}, which reads {@code PARLEY_API_KEYS}). The optional fields after the role may come
 * in either order; a site's keys (during a rotation, the old and the new) share its comments. A moderator
 * or admin key may name several sites, {@code site=a.example|b.example}, and moderates those.
 */
public final class ApiKeys {
    private static final String FORM = "expected key:role[:requestsPerSecond][:site=NAME[|NAME...]]";
    private final Map<String, ApiKey> byKey;

    private ApiKeys(Map<String, ApiKey> byKey) {
        this.byKey = Map.copyOf(byKey);
    }

    /** @throws IllegalArgumentException naming the entry that is wrong (never echoing a whole key list) */
    public static ApiKeys parse(String spec, int defaultPerSecond) {
        Map<String, ApiKey> keys = new LinkedHashMap<>();
        if (spec == null || spec.isBlank()) return new ApiKeys(keys);
        String[] entries = spec.split(",");
        for (int i = 0; i < entries.length; i++) {
            String entry = entries[i].strip();
            if (entry.isEmpty()) continue;
            String[] parts = entry.split(":");
            String where = "apiKeys entry " + (i + 1);
            if (parts.length < 2 || parts.length > 4 || parts[0].isBlank()) throw new IllegalArgumentException(where + ": " + FORM);
            if (parts[0].length() < 8) throw new IllegalArgumentException(where + ": keys must have at least 8 characters");
            Role role;
            try {
                role = Role.parse(parts[1]);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + ": " + e.getMessage());
            }
            Integer perSecond = null;
            Sites sites = null;
            for (int f = 2; f < parts.length; f++) {
                String field = parts[f].strip();
                if (field.startsWith("site=") && sites == null) sites = sites(field.substring("site=".length()), role, where);
                else if (!field.startsWith("site=") && perSecond == null) perSecond = perSecond(field, where);
                else throw new IllegalArgumentException(where + ": " + FORM + " (each at most once)");
            }
            ApiKey key = new ApiKey(parts[0], role, perSecond == null ? defaultPerSecond : perSecond,
                    sites == null ? Sites.EVERY : sites);
            if (keys.put(parts[0], key) != null) throw new IllegalArgumentException(where + ": the same key appears twice");
        }
        return new ApiKeys(keys);
    }

    private static int perSecond(String field, String where) {
        int perSecond;
        try {
            perSecond = Integer.parseInt(field);
        } catch (NumberFormatException e) {
            perSecond = -1;
        }
        if (perSecond < 1) throw new IllegalArgumentException(where + ": requestsPerSecond must be a positive integer");
        return perSecond;
    }

    /**
     * A key's site, or a moderator key's sites. A website key sends for one site: the comments it stores are that
     * site's. The name is not echoed: a key pasted into the wrong field would be.
     */
    private static Sites sites(String names, Role role, String where) {
        Sites sites;
        try {
            sites = Sites.parse(names);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": site=NAME " + e.getMessage());
        }
        if (sites.only() == null && !role.includes(Role.MODERATOR))
            throw new IllegalArgumentException(where + ": a " + role.lowerName() + " key sends for one site; only a moderator or admin key names several");
        return sites;
    }

    /**
     * One random admin key for a first run with no keys configured (printed at start-up). Its fingerprint is
     * {@value #DEV_FINGERPRINT}, not its hash: the key is new at each start, but the store it writes to is not, and a
     * page sent again after a restart must find the comments it stored as the same site ({@code key:dev}), not store
     * them twice. No configured key can take that site: a fingerprint is eight hex digits.
     */
    public static ApiKeys devKey(int perSecond) {
        byte[] bytes = new byte[16];
        new SecureRandom().nextBytes(bytes);
        String key = "dev-" + HexFormat.of().formatHex(bytes);
        return new ApiKeys(Map.of(key, new ApiKey(key, Role.ADMIN, perSecond, Sites.EVERY, DEV_FINGERPRINT)));
    }

    static final String DEV_FINGERPRINT = "dev";

    public boolean isEmpty() {
        return byKey.isEmpty();
    }

    public Iterable<ApiKey> all() {
        return byKey.values();
    }

    /** Constant-time comparison per key, so response times do not leak how much of a key matched. */
    public Optional<ApiKey> find(String candidate) {
        if (candidate == null) return Optional.empty();
        byte[] c = candidate.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        ApiKey found = null;
        for (ApiKey k : byKey.values())
            if (MessageDigest.isEqual(c, k.key().getBytes(java.nio.charset.StandardCharsets.UTF_8))) found = k;
        return Optional.ofNullable(found);
    }
}
