package org.parley.train;

import org.parley.corpus.Example;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Predicate;

/**
 * Made training rows: copies of real training rows with the text rewritten and the labels kept
 * ({@link IdentityAugmenter}, {@link IdentitySwapper}). A made row's id is "source:id:k" of the
 * row it was made from, so stacking can keep the two in one fold ({@link #sameFoldAs}).
 */
public final class Counterfactuals {
    /** Sources of made rows (which scripts/train --repeat may also name before any is made). */
    public static final Set<String> SOURCES = Set.of(IdentityAugmenter.SOURCE, IdentitySwapper.SOURCE, ShortTexts.SOURCE);

    private Counterfactuals() {}

    /**
     * At most {@code count} rows of source {@code source}, rewritten from the {@code usable} rows of
     * {@code train} in a seeded shuffle; a row serves again (rewritten anew) when there are fewer usable
     * rows than {@code count}. A rewrite that gives null is skipped.
     */
    static List<Example> make(List<Example> train, int count, long seed, String source,
                              Predicate<Example> usable, BiFunction<String, Random, String> rewrite) {
        List<Example> candidates = new ArrayList<>();
        for (Example e : train) if (usable.test(e)) candidates.add(e);
        if (candidates.isEmpty() || count <= 0) return List.of();
        Random random = new Random(seed);
        Collections.shuffle(candidates, random);
        List<Example> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Example e = candidates.get(i % candidates.size());
            String text = rewrite.apply(e.text(), random);
            if (text != null) out.add(new Example(source, e.source() + ":" + e.id() + ":" + i, text, e.labels()));
        }
        return out;
    }

    /** True for rows made here rather than read from a corpus. */
    static boolean made(Example e) {
        return SOURCES.contains(e.source());
    }

    /**
     * For each row, the index of the row it was made from, or of the first copy of it (a corpus shown N times
     * by --repeat), or -1: stacking puts the two in one fold, else the wide part's out-of-fold logits for both
     * would come from a regression that saw the near-copy or the copy, overconfident ones the deep part would
     * learn to trust.
     */
    static int[] sameFoldAs(List<Example> train) {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < train.size(); i++) {
            Example e = train.get(i);
            if (!made(e)) index.putIfAbsent(e.source() + ":" + e.id(), i);
        }
        int[] out = new int[train.size()];
        for (int i = 0; i < out.length; i++) {
            Example e = train.get(i);
            out[i] = -1;
            if (!made(e)) {
                int first = index.get(e.source() + ":" + e.id());
                if (first != i) out[i] = first;  // a repeat of a corpus row
                continue;
            }
            String from = e.id().substring(0, e.id().lastIndexOf(':'));
            out[i] = index.getOrDefault(from, -1);
        }
        return out;
    }
}
