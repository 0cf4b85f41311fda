package org.parley.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.parley.corpus.Corpora;
import org.parley.corpus.ReplyCorpora;
import org.parley.corpus.StanceCorpora;
import org.parley.feature.SentenceEncoder;
import org.parley.model.PipelineCheck;
import org.parley.model.PipelineFingerprint;
import org.parley.stance.PairFeatureConfig;
import org.parley.stance.PairNetworkConfig;
import org.parley.stance.StanceBundle;
import org.parley.stance.StanceData;
import org.parley.stance.StanceModel;
import org.parley.stance.StanceTrainer;
import org.parley.stance.TargetProvenance;
import org.parley.stance.SentenceStance;
import org.parley.stance.WideStance;
import org.parley.text.TextPipeline;
import org.parley.train.Checkout;
import org.parley.train.Provenance;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** scripts/train --task stance: trains the target-stance and reply-stance models into one bundle. */
@Command(name = "train --task stance", mixinStandardHelpOptions = true, versionProvider = org.parley.train.ScriptVersion.class, sortOptions = false,
        footer = {"", "Example: scripts/train --task stance --sample 800 --epochs 2 --output runs/quick-stance.zip"},
        description = {"Trains the target-stance model (SemEval-2016, P-Stance, VAST, ARC, IBM claim stance) and the",
                "reply-stance model (RumourEval 2017/2019) and writes both into a stance bundle with provenance.",
                "Dev split: content hash of the text (threads for replies); --hold-out targets are left out of",
                "training entirely and reported as unseen targets. The target model is the network's probabilities",
                "averaged with a wide part's (n-gram logistic regression, per-target copies of the n-grams; --no-wide: none)",
                "and then with a sentence part's (a network over " + SentenceEncoder.NAME + " sentence vectors; --no-sentence: none);",
                "the reply model is its network alone.",
                "Dev metrics JSON on stdout."})
