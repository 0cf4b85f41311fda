package org.parley.service.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.parley.policy.Action;

import java.util.List;
import java.util.Map;

/**
 * What the model says about one comment, what the site's policy recommends, and which model said so;
 * {@code stanceModel} names the stance bundle when stance or replyStance is present; {@code sentiment}
 * is present when SENTIMENT was asked for; {@code language} (ISO 639-1) only when the comment looks to be
 * in another language than English, which the model reads as English all the same.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ScoreResponse(String id, Map<String, AttributeScore> attributes, Rating rating, Action action,
                            List<String> rules, String language, List<SpanScore> spans, List<TargetStanceScore> stance,
                            ReplyStanceScore replyStance, SentimentScore sentiment, ModelInfo model,
                            ModelInfo stanceModel) {

    /** The same answer with the comment's sentiment, which is read after the scoring gate's turn (it has a turn of its own). */
    public ScoreResponse withSentiment(SentimentScore mood) {
        return new ScoreResponse(id, attributes, rating, action, rules, language, spans, stance, replyStance, mood, model, stanceModel);
    }

    /** @param level the four-level value 0, 2, 4, 6 of the 0–7 severity */
    public record AttributeScore(float probability, int severity, int level) {}

    /** The highest level over the returned attributes, its name and the attribute that has it. */
    public record Rating(int level, String name, String attribute) {}

    /** A word of the comment that drove the rating's attribute: char offsets [begin, end) and its weight. */
    public record SpanScore(int begin, int end, float weight) {}

    /** The comment's stance on one requested target: FAVOR, AGAINST or NONE, and all three probabilities. */
    public record TargetStanceScore(String target, String label, Map<String, Double> probabilities) {}

    /** What the comment does to context.parentText: SUPPORT, DENY, QUERY or COMMENT, and all four probabilities. */
    public record ReplyStanceScore(String label, Map<String, Double> probabilities) {}

    /** CoreNLP's five-class sentiment (VERY_NEGATIVE … VERY_POSITIVE): the likeliest, and all five probabilities. */
    /**
     * @param label null, and so left out of the JSON (as the docs and openapi.yaml say), and probabilities empty, when no
     *              sentence could be read ({@code sentences} 0); it was written {@code "label": null}, which the document's
     *              string type does not allow
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SentimentScore(String label, Map<String, Double> probabilities, int sentences) {}

    public record ModelInfo(String name, String version, String checksum) {}
}
