package org.parley.corpus;

import static org.parley.label.Attribute.IDENTITY_ATTACK;
import static org.parley.label.Attribute.INSULT;
import static org.parley.label.Attribute.PROFANITY;
import static org.parley.label.Attribute.SEVERE_TOXICITY;
import static org.parley.label.Attribute.THREAT;
import static org.parley.label.Attribute.TOXICITY;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.parley.label.Attribute;
import org.parley.label.Labels;

/** The Wikipedia Talk (Jigsaw "Toxic Comment Classification") sets. */
final class JigsawCorpora {
    static final String PARTIAL = "jigsaw_toxic_partial";
    static final String EXTRA = "jigsaw_toxic_extra_samples";
    static final String ANNOTATOR_SAMPLE = "jigsaw_toxic_annotator_sample";

    /** Jigsaw column → attribute. */
    private static final Map<String, Attribute> COLUMNS = orderedColumns();

    private JigsawCorpora() {}

    private static Map<String, Attribute> orderedColumns() {
        Map<String, Attribute> m = new LinkedHashMap<>();
        m.put("toxic", TOXICITY);
        m.put("severe_toxic", SEVERE_TOXICITY);
        m.put("obscene", PROFANITY);
        m.put("threat", THREAT);
        m.put("insult", INSULT);
        m.put("identity_hate", IDENTITY_ATTACK);
        return m;
    }

    /** jigsaw_toxic_partial: the six 0/1 columns map one to one. */
    static List<Example> partial(Path dir) throws IOException {
        return Table.map(Table.read(dir, "train.csv", Table.CSV),
                r -> new Example(PARTIAL, r.get("id"), r.get("comment_text"), sixColumns(r)));
    }

    /**
     * jigsaw_toxic_extra_samples: both files carry the six columns. HieuNT91 rows whose id is
     * already in jigsaw_toxic_partial (37, same labels) are skipped; IBM_MAX has no ids.
     */
    static List<Example> extra(Path dir) throws IOException {
        Set<String> partialIds = new HashSet<>();
        Path partialDir = dir.resolveSibling(PARTIAL);
        if (Table.exists(partialDir, "train.csv")) {
            for (Row r : Table.read(partialDir, "train.csv", Table.CSV)) partialIds.add(r.get("id"));
        }
        List<Example> out = new ArrayList<>(Table.map(Table.read(dir, "HieuNT91_toxic_comments.csv", Table.CSV),
                r -> partialIds.contains(r.get("id")) ? null
                        : new Example(EXTRA, r.get("id"), r.get("comment_text"), sixColumns(r))));
        out.addAll(Table.map(Table.read(dir, "IBM_MAX_test_examples.csv", Table.CSV),
                r -> new Example(EXTRA, "IBM_MAX:" + r.number(), r.get("comment_text"), sixColumns(r))));
        return out;
    }

    /**
     * jigsaw_toxic_annotator_sample: one row per rater; each attribute is the share of raters who
     * ticked it (a soft label). The sample has no toxic/severe_toxic column, so those stay unlabelled.
     */
    static List<Example> annotatorSample(Path dir) throws IOException {
        Map<String, double[]> sums = new HashMap<>();
        Map<String, Integer> raters = new HashMap<>();
        List<String> rated = List.of("identity_hate", "obscene", "threat", "insult");
        for (Row r : Table.read(dir, "sample_training_data.csv", Table.CSV)) {
            String unit = r.get("_unit_id");
            double[] s = sums.computeIfAbsent(unit, k -> new double[rated.size()]);
            try {
                for (int i = 0; i < rated.size(); i++) if (r.flag(rated.get(i))) s[i]++;
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(r.where() + ": " + e.getMessage(), e);
            }
            raters.merge(unit, 1, Integer::sum);
        }
        return Table.map(Table.read(dir, "sample_comment_text.csv", Table.CSV), r -> {
            String unit = r.get("_unit_id");
            double[] s = sums.get(unit);
            if (s == null) return null;
            double n = raters.get(unit);
            LabelSet labels = new LabelSet();
            for (int i = 0; i < rated.size(); i++) labels.set(COLUMNS.get(rated.get(i)), s[i] / n);
            return new Example(ANNOTATOR_SAMPLE, unit, r.get("comment_text"), labels.build());
        });
    }

    private static Labels sixColumns(Row r) {
        LabelSet labels = new LabelSet();
        COLUMNS.forEach((column, attribute) -> labels.set(attribute, r.flag(column)));
        return labels.build();
    }
}
