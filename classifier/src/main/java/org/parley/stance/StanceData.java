package org.parley.stance;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.parley.corpus.ReplyCorpora;
import org.parley.corpus.ReplyExample;
import org.parley.corpus.StanceCorpora;
import org.parley.corpus.StanceExample;

/**
 * The fixed splits every stance figure is measured on. Rows whose target is held out are removed
 * from training and dev of every corpus and make up {@code heldOut}, the unseen-target test; the
 * rest is split by the content hash of the text ({@link StanceCorpora#isDev}), and training drops
 * the comments that dev or the held-out rows hold in another spelling ({@link StanceCorpora#withoutTextsOf}).
 * Replies are split by thread ({@link ReplyCorpora#isDev}).
 *
 * @param droppedCopies how many training rows were dropped because they copy a dev or held-out text
 */
public record StanceData(List<StanceExample> train, List<StanceExample> dev, List<StanceExample> heldOut,
                         List<ReplyExample> replyTrain, List<ReplyExample> replyDev, int droppedCopies) {

    /** Held out of training by default: a person, as the article targets often are. */
    public static final List<String> DEFAULT_HOLD_OUT = List.of("Hillary Clinton");

    /** Rows already split, none dropped. */
    public StanceData(List<StanceExample> train, List<StanceExample> dev, List<StanceExample> heldOut,
                      List<ReplyExample> replyTrain, List<ReplyExample> replyDev) {
        this(train, dev, heldOut, replyTrain, replyDev, 0);
    }

    /**
     * @param sample at most this many examples per corpus (and replies), drawn with {@code seed}; null for all
     */
    public static StanceData load(Path root, List<String> holdOut, Integer sample, long seed) throws IOException {
        Map<String, List<StanceExample>> corpora = new LinkedHashMap<>();
        for (String name : StanceCorpora.NAMES) corpora.put(name, StanceCorpora.load(root, name));
        return split(corpora, ReplyCorpora.load(root), holdOut, sample, seed);
    }

    /**
     * {@link #load} on corpora already read. A sample's training rows are kept clear of every dev
     * and held-out text of the corpora, not only of the sampled ones: scripts/evaluate scores a
     * sampled bundle on the whole dev split.
     */
    static StanceData split(Map<String, List<StanceExample>> corpora, List<ReplyExample> replies, List<String> holdOut,
                            Integer sample, long seed) {
        Set<String> held = holdOut.stream().map(StanceCorpora::targetKey).collect(Collectors.toSet());
        Random random = new Random(seed);
        List<StanceExample> train = new ArrayList<>(), dev = new ArrayList<>(), heldOut = new ArrayList<>();
        List<StanceExample> measured = new ArrayList<>();
        for (List<StanceExample> corpus : corpora.values()) {
            // Each row's part is read once; the sample is drawn from the rows with their parts (the same draw).
            List<Row> rows = new ArrayList<>(corpus.size());
            for (StanceExample e : corpus) {
                Row r = new Row(e, held.contains(StanceCorpora.targetKey(e.target())) ? heldOut
                        : StanceCorpora.isDev(e) ? dev : train);
                if (r.part() != train) measured.add(e);
                rows.add(r);
            }
            for (Row r : sample(rows, sample, random)) r.part().add(r.example());
        }
        List<StanceExample> kept = StanceCorpora.withoutTextsOf(train, measured); // a comment copied by two corpora
        List<ReplyExample> replyTrain = new ArrayList<>(), replyDev = new ArrayList<>();
        for (ReplyExample e : sample(replies, sample, random)) (ReplyCorpora.isDev(e) ? replyDev : replyTrain).add(e);
        return new StanceData(new ArrayList<>(kept), dev, heldOut, replyTrain, replyDev, train.size() - kept.size());
    }

    /**
     * Rows per corpus and split, and per label, as a bundle's provenance records them (a toxicity
     * bundle's {@code corpora} likewise): what the model learned from, countable against the files.
     */
    public ObjectNode counts() {
        Map<String, ObjectNode> bySource = new TreeMap<>();
        count(train, "train", StanceExample::source, e -> e.label().name(), bySource);
        count(dev, "dev", StanceExample::source, e -> e.label().name(), bySource);
        count(heldOut, "heldOut", StanceExample::source, e -> e.label().name(), bySource);
        count(replyTrain, "train", ReplyExample::source, e -> e.label().name(), bySource);
        count(replyDev, "dev", ReplyExample::source, e -> e.label().name(), bySource);
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        bySource.forEach(out::set);
        return out;
    }

    /**
     * Training rows per target, the target as {@link StanceCorpora#targetKey} reads it (the wide part's per-target
     * weights and the held-out split read it so): what a bundle's provenance records as {@code trainingTargets}, so
     * that an evaluation on a user's file can say which of its targets the model saw.
     */
    public ObjectNode trainingTargets() {
        Map<String, Integer> rows = new TreeMap<>();
        for (StanceExample e : train) rows.merge(StanceCorpora.targetKey(e.target()), 1, Integer::sum);
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        rows.forEach(out::put);
        return out;
    }

    private static <T> void count(List<T> rows, String split, Function<T, String> source, Function<T, String> label,
                                  Map<String, ObjectNode> bySource) {
        for (T e : rows) {
            ObjectNode s = bySource.computeIfAbsent(source.apply(e), k -> JsonNodeFactory.instance.objectNode());
            ObjectNode part = s.has(split) ? (ObjectNode) s.get(split) : s.putObject(split);
            part.put("rows", part.path("rows").asInt() + 1);
            String l = label.apply(e);
            part.put(l, part.path(l).asInt() + 1);
        }
    }

    /** A row and the part of the split it falls in (train, dev or heldOut). */
    private record Row(StanceExample example, List<StanceExample> part) {}

    private static <T> List<T> sample(List<T> all, Integer n, Random random) {
        if (n == null || all.size() <= n) return all;
        List<T> copy = new ArrayList<>(all);
        Collections.shuffle(copy, random);
        return copy.subList(0, n);
    }
}
