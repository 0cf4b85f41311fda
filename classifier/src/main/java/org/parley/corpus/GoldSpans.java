package org.parley.corpus;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * SemEval-2021 Task 5's posts with the character offsets their raters marked toxic ({@code tsd_train.csv.gz},
 * {@code tsd_trial.csv.gz} in training-data/toxic_spans), and the one split of {@code tsd_train} that every
 * model reading them keeps: the span models tune on a seeded sample of it and learn from the rest, and so does
 * the toxicity model's short-text rows ({@code train.ShortTexts}), so that the tuning sample stays unseen.
 */
public final class GoldSpans {
    /** The span models' split of tsd_train: posts shuffled with this seed, the first {@link #TUNING_POSTS} tune. */
    public static final long SPLIT_SEED = 2021;
    public static final int TUNING_POSTS = 2000;

    private GoldSpans() {}

    /** A post and its gold characters. */
    public record Post(String text, BitSet gold) {
        /** Each run of gold characters as text, trimmed, in order; blank runs left out. */
        public List<String> phrases() {
            List<String> out = new ArrayList<>();
            for (int from = gold.nextSetBit(0); from >= 0 && from < text.length(); from = gold.nextSetBit(from)) {
                int to = Math.min(gold.nextClearBit(from), text.length());
                String s = text.substring(from, to).strip();
                if (!s.isEmpty()) out.add(s);
                from = to;
            }
            return out;
        }
    }

    /** The tuning sample and the posts the models learn from. */
    public record Split(List<Post> tune, List<Post> train) {}

    /** The posts of a tsd file ({@code tsd_train.csv.gz}), read as every corpus is ({@link Table}): errors name the record. */
    public static List<Post> read(Path file) throws IOException {
        String name = file.getFileName().toString();
        List<Row> rows = Table.read(file.toAbsolutePath().getParent(), name.endsWith(".gz") ? name.substring(0, name.length() - 3) : name, Table.CSV);
        return Table.map(rows, r -> {
            BitSet gold = new BitSet();
            String list = r.get("spans").replaceAll("[\\[\\]\\s]", "");
            if (!list.isEmpty()) for (String n : list.split(",")) gold.set(Integer.parseInt(n));
            return new Post(r.get("text"), gold);
        });
    }

    /** The posts shuffled with {@code seed}; the first {@code tuning} (at most half) tune, the rest train. */
    public static Split split(List<Post> posts, int tuning, long seed) {
        List<Post> all = new ArrayList<>(posts);
        Collections.shuffle(all, new Random(seed));
        int n = Math.min(tuning, all.size() / 2);
        return new Split(all.subList(0, n), all.subList(n, all.size()));
    }

    /** tsd_train's training posts under the span models' default split. */
    public static List<Post> trainingPosts(Path root) throws IOException {
        return split(read(root.resolve("toxic_spans").resolve("tsd_train.csv.gz")), TUNING_POSTS, SPLIT_SEED).train();
    }
}
