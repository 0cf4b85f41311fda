package org.parley.explain;

import org.parley.label.Attribute;
import org.parley.model.Spread;
import org.parley.model.ToxicityModel;
import org.parley.text.TextPipeline;
import org.parley.text.Token;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The spans a service shows. With a {@link SpanStacker} (the default): every word's span-tagger
 * probability, occlusion weight and lexicon rate, combined by the stacker. Without one: the
 * tagger's words ({@link SpanCombination}), with the occlusion-and-lexicon explainer's added when
 * the combination is a union; the explainer alone when there is no tagger either. The tagger was
 * trained on untyped toxic spans, so it tags the same words whichever attribute is on top; the
 * occlusion weights are the top attribute's. Each comment is tokenised once for all of them, by the
 * explainer's pipeline; a caller that also scores the comments can tokenise them here first
 * ({@link #tokenize}) and hand the tokens to both the scorer and {@link #explain(List, List, List, float[])}.
 */
public final class TaggedExplainer {
    private final SpanExplainer explainer;
    private final SpanTagger tagger;
    private final SpanCombination combination;
    private final SpanStacker stacker;

    private TaggedExplainer(SpanExplainer explainer, SpanTagger tagger, SpanCombination combination, SpanStacker stacker) {
        this.explainer = explainer;
        this.tagger = tagger;
        this.combination = combination;
        this.stacker = stacker;
    }

    /** The tagger's words by its own threshold, with the explainer's in a union. */
    public TaggedExplainer(SpanExplainer explainer, SpanTagger tagger, SpanCombination combination) {
        this(explainer, tagger, combination, null);
    }

    /** The stacker's words; the explainer supplies occlusion weights and lexicon rates, its own thresholds unused. */
    public static TaggedExplainer stacked(SpanExplainer explainer, SpanTagger tagger, SpanStacker stacker) {
        return new TaggedExplainer(explainer, tagger, null, stacker);
    }

    public static TaggedExplainer explainerOnly(SpanExplainer explainer) {
        return new TaggedExplainer(explainer, null, null, null);
    }

    /** The pipeline the spans are read with: tokens for {@link #explain(List, List, List, float[])} come from it. */
    public TextPipeline pipeline() {
        return explainer.pipeline();
    }

    /** Each text through {@link #pipeline()}, spread over the cores for many texts (tokenising is most of a short text's cost; {@link Spread}). */
    public List<List<Token>> tokenize(List<String> texts) {
        return Spread.stream(texts, ToxicityModel.PARALLEL).map(pipeline()::tokenize).toList();
    }

    public double threshold() {
        return explainer.threshold();
    }

    public double lexiconThreshold() {
        return explainer.lexiconThreshold();
    }

    /** The tagger's settings; null when the explainer works alone or a stacker decides. */
    public SpanCombination combination() {
        return tagger == null ? null : combination;
    }

    /** The stacker that decides; null when thresholds do. */
    public SpanStacker stacker() {
        return stacker;
    }

    /** As {@link SpanExplainer#explain(List, List, float[])}. */
    public List<List<Span>> explain(List<String> texts, List<Attribute> attributes, float[] probabilities) {
        return explain(texts, tokenize(texts), attributes, probabilities);
    }

    /** As above, for texts already tokenised by {@link #pipeline()}. */
    public List<List<Span>> explain(List<String> texts, List<List<Token>> tokens, List<Attribute> attributes, float[] probabilities) {
        if (tagger == null) return explainer.explain(texts, tokens, attributes, probabilities);
        float[][] p = tagger.probabilities(tokens);
        List<List<Span>> out = new ArrayList<>(texts.size());
        if (stacker != null) {
            List<List<SpanExplainer.Word>> words = explainer.weigh(texts, tokens, attributes, probabilities);
            for (int i = 0; i < texts.size(); i++) out.add(stacker.select(tokens.get(i), p[i], words.get(i)));
            return out;
        }
        List<List<Span>> explained = combination.union()
                ? explainer.explain(texts, tokens, attributes, probabilities) : Collections.nCopies(texts.size(), List.of());
        for (int i = 0; i < texts.size(); i++) out.add(combination.select(tokens.get(i), p[i], explained.get(i)));
        return out;
    }
}
