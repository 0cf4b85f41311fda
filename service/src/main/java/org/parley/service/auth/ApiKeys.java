package org.parley.service.auth;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The configured keys, parsed from {@code key:role[:requestsPerSecond][:site=NAME],...} (config
 * {@code apiKeys}, which reads {@code PARLEY_API_KEYS}). The optional fields after the role may come
 * in either order; a site's keys (during a rotation, the old and the new) share its comments.
 */
public final class ApiKeys {
    /** What a site's name may hold: no ':' or ',', the separators, and lowercase so "News" is not a second site. */
    private static final Pattern SITE = Pattern.compile("[a-z0-9._-]{1,64}");
    private static final String FORM = "expected key:role[:requestsPerSecond][:site=NAME]";
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
            String site = null;
            for (int f = 2; f < parts.length; f++) {
                String field = parts[f].strip();
                if (field.startsWith("site=") && site == null) site = site(field.substring("site=".length()), where);
                else if (!field.startsWith("site=") && perSecond == null) perSecond = perSecond(field, where);
                else throw new IllegalArgumentException(where + ": " + FORM + " (each at most once)");
            }
            ApiKey key = new ApiKey(parts[0], role, perSecond == null ? defaultPerSecond : perSecond, site);
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

    /** The name is not echoed: a key pasted into the wrong field would be. */
    /** Whether {@code name} may name a site (a key's {@code site=NAME}, a moderator account's site). */
    public static boolean isSiteName(String name) {
        return name != null && SITE.matcher(name).matches();
    }

    private static String site(String name, String where) {
        if (!SITE.matcher(name).matches())
            throw new IllegalArgumentException(where + ": site=NAME takes 1 to 64 lowercase letters, digits, '.', '_' or '-'");
        return name;
    }

    /** One random admin key for a first run with no keys configured (printed at start-up). */
    public static ApiKeys devKey(int perSecond) {
        byte[] bytes = new byte[16];
        new SecureRandom().nextBytes(bytes);
        String key = "dev-" + HexFormat.of().formatHex(bytes);
        return new ApiKeys(Map.of(key, new ApiKey(key, Role.ADMIN, perSecond)));
    }

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
