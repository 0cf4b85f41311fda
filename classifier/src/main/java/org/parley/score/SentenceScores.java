package org.parley.score;

import org.parley.text.Sentences;
import org.parley.text.TextPipeline;
import org.parley.text.Token;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/**
 * Each sentence of a comment scored alone. The models pool over the whole comment, so one insult
 * between civil sentences is averaged away (the robustness suite's long-civil lines: TOXICITY 0.20
 * in the comment, 0.67 alone); the policy's {@link org.parley.policy.SentenceRule} reads the worst
 * sentence instead, and a long sentence in windows ({@link #pieces}). The sentences are cut from the
 * comment's tokens, not tokenised again.
 */
public final class SentenceScores {
    /**
     * The tokens of a window the sentence rule reads in a sentence of more than twice as many
     * ({@link Sentences#pieces}). Chosen on the dev split and the robustness suite's long-sentence lines
     * (docs/scoring-api.md, "Policy"): 12 held more but less of it toxic, 24 held few of the suite's lines.
     */
    public static final int WINDOW = 16;

    private SentenceScores() {}

    /** One sentence: [begin, end) in the comment, and its probabilities, indexed by {@code Attribute.ordinal()}. */
    public record Scored(int begin, int end, float[] probabilities) {}

    /**
     * @param tokens {@code pipeline.tokenize(text)}
     * @return each sentence scored, in order; empty for a comment of one sentence, which the comment's
     * own scores already describe
     */
    public static List<Scored> of(Scorer scorer, TextPipeline pipeline, String text, List<Token> tokens) {
        return of(scorer, pipeline, List.of(text), List.of(tokens)).get(0);
    }

    /** A comment's own scores, indexed by {@code Attribute.ordinal()}, and its sentences' as {@link #of(Scorer, TextPipeline, String, List)} gives them. */
    public record WithComment(float[] comment, List<Scored> sentences) {}

    /**
     * The comment and its sentences in one scorer call: a caller that needs both (Perspective's spans) made two, the
     * comment's and then its sentences'. Each text is scored on its own, so the scores are those of two calls.
     *
     * @param tokens {@code pipeline.tokenize(text)}
     */
    public static WithComment withComment(Scorer scorer, TextPipeline pipeline, String text, List<Token> tokens) {
        List<Sentences.Slice> slices = read(Sentences.slices(text, tokens));
        List<String> texts = new ArrayList<>(List.of(text));
        List<List<Token>> textTokens = new ArrayList<>(List.of(tokens));
        add(slices, texts, textTokens);
        float[][] p = scorer.score(texts, pipeline, textTokens);
        return new WithComment(p[0], scored(slices, p, 1));
    }

    /** As {@link #of(Scorer, TextPipeline, String, List)} for several comments, in one scorer call (which spreads over the cores). */
    public static List<List<Scored>> of(Scorer scorer, TextPipeline pipeline, List<String> texts, List<List<Token>> tokens) {
        return scored(scorer, pipeline, texts, tokens, Sentences::slices);
    }

    /**
     * What the policy's sentence rule reads, scored alone: each sentence, a long one as overlapping windows of
     * {@link #WINDOW} tokens ({@link Sentences#pieces}); empty for a comment that is one piece.
     */
    public static List<Scored> pieces(Scorer scorer, TextPipeline pipeline, String text, List<Token> tokens) {
        return pieces(scorer, pipeline, List.of(text), List.of(tokens)).get(0);
    }

    /** As {@link #pieces(Scorer, TextPipeline, String, List)} for several comments, in one scorer call. */
    public static List<List<Scored>> pieces(Scorer scorer, TextPipeline pipeline, List<String> texts, List<List<Token>> tokens) {
        return scored(scorer, pipeline, texts, tokens, (text, t) -> Sentences.pieces(text, t, WINDOW));
    }

    private static List<List<Scored>> scored(Scorer scorer, TextPipeline pipeline, List<String> texts, List<List<Token>> tokens,
                                             BiFunction<String, List<Token>, List<Sentences.Slice>> cut) {
        List<List<Sentences.Slice>> slices = new ArrayList<>(texts.size());
        List<String> sentences = new ArrayList<>();
        List<List<Token>> sentenceTokens = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            List<Sentences.Slice> s = read(cut.apply(texts.get(i), tokens.get(i)));
            slices.add(s);
            add(s, sentences, sentenceTokens);
        }
        float[][] p = sentences.isEmpty() ? new float[0][] : scorer.score(sentences, pipeline, sentenceTokens);
        List<List<Scored>> out = new ArrayList<>(texts.size());
        int k = 0;
        for (List<Sentences.Slice> s : slices) {
            out.add(scored(s, p, k));
            k += s.size();
        }
        return out;
    }

    /** The pieces read alone: none for a comment of one, which the comment's own scores already describe. */
    private static List<Sentences.Slice> read(List<Sentences.Slice> pieces) {
        return pieces.size() < 2 ? List.of() : pieces;
    }

    /** Adds each piece's text and tokens to a scorer call's lists. */
    private static void add(List<Sentences.Slice> pieces, List<String> texts, List<List<Token>> tokens) {
        for (Sentences.Slice slice : pieces) {
            texts.add(slice.text());
            tokens.add(slice.tokens());
        }
    }

    /** The pieces with their scores, rows {@code from} on of the scorer call's {@code p}. */
    private static List<Scored> scored(List<Sentences.Slice> pieces, float[][] p, int from) {
        List<Scored> out = new ArrayList<>(pieces.size());
        for (int k = 0; k < pieces.size(); k++) out.add(new Scored(pieces.get(k).begin(), pieces.get(k).end(), p[from + k]));
        return out;
    }
}
