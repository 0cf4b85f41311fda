package org.parley.explain;

import org.parley.label.Attribute;
import org.parley.text.TextPipeline;
import org.parley.text.Token;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The spans a service shows: the span tagger's words ({@link SpanCombination}), with the
 * occlusion-and-lexicon explainer's added when the combination is a union; the explainer alone when
 * there is no tagger. The tagger was trained on untyped toxic spans, so it tags the same words
 * whichever attribute is on top. Without the union the explainer's occlusion pass is skipped.
 */
public final class TaggedExplainer {
    private final SpanExplainer explainer;
    private final SpanTagger tagger;
    private final SpanCombination combination;
    private final TextPipeline pipeline;

    /** @param tagger null for the explainer alone */
    public TaggedExplainer(SpanExplainer explainer, SpanTagger tagger, SpanCombination combination, TextPipeline pipeline) {
        this.explainer = explainer;
        this.tagger = tagger;
        this.combination = combination;
        this.pipeline = pipeline;
    }

    public static TaggedExplainer explainerOnly(SpanExplainer explainer) {
        return new TaggedExplainer(explainer, null, null, null);
    }

    public double threshold() {
        return explainer.threshold();
    }

    public double lexiconThreshold() {
        return explainer.lexiconThreshold();
    }

    /** The tagger's settings; null when the explainer works alone. */
    public SpanCombination combination() {
        return tagger == null ? null : combination;
    }

    /** As {@link SpanExplainer#explain(List, List, float[])}. */
    public List<List<Span>> explain(List<String> texts, List<Attribute> attributes, float[] probabilities) {
        if (tagger == null) return explainer.explain(texts, attributes, probabilities);
        List<List<Token>> tokens = new ArrayList<>(texts.size());
        for (String t : texts) tokens.add(pipeline.tokenize(t));
        float[][] p = tagger.probabilities(tokens);
        List<List<Span>> explained = combination.union()
                ? explainer.explain(texts, attributes, probabilities) : Collections.nCopies(texts.size(), List.of());
        List<List<Span>> out = new ArrayList<>(texts.size());
        for (int i = 0; i < texts.size(); i++) out.add(combination.select(tokens.get(i), p[i], explained.get(i)));
        return out;
    }
}
