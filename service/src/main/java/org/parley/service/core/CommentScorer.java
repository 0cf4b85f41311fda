package org.parley.service.core;

import org.parley.explain.Span;
import org.parley.label.Attribute;
import org.parley.policy.Action;
import org.parley.policy.Policy;
import org.parley.score.SentenceScores;
import org.parley.text.Language;
import org.parley.text.Sentences;
import org.parley.text.Token;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Scores → policy → spans for a list of comments, in three scorer calls at most: one for all the
 * comments, one for the occlusion variants of those whose top attribute is worth explaining, and, when
 * the policy reads sentences alone, one for the sentences of the comments its other rules publish.
 * Each comment is tokenised once, by the explainer's pipeline, which the shipped scorer reads too
 * (a scorer that reads another tokenises again).
 * The policy also hears whether a comment looks to be in another language ({@link Language#likelyForeign}),
 * and, for a comment it would publish, what its sentences score alone ({@link SentenceScores}), cut from
 * the same tokens.
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
        // When spans may be shown or sentences read alone, the comments are tokenised once, for the scorer, the explainer and the sentences.
        List<List<Token>> tokens = inputs.stream().anyMatch(Input::spans) || policy.sentences() != null
                ? model.explainer().tokenize(texts) : null;
        float[][] scores = texts.isEmpty() ? new float[0][]
                : tokens == null ? model.scorer().score(texts) : model.scorer().score(texts, model.explainer().pipeline(), tokens);

        String[] languages = new String[inputs.size()];
        for (int i = 0; i < inputs.size(); i++) languages[i] = foreign.apply(texts.get(i)).map(Language.Guess::language).orElse(null);
        Policy.Decision[] decisions = decide(model, texts, tokens, scores, languages);

        Attribute[] tops = new Attribute[inputs.size()];
        List<Explained> explain = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            tops[i] = top(scores[i], inputs.get(i).attributes());
            if (!inputs.get(i).spans()) continue;
            float p = scores[i][tops[i].ordinal()];
            if (p >= spanMinProbability) explain.add(new Explained(i, 0, texts.get(i), tokens.get(i), tops[i], p));
            else if (decisions[i].sentence() != null) explain.add(sentence(i, texts.get(i), tokens.get(i), decisions[i].sentence()));
        }
        List<List<Span>> spans = explain.isEmpty() ? List.of() : model.explainer().explain(
                explain.stream().map(Explained::text).toList(),
                explain.stream().map(Explained::tokens).toList(),
                explain.stream().map(Explained::attribute).toList(),
                probabilities(explain));

        List<Outcome> out = new ArrayList<>(inputs.size());
        int e = 0;
        for (int i = 0; i < inputs.size(); i++) {
            List<Span> s = e < explain.size() && explain.get(e).row() == i ? shifted(spans.get(e), explain.get(e++).offset()) : List.of();
            seen.decided(model.info().version(), scores[i], decisions[i].action());
            out.add(new Outcome(scores[i], tops[i], decisions[i], s, languages[i]));
        }
        return new Result(model, out);
    }

    /**
     * The policy's decisions; the sentences of every comment its other rules publish are read in one scorer call,
     * which spreads over the cores, rather than one call a comment.
     */
    private Policy.Decision[] decide(ServedModel model, List<String> texts, List<List<Token>> tokens, float[][] scores, String[] languages) {
        Policy.Decision[] decisions = new Policy.Decision[texts.size()];
        List<Integer> published = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            decisions[i] = policy.decide(scores[i], languages[i], texts.get(i));
            if (policy.readsSentences(decisions[i])) published.add(i);
        }
        if (published.isEmpty()) return decisions;
        List<List<SentenceScores.Scored>> sentences = SentenceScores.pieces(model.scorer(), model.explainer().pipeline(),
                published.stream().map(texts::get).toList(), published.stream().map(tokens::get).toList());
        for (int k = 0; k < published.size(); k++)
            decisions[published.get(k)] = policy.withSentences(decisions[published.get(k)], sentences.get(k));
        return decisions;
    }

    /**
     * What one comment's spans explain: the comment for its top attribute, or, for a comment the sentence rule
     * sent to review whose own top score is too low to explain, that sentence for the rule's attribute, so the
     * moderator sees the words that held it. {@code offset}: where the text begins in the comment.
     */
    private record Explained(int row, int offset, String text, List<Token> tokens, Attribute attribute, float probability) {}

    private Explained sentence(int row, String text, List<Token> tokens, SentenceScores.Scored fired) {
        Attribute a = policy.sentences().attribute();
        Sentences.Slice s = Sentences.slice(text, tokens, fired.begin(), fired.end());
        return new Explained(row, s.begin(), s.text(), s.tokens(), a, fired.probabilities()[a.ordinal()]);
    }

    private static List<Span> shifted(List<Span> spans, int offset) {
        if (offset == 0) return spans;
        List<Span> out = new ArrayList<>(spans.size());
        for (Span s : spans) out.add(new Span(s.begin() + offset, s.end() + offset, s.weight()));
        return out;
    }

    private static Attribute top(float[] scores, Set<Attribute> requested) {
        Attribute best = null;
        for (Attribute a : requested) if (best == null || scores[a.ordinal()] > scores[best.ordinal()]) best = a;
        return best;
    }

    private static float[] probabilities(List<Explained> explained) {
        float[] p = new float[explained.size()];
        for (int k = 0; k < p.length; k++) p[k] = explained.get(k).probability();
        return p;
    }
}
