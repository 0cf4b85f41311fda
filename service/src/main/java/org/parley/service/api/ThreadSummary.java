package org.parley.service.api;

import org.parley.label.Stance;
import org.parley.policy.Action;
import org.parley.stance.TargetStance;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Where a scored thread stands: per target, how many comments are FAVOR / AGAINST / NONE, and how
 * many the policy would PUBLISH / REVIEW / REJECT. Every label and action is listed, zero or not,
 * so each target's counts and the action counts add up to the number of comments.
 *
 * @param comments how many comments were scored
 * @param stance   one entry per target, in the order the targets were used
 * @param actions  comments per recommended action
 */
public record ThreadSummary(int comments, List<TargetCounts> stance, Map<Action, Integer> actions) {

    public record TargetCounts(String target, Map<Stance, Integer> counts) {}

    /**
     * @param targets the targets every comment was scored on
     * @param stances per comment, its stance on each of {@code targets} in that order
     * @param actions per comment, the policy's action
     */
    public static ThreadSummary of(List<String> targets, List<List<TargetStance>> stances, List<Action> actions) {
        if (stances.size() != actions.size())
            throw new IllegalArgumentException(stances.size() + " stance lists for " + actions.size() + " comments");
        List<TargetCounts> perTarget = new ArrayList<>(targets.size());
        for (int t = 0; t < targets.size(); t++) {
            Map<Stance, Integer> counts = zeros(Stance.class);
            for (List<TargetStance> comment : stances) {
                TargetStance s = comment.get(t);
                if (!s.target().equals(targets.get(t)))
                    throw new IllegalArgumentException("stance " + t + " is on '" + s.target() + "', expected '" + targets.get(t) + "'");
                counts.merge(s.label(), 1, Integer::sum);
            }
            perTarget.add(new TargetCounts(targets.get(t), counts));
        }
        Map<Action, Integer> byAction = zeros(Action.class);
        for (Action a : actions) byAction.merge(a, 1, Integer::sum);
        return new ThreadSummary(actions.size(), perTarget, byAction);
    }

    private static <E extends Enum<E>> Map<E, Integer> zeros(Class<E> type) {
        Map<E, Integer> m = new EnumMap<>(type);
        for (E e : type.getEnumConstants()) m.put(e, 0);
        return m;
    }
}