public final class TrainStanceCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    /**
     * The options that only the target model reads (StanceTrainer's target part): a run that keeps
     * one (--target-from) refuses them. The network's sizes and steps, --patience and --seed the
     * reply model reads too.
     */
    static final List<String> TARGET_ONLY = List.of("--epochs", "--batch-size", "--repeat", "--no-wide", "--wide-c",
            "--wide-weight", "--wide-min-target-rows", "--no-sentence", "--sentence-weight", "--sentence-epochs");

    @Spec
    private CommandSpec spec;

    @Option(names = "--data", paramLabel = "DIR", description = "training-data folder (default: the project's)")
    Path data;

    @Option(names = "--output", paramLabel = "FILE", description = "bundle to write (default: ${DEFAULT-VALUE})")
    Path output = Path.of("runs/stance.zip");

    /** Null when not given: the default, or with --target-from the kept target model's. */
    @Option(names = "--hold-out", paramLabel = "TARGET", split = ",",
            description = "targets kept out of training, measured as unseen (default: Hillary Clinton; with --target-from, that bundle's)")
    List<String> holdOut;

    @Option(names = "--sample", paramLabel = "N", description = "at most N examples per corpus (quick runs)")
    Integer sample;

    @Option(names = "--epochs", description = "most epochs of the target network (the reply model and the sentence part have their own; default: ${DEFAULT-VALUE})")
    int epochs = StanceTrainer.Options.defaults().epochs();

    @Option(names = "--patience", description = "default: ${DEFAULT-VALUE}")
    int patience = StanceTrainer.Options.defaults().patience();

    @Option(names = "--batch-size", description = "default: ${DEFAULT-VALUE}")
    int batchSize = StanceTrainer.Options.defaults().batchSize();

    @Option(names = "--reply-epochs", description = "most epochs of the reply model (default: ${DEFAULT-VALUE})")
    int replyEpochs = StanceTrainer.Options.defaults().replyEpochs();

    @Option(names = "--reply-batch-size", description = "default: ${DEFAULT-VALUE}")
    int replyBatchSize = StanceTrainer.Options.defaults().replyBatchSize();

    @Option(names = "--embedding", description = "embedding width (default: ${DEFAULT-VALUE})")
    int embedding = PairNetworkConfig.defaults().embedding();

    @Option(names = "--hidden", description = "dense width (default: ${DEFAULT-VALUE})")
    int hidden = PairNetworkConfig.defaults().hidden();

    @Option(names = "--dropout", description = "default: ${DEFAULT-VALUE}")
    double dropout = PairNetworkConfig.defaults().dropout();

    @Option(names = "--learning-rate", description = "Adam step (default: ${DEFAULT-VALUE})")
    double learningRate = PairNetworkConfig.defaults().learningRate();

    @Option(names = "--embedding-learning-rate", description = "AdaGrad step (default: ${DEFAULT-VALUE})")
    double embeddingLearningRate = PairNetworkConfig.defaults().embeddingLearningRate();

    @Option(names = "--repeat", paramLabel = "CORPUS=N", description = "show a corpus's training rows N times per epoch")
    Map<String, Integer> repeat = Map.of();

    @Option(names = "--no-wide", description = "no wide part: the target network alone")
    boolean noWide;

    @Option(names = "--wide-c", description = "inverse regularisation of the wide part's regressions (default: ${DEFAULT-VALUE})")
    double wideC = WideStance.Config.defaults().c();

    @Option(names = "--wide-weight", description = "share of the wide part in the averaged probabilities (default: ${DEFAULT-VALUE})")
    double wideWeight = WideStance.Config.defaults().weight();

    @Option(names = "--wide-min-target-rows", description = "fewest training rows for a target to get its own n-gram weights (default: ${DEFAULT-VALUE})")
    int wideMinTargetRows = WideStance.Config.defaults().minTargetRows();

    @Option(names = "--no-sentence", description = "no part over pretrained sentence vectors (" + SentenceEncoder.NAME + ")")
    boolean noSentence;

    @Option(names = "--sentence-weight", description = "share of the sentence part in the averaged probabilities (default: ${DEFAULT-VALUE})")
    double sentenceWeight = SentenceStance.Config.defaults().weight();

    @Option(names = "--sentence-epochs", description = "most epochs of the sentence part (default: ${DEFAULT-VALUE})")
    int sentenceEpochs = SentenceStance.Config.defaults().epochs();

    @Option(names = "--target-from", paramLabel = "BUNDLE",
            description = "keep this bundle's target model (all its parts) and train only the reply model; the provenance's"
                    + " targetModel says how the kept one was made, hyperParameters only what this run used. Options only the"
                    + " target model reads (--epochs, --batch-size, --repeat, the wide and sentence parts') are refused with it")
    Path targetFrom;

    @Option(names = "--seed", description = "default: ${DEFAULT-VALUE}")
    long seed = StanceTrainer.Options.defaults().seed();

    @Option(names = "--name", description = "model name recorded in the bundle (default: ${DEFAULT-VALUE})")
    String name = "parley-stance";

    private SentenceStance.Config sentenceConfig() {
        SentenceStance.Config d = SentenceStance.Config.defaults();
        return new SentenceStance.Config(d.encoder(), d.hidden(), d.dropout(), d.learningRate(), sentenceEpochs, d.patience(), sentenceWeight);
    }

    public static void main(String[] args) {
        System.exit(Cli.execute(new TrainStanceCommand(), args));
    }

    @Override
    public Integer call() throws IOException {
        Cli.checkOutputFile(output);
        long start = System.nanoTime();
        Path root = data != null ? data : Corpora.defaultRoot();
        checkOptions();
        StanceTrainer.Options options = options(); // its settings checked before the corpora are read, too
        StanceModel reuse = targetFrom == null ? null : StanceBundle.load(targetFrom, TextPipeline.standard());
        // The kept target model goes on reading text through this checkout's pipeline: said, as at any load.
        if (reuse != null) Cli.pipelineChecked(targetFrom, reuse.provenance(), false, false);
        List<String> heldOut = heldOut(reuse);
        StanceData split = StanceData.load(root, heldOut, sample, seed);
        checkHeldOut(split, heldOut);
        // Worded as toxicity's scripts/train says it; a kept target model was trained on rows of its own.
        if (reuse == null && split.droppedCopies() > 0)
            System.err.printf("(%d training texts dropped: they repeat a dev or held-out text)%n",
                    split.droppedCopies());

        Checkout checkout = Checkout.now();
        ObjectNode provenance = Provenance.create(name, Provenance.versionNow(), checkout);
        record(provenance, root, options, reuse, heldOut, split);

        StanceTrainer.Result result = new StanceTrainer(options, TextPipeline.standard(), System.err).train(split, provenance, reuse);
        provenance.put("trainingSeconds", (System.nanoTime() - start) / 1_000_000_000L);
        StanceBundle.save(result.model(), output, checkout.entries());
        System.err.printf("wrote %s in %d s%n", output, (System.nanoTime() - start) / 1_000_000_000L);
        System.out.println(JSON.writeValueAsString(result.metrics()));
        return 0;
    }

    /** Options refused before the corpora are read: a bad --sample or --repeat, and any --target-from leaves nothing to read. */
    private void checkOptions() {
        if (sample != null && sample < 1) throw new IllegalArgumentException("--sample must be at least 1, was " + sample);
        TrainCommand.checkRepeat(repeat, StanceCorpora.NAMES);
        if (targetFrom != null && holdOut != null)
            throw new IllegalArgumentException("--hold-out with --target-from: the targets held out are those the kept target model"
                    + " was trained without, which " + targetFrom + "'s provenance names; leave out --hold-out");
        if (targetFrom != null) {
            List<String> given = TARGET_ONLY.stream().filter(spec.commandLine().getParseResult()::hasMatchedOption).toList();
            if (!given.isEmpty())
                throw new IllegalArgumentException(String.join(", ", given) + " with --target-from: " + (given.size() == 1 ? "it sets" : "they set")
                        + " only the target model, which is kept from " + targetFrom + " as it was trained, so nothing would read "
                        + (given.size() == 1 ? "it" : "them") + "; leave " + (given.size() == 1 ? "it" : "them")
                        + " out (the reply model's own are --reply-epochs and --reply-batch-size)");
        }
    }

    /** The targets left out of training: those the kept target model was trained without, else --hold-out, else the default. */
    private List<String> heldOut(StanceModel reuse) {
        List<String> heldOut = new ArrayList<>();
        if (reuse != null) heldOut.addAll(reuse.heldOutTargets());
        else if (holdOut != null) heldOut.addAll(holdOut);
        if (heldOut.isEmpty()) heldOut.addAll(StanceData.DEFAULT_HOLD_OUT);
        return heldOut;
    }

    /** Refuses a held-out target that names none of the corpora's (or this sample's), which would hold out nothing. */
    private void checkHeldOut(StanceData split, List<String> heldOut) {
        for (String target : heldOut)
            if (split.heldOut().stream().noneMatch(e -> StanceCorpora.targetKey(e.target()).equals(StanceCorpora.targetKey(target))))
                throw new IllegalArgumentException("--hold-out '" + target + "' names no target in the stance corpora"
                        + (sample != null ? " (or none in this --sample)" : ""));
    }

    /** Both models' settings from the options: one network configuration for the two, the wide and sentence parts'. */
    private StanceTrainer.Options options() {
        PairNetworkConfig net = new PairNetworkConfig(embedding, hidden, dropout, learningRate, embeddingLearningRate,
                PairNetworkConfig.defaults().l2(), seed);
        return new StanceTrainer.Options(PairFeatureConfig.targetDefaults(), PairFeatureConfig.replyDefaults(),
                net, net, epochs, patience, batchSize, replyEpochs, replyBatchSize, seed, repeat, noWide ? null
                : new WideStance.Config(WideStance.Config.defaults().bits(), WideStance.Config.defaults().conjoinedBits(), wideMinTargetRows, wideC, wideWeight),
                noSentence ? null : sentenceConfig());
    }

    /** The provenance's record of how the bundle is trained and on what, before the trainer adds what it found. */
    private void record(ObjectNode provenance, Path root, StanceTrainer.Options options, StanceModel reuse, List<String> heldOut,
                        StanceData split) throws IOException {
        // A run that keeps a target model records what it used itself, and how the kept model was made.
        ObjectNode hyperParameters = JSON.valueToTree(options);
        provenance.set("hyperParameters", reuse == null ? hyperParameters : TargetProvenance.replyHyperParameters(hyperParameters));
        provenance.put("seed", seed);
        provenance.put("devSplit", "corpus.DevSplit content hash (~10%) of the comment text; replies by the thread's source post");
        provenance.putPOJO("heldOutTargets", heldOut);
        if (sample != null) provenance.put("samplePerCorpus", sample);
        if (reuse != null) provenance.set("targetModel", TargetProvenance.of(reuse, targetFrom.getFileName().toString(),
                PipelineCheck.recorded(targetFrom, reuse.provenance())));
        List<String> corpora = new ArrayList<>(StanceCorpora.NAMES);
        corpora.addAll(ReplyCorpora.NAMES);
        provenance.set("labelMapping", Provenance.labelRules(root, corpora));
        provenance.set("dataFiles", Provenance.dataFiles(root, corpora));
        provenance.set("corpora", reuse == null ? split.counts() : TargetProvenance.measuredOnly(split.counts()));
        // A kept target model's targets are those of its own run, which targetModel records.
        if (reuse == null) provenance.set("trainingTargets", split.trainingTargets());
        // The pair networks read its tokens (the wide and sentence parts read the raw text): a later checkout that reads the
        // probe texts otherwise is told so at load (PipelineCheck).
        provenance.set(PipelineFingerprint.KEY, PipelineFingerprint.of(TextPipeline.standard(), false).toJson());
    }
}
