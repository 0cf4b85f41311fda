package org.parley.service.export;

import org.parley.label.Attribute;
import org.parley.label.Labels;
import org.parley.service.moderation.Reason;
import org.parley.service.moderation.Verdict;

import java.util.Optional;

/**
 * What a moderator's decision says about the six attributes. An approval says the comment has
 * none of them; a rejection for a toxic reason says TOXICITY and the reason's attribute, and
 * nothing about the others (they stay unlabelled, never 0: an insult may also be profane).
 * Escalations and rejections for spam, off-topic or other reasons say nothing: no labels; nor does a reopen, which
 * undoes the decision before it (the comment is back in PENDING, unread).
 */
public final class DecisionLabels {
    private DecisionLabels() {}

    /** @param reason null where none was given */
    public static Optional<Labels> of(Verdict verdict, Reason reason) {
        return switch (verdict) {
            case APPROVE -> {
                Labels l = Labels.none();
                for (Attribute a : Attribute.values()) l = l.with(a, 0);
                yield Optional.of(l);
            }
            case REJECT -> {
                if (reason == null || !reason.isToxic()) yield Optional.empty();
                Labels l = Labels.none().with(Attribute.TOXICITY, 1);
                for (Attribute a : reason.attributes()) l = l.with(a, 1);
                yield Optional.of(l);
            }
            case ESCALATE, REOPEN -> Optional.empty();
        };
    }
}
