package org.parley.explain;

import org.parley.corpus.GoldSpans.Post;
import org.parley.text.Token;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@link SpanEvaluation}'s rows for the span tagger: alone, and in union with the explainer's
 * words (occlusion and lexicon thresholds tuned jointly with the tagger's). Every choice is made
 * on the tuning sample; dev F1 is only reported.
 */
final class SpanTaggerRows {
    private SpanTaggerRows() {}

    /** The union's tuned settings: the tagger's combination and the explainer's two thresholds. */
    record Union(SpanCombination combination, double threshold, double lexiconThreshold, double f1) {
        List<List<Span>> explained(List<List<SpanExplainer.Word>> words) {
            List<List<Span>> out = new ArrayList<>(words.size());
            for (List<SpanExplainer.Word> w : words) out.add(SpanExplainer.select(w, threshold, lexiconThreshold, Double.NaN));
            return out;
        }
    }

    /** A JSON fragment (leading comma) with the tagger rows. */
    static String report(List<Post> tune, List<List<Token>> tuneTokens, float[][] tuneP, List<List<SpanExplainer.Word>> tuneWords,
                         List<Post> dev, List<List<Token>> devTokens, float[][] devP, List<List<SpanExplainer.Word>> devWords) {

        SpanTaggerTrainer.Tuned alone = SpanTaggerTrainer.tune(tune, tuneTokens, tuneP);
        Union union = bestUnion(tune, tuneTokens, tuneP, tuneWords);
        return String.format(Locale.ROOT,
                ", \"tagger\": {\"threshold\": %.2f, \"fillGaps\": %s, \"fallback\": %s, \"tuneF1\": %.4f, \"devF1\": %.4f}"
                        + ", \"taggerUnion\": {\"threshold\": %.2f, \"occlusionThreshold\": %.2f, \"lexiconThreshold\": %.2f, "
                        + "\"fillGaps\": %s, \"fallback\": %s, \"tuneF1\": %.4f, \"devF1\": %.4f}",
                alone.combination().threshold(), alone.combination().fillGaps(), SpanTaggerTrainer.json(alone.combination().fallback()), alone.f1(),
                SpanTaggerTrainer.meanF1(dev, devTokens, devP, alone.combination(), null),
                union.combination().threshold(), union.threshold(), union.lexiconThreshold(),
                union.combination().fillGaps(), SpanTaggerTrainer.json(union.combination().fallback()), union.f1(),
                SpanTaggerTrainer.meanF1(dev, devTokens, devP, union.combination(), union.explained(devWords)));
    }

    static Union bestUnion(List<Post> posts, List<List<Token>> tokens, float[][] p,
                           List<List<SpanExplainer.Word>> words) {
        double inf = Double.POSITIVE_INFINITY;
        double[] occlusion = {inf, 1.0, 1.5, 2.0, 2.5, 3.0, 4.0};
        double[] lexicon = {inf, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8};
        Union best = new Union(null, 0, 0, -1);
        for (double o : occlusion)
            for (double l : lexicon) {
                List<List<Span>> explained = new Union(null, o, l, 0).explained(words);
                for (boolean fill : new boolean[] {false, true})
                    for (double fallback : new double[] {Double.NaN, 0, 0.1, 0.2})
                        for (int i = 2; i <= 20; i++) { // 1.0: the explainer's words alone
                            SpanCombination c = new SpanCombination(i * 0.05, true, fallback, fill);
                            double f1 = SpanTaggerTrainer.meanF1(posts, tokens, p, c, explained);
                            if (f1 > best.f1()) best = new Union(c, o, l, f1);
                        }
            }
        return best;
    }
}
