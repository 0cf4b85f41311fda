package org.parley.stance;

import java.util.ArrayList;
import java.util.List;
import org.parley.feature.FeatureExtractor;
import org.parley.feature.Vocabulary;

/**
 * Turns the tokens of a comment and of its target (or parent) into ids of one shared embedding
 * table: a target word the model has only seen in comments still means what it meant there, which
 * is what lets an unseen target work. Ids, fastText-style: the word id, the hashed bigram each
 * token ends, and for a word outside the vocabulary its hashed character n-grams, so a new name
 * ("Assad") still shares pieces with spellings seen in training. Layout: [padding, unknown,
 * words…, bigram buckets…, char buckets…].
 */
final class PairEncoder {
    private final PairFeatureConfig config;
    private final Vocabulary vocabulary;
    private final int bigramOffset;
    private final int charOffset;

    PairEncoder(PairFeatureConfig config, Vocabulary vocabulary) {
        this.config = config;
        this.vocabulary = vocabulary;
        this.bigramOffset = vocabulary.size();
        this.charOffset = bigramOffset + config.bigramBuckets();
    }

    PairFeatureConfig config() { return config; }

    Vocabulary vocabulary() { return vocabulary; }

    /** Rows of the embedding table. */
    int idSpace() {
        return charOffset + config.charBuckets();
    }

    int[] text(List<String> tokens) {
        return ids(tokens, config.maxTextTokens());
    }

    int[] context(List<String> tokens) {
        return ids(tokens, config.maxContextTokens());
    }

    private int[] ids(List<String> tokens, int max) {
        int n = Math.min(tokens.size(), max);
        List<Integer> out = new ArrayList<>(n * 3);
        int previous = 0;
        for (int i = 0; i < n; i++) {
            String t = tokens.get(i);
            int word = vocabulary.id(t);
            int h = hash(t);
            out.add(word);
            if (i > 0) out.add(bigramOffset + Math.floorMod(FeatureExtractor.mix(previous * 31 + h), config.bigramBuckets()));
            previous = h;
            if (word == Vocabulary.UNKNOWN && t.length() > 1) {
                String padded = "<" + t + ">";
                for (int len = config.charMin(); len <= config.charMax(); len++)
                    for (int b = 0; b + len <= padded.length(); b++)
                        out.add(charOffset + Math.floorMod(hash(padded.substring(b, b + len)), config.charBuckets()));
            }
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    private int hash(String s) {
        return FeatureExtractor.mix(s.hashCode() ^ config.seed());
    }
}
