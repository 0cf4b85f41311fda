package org.parley.policy;

import org.parley.label.Attribute;

/**
 * One moderation rule: when the attribute's probability lies in [min, max), recommend the action.
 * max = 1 includes 1, so a band can reach the top.
 *
 * @param secondLook read only for a comment the other rules (bands, language, phrases) would publish, as the
 *                   {@link SentenceRule} is. It then holds that comment, but it never fires beside a REJECT, which a
 *                   band's REVIEW turns into REVIEW (rules that disagree go to REVIEW): for an attribute that goes
 *                   with TOXICITY, such as INSULT, whose band of its own sent 299 of the dev split's 1,823
 *                   rejected comments to review instead.
 */
public record Band(Attribute attribute, double min, double max, Action action, boolean secondLook) {
    public Band {
        if (attribute == null || action == null) throw new IllegalArgumentException("band needs an attribute and an action");
        if (!(min >= 0 && min < max && max <= 1))
            throw new IllegalArgumentException("band " + attribute + " " + action + ": need 0 <= min < max <= 1, was [" + min + ", " + max + ")");
        if (secondLook && action == Action.PUBLISH)
            throw new IllegalArgumentException("band " + attribute + " " + action + ": a second look holds a comment the other rules publish, so its action cannot be PUBLISH");
    }

    public Band(Attribute attribute, double min, double max, Action action) {
        this(attribute, min, max, action, false);
    }

    /**
     * Compared as floats, the precision of the scores: a score shown as 0.9 is the float nearest
     * 0.9, which is below the double 0.9, and must still fall in [0.9, 1] as the response reads.
     */
    public boolean matches(float[] probabilities) {
        float p = probabilities[attribute.ordinal()];
        return p >= (float) min && (p < (float) max || (max == 1 && p <= 1));
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "%s in [%.2f, %.2f%s -> %s%s", attribute, min, max, max == 1 ? "]" : ")", action,
                secondLook ? " (second look)" : "");
    }
}
