package org.parley.service.resources;

import org.parley.explain.Span;
import org.parley.label.Attribute;
import org.parley.policy.Band;
import org.parley.policy.Severity;
import org.parley.service.api.ScoreResponse;
import org.parley.service.core.CommentScorer;
import org.parley.stance.ReplyStanceScore;
import org.parley.stance.TargetStance;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The per-comment parts of a response, shared by /v1/score, its batch and the thread endpoint. */
final class ScoreParts {
    private ScoreParts() {}

    static Map<String, ScoreResponse.AttributeScore> attributes(Set<Attribute> attributes, CommentScorer.Outcome o) {
        Map<String, ScoreResponse.AttributeScore> scores = new LinkedHashMap<>();
        for (Attribute a : attributes) {
            float p = o.probabilities()[a.ordinal()];
            Severity s = Severity.of(p);
            scores.put(a.name(), new ScoreResponse.AttributeScore(p, s.severity(), s.level()));
        }
        return scores;
    }

    static ScoreResponse.Rating rating(CommentScorer.Outcome o) {
        Severity top = Severity.of(o.probabilities()[o.top().ordinal()]);
        return new ScoreResponse.Rating(top.level(), top.levelName().name(), o.top().name());
    }

    static List<ScoreResponse.SpanScore> spans(CommentScorer.Outcome o) {
        List<ScoreResponse.SpanScore> spans = new ArrayList<>(o.spans().size());
        for (Span s : o.spans()) spans.add(new ScoreResponse.SpanScore(s.begin(), s.end(), s.weight()));
        return spans;
    }

    static List<String> rules(CommentScorer.Outcome o) {
        return o.decision().fired().stream().map(Band::toString).toList();
    }

    static List<ScoreResponse.TargetStanceScore> stance(List<TargetStance> stances) {
        List<ScoreResponse.TargetStanceScore> out = new ArrayList<>(stances.size());
        for (TargetStance s : stances)
            out.add(new ScoreResponse.TargetStanceScore(s.target(), s.label().name(), names(s.probabilities())));
        return out;
    }

    static ScoreResponse.ReplyStanceScore replyStance(ReplyStanceScore s) {
        return new ScoreResponse.ReplyStanceScore(s.label().name(), names(s.probabilities()));
    }

    private static Map<String, Double> names(Map<? extends Enum<?>, Double> probabilities) {
        Map<String, Double> out = new LinkedHashMap<>();
        probabilities.forEach((k, v) -> out.put(k.name(), v));
        return out;
    }
}
