package org.parley.explain;

import org.parley.label.Attribute;
import org.parley.score.Scorer;
import org.parley.score.Variants;
import org.parley.text.TextPipeline;
import org.parley.text.Token;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Occlusion, backed by a lexicon: each distinct word of a comment is taken out (all its occurrences at once, so a
 * repeated insult still counts) and the comment is scored again; the words whose removal lowers
 * the attribute's log-odds by at least {@code threshold} are the spans. Log-odds rather than
 * probability, because a comment with two insults stays near 1 when one goes and the drop in
 * probability would hide both. All variants of all comments go through the scorer in one call,
 * so the cost is one batched forward pass per request. A word also counts when annotators mark it
 * often enough ({@link SpanLexicon} rate at least {@code lexiconThreshold}), because occlusion
 * under-credits words that repeat each other's meaning. When no word reaches either threshold the
 * best candidate (highest {@code fallbackMix × weight + rate}) is still shown: a comment worth
 * explaining nearly always has a word that drove it (NaN turns this off).
 */
public final class SpanExplainer {
    /**
     * Most words taken out per comment. Each variant is scored again whole, so occluding every word
     * costs the square of the comment's length; past this many distinct words only those the
     * lexicon rates highest are occluded (the others can still be chosen by their rate).
     */
    static final int MAX_OCCLUDED = 32;

    /** Clamps probabilities before the logit: float calibrated scores can be exactly 0 or 1. */
    private static final double EPS = 1e-7;

    private final Scorer scorer;
    private final TextPipeline pipeline;
    private final double threshold;
    private final SpanLexicon lexicon;
    private final double lexiconThreshold;
    private final double fallbackMix;

    /** Occlusion alone. */
    public SpanExplainer(Scorer scorer, TextPipeline pipeline, double threshold) {
        this(scorer, pipeline, threshold, SpanLexicon.empty(), Double.POSITIVE_INFINITY, Double.NaN);
    }

    public SpanExplainer(Scorer scorer, TextPipeline pipeline, double threshold, SpanLexicon lexicon,
                         double lexiconThreshold, double fallbackMix) {
        this.scorer = scorer;
        this.pipeline = pipeline;
        this.threshold = threshold;
        this.lexicon = lexicon;
        this.lexiconThreshold = lexiconThreshold;
        this.fallbackMix = fallbackMix;
    }

    public double threshold() {
        return threshold;
    }

    public double lexiconThreshold() {
        return lexiconThreshold;
    }

    TextPipeline pipeline() {
        return pipeline;
    }

    /** The words of one comment whose weight reaches the threshold, in text order, overlapping ones merged ({@link Span#disjoint}). */
    public List<Span> explain(String text, Attribute attribute, float probability) {
        return explain(List.of(text), List.of(attribute), new float[] {probability}).get(0);
    }

    /**
     * Spans for many comments in one scorer call.
     *
     * @param probabilities the already known probability of {@code attributes.get(i)} for {@code texts.get(i)}
     */
    public List<List<Span>> explain(List<String> texts, List<Attribute> attributes, float[] probabilities) {
        return select(weigh(texts, attributes, probabilities));
    }

    /** As above, for texts already tokenised by this explainer's pipeline. */
    List<List<Span>> explain(List<String> texts, List<List<Token>> tokens, List<Attribute> attributes, float[] probabilities) {
        return select(weigh(texts, tokens, attributes, probabilities));
    }

    private List<List<Span>> select(List<List<Word>> weighted) {
        List<List<Span>> out = new ArrayList<>(weighted.size());
        for (List<Word> words : weighted) out.add(select(words, threshold, lexiconThreshold, fallbackMix));
        return out;
    }

