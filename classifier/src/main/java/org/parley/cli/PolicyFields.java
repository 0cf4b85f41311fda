package org.parley.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.parley.model.ToxicityModel;
import org.parley.policy.Policy;
import org.parley.score.SentenceScores;
import org.parley.text.Language;
import org.parley.text.TextPipeline;
import org.parley.text.Token;

import java.util.List;

/**
 * scripts/score --policy: what the service's default policy ({@link Policy#standard()}: the bands, the
 * language rule, the threat word list and the sentence rule) does with each comment, as "action" and
 * "rules" beside its scores. Thread-safe: the workers share one.
 */
final class PolicyFields {
    private final Policy policy = Policy.standard();
    private final Language language = Language.standard();

    /** @param tokens {@code TextPipeline.standard().tokenize(text)}, which the model read */
    void annotate(ObjectNode line, ToxicityModel model, String text, List<Token> tokens, float[] scores) {
        Policy.Decision d = policy.decide(scores, language.likelyForeign(text).map(Language.Guess::language).orElse(null), text,
                () -> SentenceScores.pieces(model, TextPipeline.standard(), text, tokens));
        line.put("action", d.action().name());
        ArrayNode rules = line.putArray("rules");
        d.fired().forEach(rules::add);
    }
}
