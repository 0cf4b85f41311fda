package org.parley.stance;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.parley.corpus.ReplyExample;
import org.parley.corpus.StanceCorpora;
import org.parley.corpus.StanceExample;

/**
 * Dev figures for the stance models and baselines: target stance overall, per corpus and per
 * target (for corpora with few, named targets), reply stance overall and per corpus.
 */
public final class StanceEvaluator {
    /** The source of rows read from a user's file (scripts/evaluate --task stance --file). */
    public static final String FILE_SOURCE = "file";
    /** Corpora whose targets are few and reported one by one; a user's file too. */
    static final Set<String> PER_TARGET = Set.of("semeval2016_task6", "pstance", FILE_SOURCE);
    private static final ObjectMapper JSON = new ObjectMapper();

    private StanceEvaluator() {}

    /** @param resamples bootstrap draws for each figure's 95% interval; 0 for none */
    public static ObjectNode targetStance(PairPredictor predictor, List<StanceExample> examples, int resamples) {
        int[] predicted = predictor.predict(examples.stream().map(StanceExample::text).toList(),
                examples.stream().map(StanceExample::target).toList());
        int[] gold = examples.stream().mapToInt(e -> e.label().ordinal()).toArray();
        int[] texts = textClusters(examples);
        ObjectNode out = StanceMetrics.stanceJson(gold, predicted, texts, resamples);
        Map<String, List<Integer>> byCorpus = rowsBy(examples, StanceExample::source, new TreeMap<>());
        Map<String, List<Integer>> byTarget = rowsBy(examples,
                e -> PER_TARGET.contains(e.source()) ? e.source() + ": " + e.target() : null, new TreeMap<>());
        ObjectNode corpora = out.putObject("perCorpus");
        byCorpus.forEach((k, rows) -> corpora.set(k, StanceMetrics.stanceJson(pick(rows, gold), pick(rows, predicted), pick(rows, texts), resamples)));
        ObjectNode targets = out.putObject("perTarget");
        byTarget.forEach((k, rows) -> targets.set(k, StanceMetrics.stanceJson(pick(rows, gold), pick(rows, predicted), pick(rows, texts), resamples)));
        return out;
    }

    public static ObjectNode replyStance(PairPredictor predictor, List<ReplyExample> examples, int resamples) {
        int[] predicted = predictor.predict(examples.stream().map(ReplyExample::text).toList(),
                examples.stream().map(ReplyExample::parent).toList());
        int[] gold = examples.stream().mapToInt(e -> e.label().ordinal()).toArray();
        int[] threads = threadClusters(examples);
        ObjectNode out = StanceMetrics.replyJson(gold, predicted, threads, resamples);
        Map<String, List<Integer>> byCorpus = rowsBy(examples, ReplyExample::source, new LinkedHashMap<>());
        ObjectNode corpora = out.putObject("perCorpus");
        byCorpus.forEach((k, rows) -> corpora.set(k, StanceMetrics.replyJson(pick(rows, gold), pick(rows, predicted), pick(rows, threads), resamples)));
        return out;
    }

    /**
     * Target predictor a against b, and reply predictor a against b, on the same rows: the paired
     * differences of their figures, overall and per corpus, with 95% intervals. Whether a model is
     * ahead of a baseline by more than the noise of a few hundred dev rows ({@code resamples} draws; 0: the differences alone).
     */
    public static ObjectNode versus(PairPredictor targetA, PairPredictor replyA, PairPredictor targetB, PairPredictor replyB,
                                    StanceData data, int resamples) {
        ObjectNode out = object();
        if (!data.dev().isEmpty()) out.set("targetStanceDev", targetVersus(targetA, targetB, data.dev(), resamples));
        if (!data.heldOut().isEmpty()) out.set("targetStanceHeldOut", targetVersus(targetA, targetB, data.heldOut(), resamples));
        if (!data.replyDev().isEmpty()) {
            List<ReplyExample> r = data.replyDev();
            List<String> texts = r.stream().map(ReplyExample::text).toList(), parents = r.stream().map(ReplyExample::parent).toList();
            out.set("replyStanceDev", StanceMetrics.replyDifference(r.stream().mapToInt(e -> e.label().ordinal()).toArray(),
                    replyA.predict(texts, parents), replyB.predict(texts, parents), threadClusters(r), resamples));
        }
        return out;
    }

