package org.parley.service.moderation;

import org.parley.service.access.Role;
import org.parley.service.errors.ApiException;

import java.util.Locale;

/**
 * Who decides an escalated comment: a caller whose role includes {@code role}. With ADMIN (the
 * default) an escalation really passes the comment up; with MODERATOR any moderator may decide it.
 */
public record EscalationRule(Role role) {
    public static final EscalationRule ADMINS = new EscalationRule(Role.ADMIN);

    public EscalationRule {
        if (!role.includes(Role.MODERATOR)) throw new IllegalArgumentException("escalated comments are decided by moderator or admin, not " + name(role));
    }

    /** @throws IllegalArgumentException naming the accepted roles */
    public static EscalationRule parse(String role) {
        return new EscalationRule(Role.parse(role));
    }

    /** Whether a caller of {@code callersRole} decides escalated comments (the caller's role, not the caller: moderation sits below auth). */
    public boolean senior(Role callersRole) {
        return callersRole.includes(role);
    }

    /**
     * The 403 for a caller who may not decide {@code c}: it is escalated, or a senior decided it after its escalation
     * ({@link StoredComment#seniorOnly}), which a moderator may then neither revise nor reopen.
     */
    public ApiException refusal(StoredComment c) {
        String senior = role == Role.ADMIN ? "an admin" : "a " + name(role);
        String comment = ApiException.comment(c.id(), c.site());
        return new ApiException(403, "decision", null, c.status() == Status.ESCALATED
                ? comment + " is escalated: only " + senior + " may decide it"
                : comment + " was decided by " + senior + " after its escalation: only " + senior + " may decide it again"
                        + " (" + senior + "'s REOPEN gives it back to every moderator)");
    }

    private static String name(Role role) {
        return role.name().toLowerCase(Locale.ROOT);
    }
}
