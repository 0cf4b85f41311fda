package org.parley.service.core;

import org.parley.explain.Span;
import org.parley.label.Attribute;
import org.parley.policy.Action;
import org.parley.policy.Policy;
import org.parley.text.Language;
import org.parley.text.Token;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Scores → policy → spans for a list of comments, in two scorer calls at most: one for all the
 * comments, one for the occlusion variants of those whose top attribute is worth explaining.
 * Each comment is tokenised once, by the explainer's pipeline, which the shipped scorer reads too
 * (a scorer that reads another tokenises again).
 * The policy also hears whether a comment looks to be in another language ({@link Language#likelyForeign}).
 * Tells a {@link Listener} each comment's scores and action, under the model that read it (the service's:
 * {@code monitoring.PolicyInputs}, the metrics).
 */
public final class CommentScorer {
    private final ModelHolder models;
    private final Policy policy;
    private final Function<String, Optional<Language.Guess>> foreign;
    private final float spanMinProbability;
    private final Listener seen;

    /** Hears each comment the policy decided. */
    @FunctionalInterface
    public interface Listener {
        /** @param probabilities indexed by {@link Attribute#ordinal()} */
        void decided(String model, float[] probabilities, Action action);
    }

    /** @param foreign a comment's language when it is not English ({@code Language::likelyForeign}) */
    public CommentScorer(ModelHolder models, Policy policy, Function<String, Optional<Language.Guess>> foreign,
                         float spanMinProbability, Listener seen) {
        this.models = models;
        this.policy = policy;
        this.foreign = foreign;
        this.spanMinProbability = spanMinProbability;
        this.seen = seen;
    }

    public Policy policy() {
        return policy;
    }

    /** What one comment asks for. */
    public record Input(String text, Set<Attribute> attributes, boolean spans) {}

    /**
     * @param top      the requested attribute with the highest probability, the one the spans explain
     * @param language the ISO 639-1 code of the comment's language when it looks not to be English, else null
     */
    public record Outcome(float[] probabilities, Attribute top, Policy.Decision decision, List<Span> spans, String language) {}

    /** The model used is returned with the outcomes: a reload mid-call cannot mix two models. */
    public record Result(ServedModel model, List<Outcome> outcomes) {}

    public Result score(List<Input> inputs) {
        ServedModel model = models.current();
        List<String> texts = inputs.stream().map(Input::text).toList();
        // When spans may be shown, the comments are tokenised once, for the scorer and the explainer both.
        List<List<Token>> tokens = inputs.stream().anyMatch(Input::spans) ? model.explainer().tokenize(texts) : null;
        float[][] scores = texts.isEmpty() ? new float[0][]
                : tokens == null ? model.scorer().score(texts) : model.scorer().score(texts, model.explainer().pipeline(), tokens);

        Attribute[] tops = new Attribute[inputs.size()];
        List<Integer> explain = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            tops[i] = top(scores[i], inputs.get(i).attributes());
            if (inputs.get(i).spans() && scores[i][tops[i].ordinal()] >= spanMinProbability) explain.add(i);
        }
        List<List<Span>> spans = explain.isEmpty() ? List.of() : model.explainer().explain(
                explain.stream().map(texts::get).toList(),
                explain.stream().map(tokens::get).toList(),
                explain.stream().map(i -> tops[i]).toList(),
                probabilities(scores, tops, explain));

        List<Outcome> out = new ArrayList<>(inputs.size());
        int e = 0;
        for (int i = 0; i < inputs.size(); i++) {
            List<Span> s = e < explain.size() && explain.get(e) == i ? spans.get(e++) : List.of();
            String language = foreign.apply(texts.get(i)).map(Language.Guess::language).orElse(null);
            Policy.Decision decision = policy.decide(scores[i], language, texts.get(i));
            seen.decided(model.info().version(), scores[i], decision.action());
            out.add(new Outcome(scores[i], tops[i], decision, s, language));
        }
        return new Result(model, out);
    }

    private static Attribute top(float[] scores, Set<Attribute> requested) {
        Attribute best = null;
        for (Attribute a : requested) if (best == null || scores[a.ordinal()] > scores[best.ordinal()]) best = a;
        return best;
    }

    private static float[] probabilities(float[][] scores, Attribute[] tops, List<Integer> which) {
        float[] p = new float[which.size()];
        for (int k = 0; k < p.length; k++) p[k] = scores[which.get(k)][tops[which.get(k)].ordinal()];
        return p;
    }
}