    private static ObjectNode targetVersus(PairPredictor a, PairPredictor b, List<StanceExample> examples, int resamples) {
        List<String> texts = examples.stream().map(StanceExample::text).toList();
        List<String> targets = examples.stream().map(StanceExample::target).toList();
        int[] gold = examples.stream().mapToInt(e -> e.label().ordinal()).toArray();
        int[] pa = a.predict(texts, targets), pb = b.predict(texts, targets), clusters = textClusters(examples);
        ObjectNode out = StanceMetrics.stanceDifference(gold, pa, pb, clusters, resamples);
        Map<String, List<Integer>> byCorpus = rowsBy(examples, StanceExample::source, new TreeMap<>());
        ObjectNode corpora = out.putObject("perCorpus");
        byCorpus.forEach((k, rows) -> corpora.set(k, StanceMetrics.stanceDifference(pick(rows, gold), pick(rows, pa), pick(rows, pb),
                pick(rows, clusters), resamples)));
        return out;
    }

    /**
     * Each row's cluster for the bootstrap: the rows of one text are drawn together. ARC's bodies and VAST's posts are
     * read against several targets each (1,148 dev rows in 355 bodies, 1,452 in 244 posts): not independent samples.
     */
    static int[] textClusters(List<StanceExample> examples) {
        return clusters(examples, e -> e.source() + "\n" + e.text());
    }

    /** Each reply's thread, drawn together (720 dev replies in 35 threads, one of 194); a reply of no thread (a user's file) alone. */
    static int[] threadClusters(List<ReplyExample> examples) {
        int[] row = {0};
        return clusters(examples, e -> e.thread() == null || e.thread().isEmpty() ? "row " + row[0]++ : e.source() + "\n" + e.thread());
    }

    private static <T> int[] clusters(List<T> examples, java.util.function.Function<T, String> key) {
        Map<String, Integer> ids = new java.util.HashMap<>();
        return examples.stream().mapToInt(e -> ids.computeIfAbsent(key.apply(e), k -> ids.size())).toArray();
    }

    /** The row numbers of each group, keyed by {@code key} (a null key: in no group), into {@code groups}. */
    private static <T> Map<String, List<Integer>> rowsBy(List<T> examples, java.util.function.Function<T, String> key,
                                                         Map<String, List<Integer>> groups) {
        for (int i = 0; i < examples.size(); i++) {
            String k = key.apply(examples.get(i));
            if (k != null) groups.computeIfAbsent(k, x -> new ArrayList<>()).add(i);
        }
        return groups;
    }

    private static int[] pick(List<Integer> rows, int[] values) {
        return rows.stream().mapToInt(i -> values[i]).toArray();
    }

    /** What {@link #targetsInTraining} says of a bundle that does not record its training targets. */
    public static final String NOT_RECORDED = "this bundle does not record its training targets (trained before they were recorded):"
            + " which of the file's targets it saw cannot be told from it";

    /**
     * For each target of {@code rows} as the rows spell it: whether the model was trained on it ({@code seen}, with its
     * {@code trainingRows}), compared as {@link StanceCorpora#targetKey} reads targets. A target the model never saw is
     * read from its words alone, as the held-out targets are: its figures are an unseen target's. For a bundle without
     * the record, {@code recorded} false and a note, not a guess.
     */
    public static ObjectNode targetsInTraining(StanceModel model, List<StanceExample> rows) {
        ObjectNode out = object();
        Optional<Map<String, Integer>> trained = model.trainingTargets();
        out.put("recorded", trained.isPresent());
        if (trained.isEmpty()) return out.put("note", NOT_RECORDED);
        ObjectNode targets = out.putObject("targets");
        for (String t : new TreeSet<>(rows.stream().map(StanceExample::target).toList())) {
            Integer n = trained.get().get(StanceCorpora.targetKey(t));
            ObjectNode target = targets.putObject(t).put("seen", n != null);
            if (n != null) target.put("trainingRows", n);
        }
        return out;
    }

    /** The stance models as predictors. */
    public static PairPredictor targetPredictor(StanceModel model) {
        return (texts, contexts) -> StanceMetrics.argmax(model.targetProbabilities(texts, contexts));
    }

    /** The target model's parts on their own, where it has more than the network (none otherwise). */
    public static Map<String, PairPredictor> targetParts(StanceModel model) {
        WideStance wide = model.wide();
        SentenceStance sentence = model.sentence();
        if (wide == null && sentence == null) return Map.of();
        Map<String, PairPredictor> parts = new LinkedHashMap<>();
        parts.put("network", (texts, contexts) -> StanceMetrics.argmax(model.targetModel().predict(texts, contexts)));
        if (wide != null) parts.put("wide", (texts, contexts) -> StanceMetrics.argmax(wide.predict(texts, contexts)));
        if (sentence != null) parts.put("sentence", (texts, contexts) -> StanceMetrics.argmax(sentence.predict(texts, contexts)));
        return parts;
    }

    public static PairPredictor replyPredictor(StanceModel model) {
        return (texts, contexts) -> StanceMetrics.argmax(model.replyProbabilities(texts, contexts));
    }

    static ObjectNode object() {
        return JSON.createObjectNode();
    }
}
