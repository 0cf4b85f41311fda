package org.parley.service.core;

import org.parley.explain.Span;
import org.parley.label.Attribute;
import org.parley.policy.Severity;
import org.parley.sentiment.Sentiment;
import org.parley.service.api.ScoreResponse;
import org.parley.stance.ReplyStanceScore;
import org.parley.stance.TargetStance;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The per-comment parts of a response, shared by /v1/score, its batch, the thread endpoint and the
 * moderation store's views of stored comments.
 */
public final class ScoreParts {
    private ScoreParts() {}

    public static Map<String, ScoreResponse.AttributeScore> attributes(Set<Attribute> attributes, CommentScorer.Outcome o) {
        return attributes(attributes, o.probabilities());
    }

    /** @param probabilities by {@link Attribute#ordinal()} */
    public static Map<String, ScoreResponse.AttributeScore> attributes(Set<Attribute> attributes, float[] probabilities) {
        Map<String, ScoreResponse.AttributeScore> scores = new LinkedHashMap<>();
        for (Attribute a : attributes) {
            float p = probabilities[a.ordinal()];
            Severity s = Severity.of(p);
            scores.put(a.name(), new ScoreResponse.AttributeScore(p, s.severity(), s.level()));
        }
        return scores;
    }

    public static ScoreResponse.Rating rating(CommentScorer.Outcome o) {
        return rating(o.probabilities(), o.top());
    }

    public static ScoreResponse.Rating rating(float[] probabilities, Attribute top) {
        Severity s = Severity.of(probabilities[top.ordinal()]);
        return new ScoreResponse.Rating(s.level(), s.levelName().name(), top.name());
    }

    public static List<ScoreResponse.SpanScore> spans(CommentScorer.Outcome o) {
        List<ScoreResponse.SpanScore> spans = new ArrayList<>(o.spans().size());
        for (Span s : o.spans()) spans.add(new ScoreResponse.SpanScore(s.begin(), s.end(), s.weight()));
        return spans;
    }

    public static List<String> rules(CommentScorer.Outcome o) {
        return o.decision().fired();
    }

    public static List<ScoreResponse.TargetStanceScore> stance(List<TargetStance> stances) {
        List<ScoreResponse.TargetStanceScore> out = new ArrayList<>(stances.size());
        for (TargetStance s : stances)
            out.add(new ScoreResponse.TargetStanceScore(s.target(), s.label().name(), names(s.probabilities())));
        return out;
    }

    public static ScoreResponse.ReplyStanceScore replyStance(ReplyStanceScore s) {
        return new ScoreResponse.ReplyStanceScore(s.label().name(), names(s.probabilities()));
    }

    public static ScoreResponse.SentimentScore sentiment(Sentiment s) {
        return new ScoreResponse.SentimentScore(s.label() == null ? null : s.label().name(), names(s.probabilities()), s.sentences());
    }

    private static Map<String, Double> names(Map<? extends Enum<?>, Double> probabilities) {
        Map<String, Double> out = new LinkedHashMap<>();
        probabilities.forEach((k, v) -> out.put(k.name(), v));
        return out;
    }
}
