package org.parley.score;

import org.parley.text.TextPipeline;
import org.parley.text.Token;

import java.util.List;

/**
 * Anything that gives the six attribute probabilities for texts: the DL4J model, the baselines.
 * Row i of the result holds the scores of texts.get(i), indexed by {@code Attribute.ordinal()}.
 */
public interface Scorer {
    /** Longest comment Parley scores, in UTF-16 chars (as Perspective): the service's limit and scripts/score's. */
    int MAX_TEXT = 20_480;

    float[][] score(List<String> texts);

    /**
     * As {@link #score(List)}, for texts a caller has already tokenised (the service, which needs the
     * tokens of the comments it explains): {@code tokens.get(i)} is {@code pipeline.tokenize(texts.get(i))}.
     * By default they are unused; a scorer that reads text through the same pipeline uses them
     * instead of tokenising again.
     */
    default float[][] score(List<String> texts, TextPipeline pipeline, List<List<Token>> tokens) {
        return score(texts);
    }

    /**
     * Scores of variants of texts, all of {@code variants.get(0)}'s first, in order. By default the
     * variant strings' scores; a scorer may reuse what it computes from the text itself, as long as
     * the scores stay those of the strings but for rare tokenisation differences (see ToxicityModel's).
     */
    default float[][] scoreVariants(List<Variants> variants) {
        List<String> texts = variants.stream().flatMap(v -> v.texts().stream()).toList();
        return texts.isEmpty() ? new float[0][] : score(texts);
    }

    /** A short name for reports ("parley-dl4j", "linear-ngram", "fasttext"). */
    String name();
}
