package org.parley.stance;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.parley.corpus.ReplyExample;
import org.parley.corpus.StanceExample;
import org.parley.eval.Bootstrap;
import org.parley.eval.ClassMetrics;
import org.parley.feature.SentenceEncoder;
import org.parley.text.TextPipeline;

/**
 * Trains both stance models on a {@link StanceData} split and measures them on its dev parts and
 * on the held-out targets. Both keep the epoch with the best dev macro-F1: on replies, where
 * COMMENT is ~80% of the dev split, accuracy would reward a model that only ever says COMMENT.
 */
public final class StanceTrainer {
    /**
     * @param batchSize      target-stance batch: large, since DL4J updates the whole embedding table every step
     * @param replyEpochs    the reply set is ~10x smaller, so it gets more and smaller steps
     * @param replyBatchSize reply-stance batch
     * @param repeat         how many times a corpus's training rows are shown per epoch (1 unless listed)
     * @param wide           the target model's linear part, blended with the target network (trained on the
     *                       same rows, repeats included); null for none
     * @param sentence       the target model's part over pretrained sentence vectors, blended last (same
     *                       rows); null for none
     */
    public record Options(PairFeatureConfig targetFeatures, PairFeatureConfig replyFeatures, PairNetworkConfig targetNetwork,
                          PairNetworkConfig replyNetwork, int epochs, int patience, int batchSize, int replyEpochs,
                          int replyBatchSize, long seed, Map<String, Integer> repeat, WideStance.Config wide,
                          SentenceStance.Config sentence) {
        /** Refused before the corpora are read: zero epochs wrote a bundle of untrained networks (best epoch -1) and exit 0. */
        public Options {
            if (epochs < 1) throw new IllegalArgumentException("epochs must be >= 1, was " + epochs);
            if (replyEpochs < 1) throw new IllegalArgumentException("reply epochs must be >= 1, was " + replyEpochs);
            if (batchSize < 1 || replyBatchSize < 1)
                throw new IllegalArgumentException("batch sizes must be >= 1, were " + batchSize + " and " + replyBatchSize + " (reply)");
            if (patience < 0) throw new IllegalArgumentException("patience must be >= 0, was " + patience);
        }

        public static Options defaults() {
            return new Options(PairFeatureConfig.targetDefaults(), PairFeatureConfig.replyDefaults(),
                    PairNetworkConfig.defaults(), PairNetworkConfig.defaults(), 6, 2, 256, 10, 32, 7L, Map.of(),
                    WideStance.Config.defaults(), SentenceStance.Config.defaults());
        }
    }

    public record Result(StanceModel model, ObjectNode metrics) {}

    private final Options options;
    private final TextPipeline pipeline;
    private final PrintStream log;

    public StanceTrainer(Options options, TextPipeline pipeline, PrintStream log) {
        this.options = options;
        this.pipeline = pipeline;
        this.log = log;
    }

    /** @param provenance filled in with the epochs chosen and the dev metrics; becomes the bundle's provenance */
    public Result train(StanceData data, ObjectNode provenance) {
        return train(data, provenance, null);
    }

    /**
     * @param reuse a model whose target model (all its parts) is kept as it is (only the reply
     *              model is trained); null to train both
     */
    public Result train(StanceData data, ObjectNode provenance, StanceModel reuse) {
        TargetPart target = reuse != null ? new TargetPart(reuse.targetModel(), reuse.wide(), reuse.sentence()) : trainTarget(data, provenance);
        if (reuse != null) {
            log.println("target stance: reused, not trained");
            for (String k : List.of("targetBestEpoch", "targetDevMacroF1ByEpoch", "sentenceBestEpoch", "sentenceDevMacroF1ByEpoch"))
                if (reuse.provenance().has(k)) provenance.set(k, reuse.provenance().get(k));
        }
        log.printf("reply stance: %d train, %d dev%n", data.replyTrain().size(), data.replyDev().size());
        List<Pair> replyTrain = data.replyTrain().stream().map(StanceTrainer::pair).toList();
        PairTrainer.Result reply = new PairTrainer(new PairTrainer.Options(options.replyFeatures(), options.replyNetwork(),
                options.replyEpochs(), options.patience(), options.replyBatchSize(), options.seed(), ClassMetrics::macroF1), pipeline, log)
                .train(replyTrain, data.replyDev().stream().map(StanceTrainer::pair).toList(), org.parley.label.ReplyStance.COUNT, StanceMetrics::reply);
        provenance.put("replyBestEpoch", reply.bestEpoch());
        provenance.putPOJO("replyDevMacroF1ByEpoch", reply.devScoreByEpoch());
        StanceModel model = new StanceModel(target.network(), target.wide(), target.sentence(), reply.model(), provenance, null);
        ObjectNode metrics = evaluate(model, data);
        provenance.set("devMetrics", metrics);
        return new Result(model, metrics);
    }

