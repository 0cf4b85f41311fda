package org.parley.corpus;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.parley.label.Attribute;
import org.parley.label.Labels;

/**
 * Keeps one example per normalised text ({@link TextKey}). The first occurrence keeps its source,
 * id and text; its labels become, attribute by attribute, the mean over every occurrence that
 * labels the attribute: an attribute labelled only later fills the gap, and conflicting values
 * are averaged, except that an even split (a mean of exactly 0.5) leaves the attribute unlabelled.
 */
public final class Deduplicator {
    /**
     * @param merged     how many input examples were folded into an earlier one
     * @param unlabelled how many texts were dropped because every attribute their occurrences
     *                   labelled was an even split
     */
    public record Result(List<Example> examples, int merged, int unlabelled) {}

    private Deduplicator() {}

    public static Result merge(List<Example> examples) {
        Map<String, Group> groups = new LinkedHashMap<>();
        for (Example e : examples) groups.computeIfAbsent(TextKey.of(e.text()), k -> new Group()).add(e);
        List<Example> out = new ArrayList<>(groups.size());
        int unlabelled = 0;
        for (Group g : groups.values()) {
            Example e = g.example();
            // Every attribute an even split between occurrences: nothing left to learn or measure.
            if (e.labels().isEmpty()) unlabelled++;
            else out.add(e);
        }
        return new Result(out, examples.size() - out.size() - unlabelled, unlabelled);
    }

    private static final class Group {
        private Example first;
        private int size;
        private final double[] sum = new double[Attribute.COUNT];
        private final int[] count = new int[Attribute.COUNT];

        void add(Example e) {
            if (first == null) first = e;
            size++;
            for (Attribute a : Attribute.values()) {
                if (e.labels().has(a)) {
                    sum[a.ordinal()] += e.labels().get(a);
                    count[a.ordinal()]++;
                }
            }
        }

        Example example() {
            Labels labels = Labels.none();
            for (Attribute a : Attribute.values()) {
                int n = count[a.ordinal()];
                double mean = sum[a.ordinal()] / n;
                // Occurrences split evenly (1 and 0) agree on nothing, and the binary view (at
                // least 0.5) would make the text a positive: left unlabelled. Compared as the float it is
                // stored as: 0.6f and 0.4f average to 0.50000001 in double, which is stored as 0.5f, a positive.
                // One line of a labelled file that says 0.5 is the same split (a data scientist's fifth audit: it
                // was a positive, where two lines of 1 and 0 were left out), as a corpus's is (LabelSet).
                if (n > 0 && (float) mean != 0.5f) labels = labels.with(a, Math.min(1.0, mean));
            }
            return size == 1 && labels.equals(first.labels()) ? first
                    : new Example(first.source(), first.id(), first.text(), labels);
        }
    }
}
