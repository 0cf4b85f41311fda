package org.parley.service.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.parley.policy.Action;
import org.parley.service.api.ScoreResponse.AttributeScore;
import org.parley.service.api.ScoreResponse.ModelInfo;
import org.parley.service.api.ScoreResponse.Rating;
import org.parley.service.api.ScoreResponse.ReplyStanceScore;
import org.parley.service.api.ScoreResponse.SentimentScore;
import org.parley.service.api.ScoreResponse.SpanScore;
import org.parley.service.api.ScoreResponse.TargetStanceScore;

import java.util.List;
import java.util.Map;

/**
 * A scored thread: every comment in page order, the targets its stance was read on, and a summary.
 *
 * @param id       the thread's id
 * @param targets  the targets used and where they came from
 * @param comments one per comment of the thread, in its order
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ThreadResponse(String id, Targets targets, List<CommentScore> comments, ThreadSummary summary,
                             ModelInfo model, ModelInfo stanceModel) {

    /** @param source "given" (the request's targets) or "proposed" (from the article) */
    public record Targets(List<String> used, String source) {}

    /**
     * The fields of a /v1/score response for one comment of the thread, plus where it sits.
     *
     * @param replyStance toward the comment's parent; absent when it has none in reach
     * @param replyTo     what replyStance was read against: "quote" (the passage the comment quotes)
     *                    or the id of the parent comment in this thread
     * @param sentiment   present when the request's attributes name SENTIMENT
     * @param language    as in /v1/score: present only when the comment looks not to be in English
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CommentScore(String id, Integer number, Map<String, AttributeScore> attributes, Rating rating,
                               Action action, List<String> rules, String language, List<SpanScore> spans,
                               List<TargetStanceScore> stance, ReplyStanceScore replyStance, String replyTo,
                               SentimentScore sentiment) {
        /** The same comment's answer with its sentiment, read after the scoring gate's turn. */
        public CommentScore withSentiment(SentimentScore mood) {
            return new CommentScore(id, number, attributes, rating, action, rules, language, spans, stance, replyStance, replyTo, mood);
        }
    }
}
