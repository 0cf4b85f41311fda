package org.parley.service.access;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The sites a moderator works on: every site ({@link #EVERY}), or a chosen few, in the order named. Written
 * {@code a.example|b.example}, in a moderator key's {@code site=} and in the moderators table: '|' is in no
 * site's name.
 */
public final class Sites {
    /** What a site's name may hold: none of the separators ':', ',' and '|', and lowercase so "News" is not a second site. */
    private static final Pattern NAME = Pattern.compile("[a-z0-9._-]{1,64}");
    private static final String SEPARATOR = "|";
    /** At most this many: a chosen few, and the moderators table's column holds 100 names of 64 characters and their separators. */
    public static final int MOST = 100;
    private static final String RULE = "1 to 64 lowercase letters, digits, '.', '_' or '-'";
    /**
     * An unnamed key's site ({@code auth.ApiKey#site}): {@code key:} and the key's fingerprint, 8 lowercase hex digits, or
     * {@code key:dev}, the dev key's (auth.ApiKeys#devKey: a newcomer could not give a moderator the comments just sent,
     * a newcomer's fourth audit). An account may moderate it ({@link #moderated}); a key cannot name it, since ':'
     * separates a key's fields.
     */
    private static final Pattern KEY_SITE = Pattern.compile("key:(?:[0-9a-f]{8}|dev)");
    public static final Sites EVERY = new Sites(List.of());

    private final List<String> names;  // empty: every site; never empty otherwise (of() refuses none)

    private Sites(List<String> names) {
        this.names = names;
    }

    /** Whether {@code name} may name a site (a key's {@code site=NAME}, a moderator account's site). */
    private static boolean isName(String name) {
        return name != null && NAME.matcher(name).matches();
    }

    /**
     * These sites, a name given twice once.
     *
     * @throws IllegalArgumentException for none, more than {@value #MOST}, or a name that is not one; its message
     *                                  follows what named them ("site=NAME takes …", "--site names at most …"), and
     *                                  never echoes a name: a key pasted into the wrong field would be
     */
    public static Sites of(Collection<String> names) {
        return checked(names, Sites::isName, "takes " + RULE);
    }

    /**
     * The sites a moderator account is given ({@code add-moderator --site}): names, as {@link #of} takes them, or an
     * unnamed key's {@code key:FINGERPRINT} (its comments, and those a key stored before its site was named), checked
     * as the service makes them.
     *
     * @throws IllegalArgumentException as {@link #of} does; its message names both forms and never echoes a name
     */
    public static Sites moderated(Collection<String> names) {
        return checked(names, n -> isName(n) || isKeySite(n),
                "takes " + RULE + ", or an unnamed key's site: key: and its 8 hex digits (key:0fb5438e), or the dev key's, key:dev");
    }

    private static Sites checked(Collection<String> names, java.util.function.Predicate<String> valid, String rule) {
        if (names.isEmpty()) throw new IllegalArgumentException("names no site");
        LinkedHashSet<String> distinct = new LinkedHashSet<>();
        for (String n : names) {
            if (!valid.test(n)) throw new IllegalArgumentException(rule);
            distinct.add(n);
        }
        if (distinct.size() > MOST) throw new IllegalArgumentException("names at most " + MOST + " sites");
        return new Sites(List.copyOf(distinct));
    }

    /** Whether {@code site} is an unnamed key's, {@code key:FINGERPRINT}. */
    public static boolean isKeySite(String site) {
        return site != null && KEY_SITE.matcher(site).matches();
    }

    /** One site. */
    public static Sites one(String name) {
        return of(List.of(name));
    }

    /**
     * One site as comments store it, named or not ({@code key:FINGERPRINT}, {@code account:USERNAME}): what a
     * moderator's {@code ?site=} narrows to, a website's key's reach. Not checked as a name: what the service
     * made it (a caller's own site) or what only narrows (a filter), never what grants a moderator their reach.
     */
    public static Sites stored(String site) {
        return stored(List.of(site));
    }

    /**
     * Some sites as comments store them, named or not, a site given twice once: those a caller reaches
     * ({@code auth.Caller#reachedSites}: a key's sites and its own). Not checked as names, as for {@link #stored(String)}.
     *
     * @throws IllegalArgumentException for none: no sites is not every site
     */
    public static Sites stored(Collection<String> sites) {
        if (sites.isEmpty()) throw new IllegalArgumentException("names no site");
        return new Sites(List.copyOf(new LinkedHashSet<>(sites)));
    }

    /** {@code a.example|b.example}, checked as {@link #of} checks names (a key's {@code site=}). */
    public static Sites parse(String written) {
        return of(split(written));
    }

    /**
     * As the moderators table holds them ({@link #written}): null is every site. Not checked: a value an operator set
     * by hand that names no site's comments narrows a moderator to none, and does not keep them from logging in.
     */
    public static Sites read(String column) {
        return column == null ? EVERY : new Sites(List.copyOf(new LinkedHashSet<>(split(column))));
    }

    private static List<String> split(String written) {
        return List.of(written.split(Pattern.quote(SEPARATOR), -1));
    }

    /** {@code a.example|b.example}; null for every site (the column's NULL). */
    public String written() {
        return names.isEmpty() ? null : String.join(SEPARATOR, names);
    }

    public boolean every() {
        return names.isEmpty();
    }

    /** Whether a comment stored by {@code site} (null: before sites were recorded) is among these. */
    public boolean includes(String site) {
        return names.isEmpty() || site != null && names.contains(site);  // List.of's contains(null) throws
    }

    /** The sites named, in order; empty for every site. */
    public List<String> names() {
        return names;
    }

    /** The one site named, if exactly one is. */
    public String only() {
        return names.size() == 1 ? names.get(0) : null;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Sites s && s.names.equals(names);
    }

    @Override
    public int hashCode() {
        return names.hashCode();
    }

    @Override
    public String toString() {
        return names.isEmpty() ? "every site" : String.join(SEPARATOR, names);
    }
}