    /** The target network and the parts blended with it (null for none). */
    private record TargetPart(PairModel network, WideStance wide, SentenceStance sentence) {}

    private TargetPart trainTarget(StanceData data, ObjectNode provenance) {
        log.printf("target stance: %d train, %d dev, %d held out%n", data.train().size(), data.dev().size(), data.heldOut().size());
        List<Pair> train = new ArrayList<>();
        for (StanceExample e : data.train())
            for (int k = 0; k < options.repeat().getOrDefault(e.source(), 1); k++) train.add(pair(e));
        // The wide and sentence parts are fitted on their own and their probabilities averaged with the
        // network's; each network's epochs are chosen on that network alone.
        long start = System.nanoTime();
        WideStance wide = options.wide() == null ? null : WideStance.train(train, org.parley.label.Stance.COUNT, options.wide(), options.seed());
        if (wide != null) log.printf("wide part: %d conjoined targets %s, trained in %d s%n", wide.conjoinedTargets().size(),
                wide.conjoinedTargets(), (System.nanoTime() - start) / 1_000_000_000L);
        PairTrainer.Result target = new PairTrainer(new PairTrainer.Options(options.targetFeatures(), options.targetNetwork(),
                options.epochs(), options.patience(), options.batchSize(), options.seed(), ClassMetrics::macroF1), pipeline, log)
                .train(train, data.dev().stream().map(StanceTrainer::pair).toList(), org.parley.label.Stance.COUNT, StanceMetrics::stance);
        provenance.put("targetBestEpoch", target.bestEpoch());
        provenance.putPOJO("targetDevMacroF1ByEpoch", target.devScoreByEpoch());
        SentenceStance sentence = null;
        if (options.sentence() != null) {
            SentenceStance.Trained s = SentenceStance.train(train, data.dev().stream().map(StanceTrainer::pair).toList(),
                    org.parley.label.Stance.COUNT, options.sentence(), SentenceEncoder.shared(), options.seed(),
                    StanceMetrics::stance, ClassMetrics::macroF1, log);
            provenance.put("sentenceBestEpoch", s.bestEpoch());
            provenance.putPOJO("sentenceDevMacroF1ByEpoch", s.devScoreByEpoch());
            sentence = s.model();
        }
        return new TargetPart(target.model(), wide, sentence);
    }

    /** Dev figures of a model on the data's dev parts and held-out targets, with their 95% intervals. */
    public static ObjectNode evaluate(StanceModel model, StanceData data) {
        return evaluate(StanceEvaluator.targetPredictor(model), StanceEvaluator.replyPredictor(model), data, Bootstrap.DEFAULT_RESAMPLES);
    }

    /** @param resamples bootstrap draws for each figure's 95% interval; 0 for none */
    public static ObjectNode evaluate(PairPredictor target, PairPredictor reply, StanceData data, int resamples) {
        ObjectNode m = StanceEvaluator.object();
        // An empty part is left out rather than reported as NaN.
        if (!data.dev().isEmpty()) m.set("targetStanceDev", StanceEvaluator.targetStance(target, data.dev(), resamples));
        if (!data.heldOut().isEmpty()) m.set("targetStanceHeldOut", StanceEvaluator.targetStance(target, data.heldOut(), resamples));
        if (!data.replyDev().isEmpty()) m.set("replyStanceDev", StanceEvaluator.replyStance(reply, data.replyDev(), resamples));
        return m;
    }

    static Pair pair(StanceExample e) {
        return new Pair(e.text(), e.target(), e.label().ordinal());
    }

    static Pair pair(ReplyExample e) {
        return new Pair(e.text(), e.parent(), e.label().ordinal());
    }
}
