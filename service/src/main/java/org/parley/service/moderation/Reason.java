package org.parley.service.moderation;

import org.parley.label.Attribute;
import org.parley.service.errors.ApiException;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Why a moderator rejected a comment, and what that says about its attributes when the decision
 * becomes a training label ({@code scripts/export-decisions}). Reasons that are not about toxicity
 * (spam, off-topic) say nothing about the six attributes, so such decisions are not exported.
 */
public enum Reason {
    INSULT(Attribute.INSULT),
    THREAT(Attribute.THREAT),
    IDENTITY_ATTACK(Attribute.IDENTITY_ATTACK),
    PROFANITY(Attribute.PROFANITY),
    SEVERE_TOXICITY(Attribute.SEVERE_TOXICITY),
    TOXICITY(),
    SPAM(),
    OFF_TOPIC(),
    OTHER();

    private final Set<Attribute> attributes;

    Reason(Attribute... attributes) {
        this.attributes = attributes.length == 0 ? EnumSet.noneOf(Attribute.class) : EnumSet.copyOf(Arrays.asList(attributes));
    }

    /** Rejected for this reason means TOXICITY plus these attributes are present; empty for TOXICITY itself. */
    public Set<Attribute> attributes() {
        return attributes;
    }

    /** Whether a rejection for this reason labels the comment toxic. */
    public boolean isToxic() {
        return this != SPAM && this != OFF_TOPIC && this != OTHER;
    }

    /** The code as clients send it: {@code insult}, {@code identity_attack}, {@code off-topic}… */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Accepts any case and '-' or ' ' for '_'. @throws IllegalArgumentException naming the codes */
    public static Reason parse(String code) {
        String name = code.strip().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        try {
            return valueOf(name);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("reason must be one of " + codes() + " (was '" + ApiException.shown(code) + "')");
        }
    }

    public static String codes() {
        return Arrays.stream(values()).map(Reason::code).collect(Collectors.joining(", "));
    }
}