    /** The words that reach a threshold, or else the best candidate (unless fallbackMix is NaN). */
    static List<Span> select(List<Word> words, double threshold, double lexiconThreshold, double fallbackMix) {
        List<Span> kept = new ArrayList<>();
        for (Word w : words) if (w.span().weight() >= threshold || w.rate() >= lexiconThreshold) kept.add(w.span());
        if (!kept.isEmpty() || words.isEmpty() || Double.isNaN(fallbackMix)) return Span.disjoint(kept);
        Word best = words.get(0);
        for (Word w : words) if (w.score(fallbackMix) > best.score(fallbackMix)) best = w;
        for (Word w : words) if (w.score(fallbackMix) == best.score(fallbackMix)) kept.add(w.span()); // every occurrence
        return Span.disjoint(kept);
    }

    /** A word occurrence with its occlusion weight and its lexicon rate. */
    record Word(Span span, float rate) {
        double score(double mix) {
            return mix * span.weight() + rate;
        }
    }

    /** Every word with its weight and rate, before the thresholds (what they are tuned on). */
    List<List<Word>> weigh(List<String> texts, List<Attribute> attributes, float[] probabilities) {
        List<List<Token>> tokens = new ArrayList<>(texts.size());
        for (String text : texts) tokens.add(pipeline.tokenize(text));
        return weigh(texts, tokens, attributes, probabilities);
    }

    /** As above, for texts already tokenised by this explainer's pipeline. */
    List<List<Word>> weigh(List<String> texts, List<List<Token>> tokens, List<Attribute> attributes, float[] probabilities) {
        List<Occlusion> occlusions = new ArrayList<>(texts.size());
        for (int i = 0; i < texts.size(); i++) occlusions.add(occlude(texts.get(i), tokens.get(i)));
        float[][] scores = scorer.scoreVariants(occlusions.stream().map(Occlusion::variants).toList());
        List<List<Word>> out = new ArrayList<>(texts.size());
        int row = 0;
        for (int i = 0; i < texts.size(); i++) {
            Occlusion o = occlusions.get(i);
            int a = attributes.get(i).ordinal();
            double full = logit(probabilities[i]);
            List<Word> words = new ArrayList<>();
            for (int w = 0; w < o.words.size(); w++) {
                float weight = w < o.occluded() ? (float) (full - logit(scores[row + w][a])) : 0f;
                for (Token t : o.words.get(w)) words.add(new Word(new Span(t.begin(), t.end(), weight), lexicon.rate(t.text())));
            }
            row += o.occluded();
            words.sort((x, y) -> Integer.compare(x.span().begin(), y.span().begin()));
            out.add(words);
        }
        return out;
    }

    private Occlusion occlude(String text, List<Token> tokens) {
        // Group occurrences by normalised form, so "idiot ... IDIOT" is one word taken out twice.
        Map<String, List<Token>> words = new LinkedHashMap<>();
        for (Token t : tokens) {
            if (!isWord(t)) continue;
            words.computeIfAbsent(t.text(), k -> new ArrayList<>()).add(t);
        }
        List<List<Token>> groups = new ArrayList<>(words.values());
        if (groups.size() > MAX_OCCLUDED) // stable: equal rates keep text order
            groups.sort((x, y) -> Float.compare(lexicon.rate(y.get(0).text()), lexicon.rate(x.get(0).text())));
        return new Occlusion(groups, new Variants(text, tokens, groups.subList(0, Math.min(groups.size(), MAX_OCCLUDED))));
    }

    /**
     * Punctuation and the all-caps marker are not words a moderator would be shown. A word has a
     * letter or digit among its code points, read as {@code String.codePoints()} reads them (an
     * unpaired surrogate is a code point of its own), by a loop: a stream a token was a share of
     * each explained comment's bytes.
     */
    static boolean isWord(Token t) {
        if (t.text().equals(TextPipeline.ALL_CAPS)) return false;
        String s = t.original();
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            if (Character.isLetterOrDigit(c)) return true;
            i += Character.charCount(c);
        }
        return false;
    }

    private static double logit(float p) {
        double q = Math.min(1 - EPS, Math.max(EPS, p));
        return Math.log(q / (1 - q));
    }

    /** The first {@link #occluded} word groups were taken out, in that order; the rest were not. */
    private record Occlusion(List<List<Token>> words, Variants variants) {
        int occluded() {
            return variants.removed().size();
        }
    }
}
