package org.parley.policy;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static org.parley.label.Attribute.IDENTITY_ATTACK;
import static org.parley.label.Attribute.SEVERE_TOXICITY;
import static org.parley.label.Attribute.THREAT;
import static org.parley.label.Attribute.TOXICITY;

/**
 * Moderation rules as score bands per attribute, after Jigsaw's Moderator: every band whose range
 * holds the score fires; if all fired bands agree, theirs is the action; if they disagree, a human
 * decides (REVIEW); if none fires, the default action.
 */
public final class Policy {
    private final List<Band> bands;
    private final Action otherwise;

    public Policy(List<Band> bands, Action otherwise) {
        this.bands = List.copyOf(bands);
        this.otherwise = otherwise;
    }

    /**
     * The shipped policy (README "Policy"): TOXICITY below 0.2 publishes, 0.5–0.9 goes to review,
     * 0.9 and above is rejected; SEVERE_TOXICITY ≥ 0.5 rejects; IDENTITY_ATTACK and THREAT ≥ 0.5
     * go to review (identity words still raise scores of friendly comments, and threats need a
     * human's judgement); anything else publishes.
     */
    public static Policy standard() {
        return new Policy(List.of(
                new Band(TOXICITY, 0.0, 0.2, Action.PUBLISH),
                new Band(TOXICITY, 0.5, 0.9, Action.REVIEW),
                new Band(TOXICITY, 0.9, 1.0, Action.REJECT),
                new Band(SEVERE_TOXICITY, 0.5, 1.0, Action.REJECT),
                new Band(IDENTITY_ATTACK, 0.5, 1.0, Action.REVIEW),
                new Band(THREAT, 0.5, 1.0, Action.REVIEW)), Action.PUBLISH);
    }

    public List<Band> bands() {
        return bands;
    }

    public Action otherwise() {
        return otherwise;
    }

    /** @param probabilities indexed by {@code Attribute.ordinal()} */
    public Decision decide(float[] probabilities) {
        List<Band> fired = new ArrayList<>();
        Set<Action> actions = EnumSet.noneOf(Action.class);
        for (Band b : bands) {
            if (b.matches(probabilities)) {
                fired.add(b);
                actions.add(b.action());
            }
        }
        Action action = actions.isEmpty() ? otherwise
                : actions.size() == 1 ? actions.iterator().next()
                : Action.REVIEW;
        return new Decision(action, List.copyOf(fired), actions.size() > 1);
    }

    /** The action, the bands that fired, and whether they disagreed. */
    public record Decision(Action action, List<Band> fired, boolean disagreed) {}
}
