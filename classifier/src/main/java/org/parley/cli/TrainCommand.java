package org.parley.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.parley.corpus.Corpora;
import org.parley.corpus.DevSplit;
import org.parley.corpus.Example;
import org.parley.feature.FeatureConfig;
import org.parley.model.ModelBundle;
import org.parley.model.PipelineFingerprint;
import org.parley.model.NetworkConfig;
import org.parley.text.TextPipeline;
import org.parley.train.Checkout;
import org.parley.train.Counterfactuals;
import org.parley.train.IdentityAugmenter;
import org.parley.train.IdentitySwapper;
import org.parley.train.IncludedFiles;
import org.parley.train.Provenance;
import org.parley.train.ShortTexts;
import org.parley.train.Trainer;
import org.parley.train.TrainingOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;

/** scripts/train: trains the toxicity model from training-data/ and writes a model bundle. */
@Command(name = "train", mixinStandardHelpOptions = true, versionProvider = org.parley.train.ScriptVersion.class, sortOptions = false,
        footer = {"", "Example: scripts/train --sample 500 --epochs 1 --output runs/quick.zip"},
        description = {"Trains the toxicity model on the corpora in training-data/ and writes a model bundle",
                "(network, vocabulary, feature settings, calibration, provenance).",
                "The fixed dev split (corpus.DevSplit) is held out for epoch selection and calibration;",
                "its metrics are printed and stored in the bundle.",
                "scripts/train --task stance trains the stance models instead (options: scripts/train --task stance --help)."})
public final class TrainCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Option(names = "--data", paramLabel = "DIR", description = "training-data folder (default: the project's)")
    Path data;

    @Option(names = "--output", paramLabel = "FILE", description = "bundle to write (default: ${DEFAULT-VALUE})")
    Path output = Path.of("runs/toxicity.zip");

    @Option(names = "--corpus", paramLabel = "NAME", split = ",", description = "train on these corpora only (default: all toxicity corpora)")
    List<String> corpora;

    @Option(names = "--repeat", paramLabel = "NAME=N", split = ",",
            description = "repeat a corpus's training rows N times, e.g. identity_neutral=5 (default: none; that"
                    + " example made neutral identity sentences score higher, not lower when it was tried, 6b0caa3)")
    Map<String, Integer> repeat = new java.util.LinkedHashMap<>();

    @Option(names = "--include-decisions", paramLabel = "FILE", arity = "1..*",
            description = "labelled JSON Lines (scripts/export-decisions) added to the training split only, never to dev, so dev figures before and after stay comparable; of lines that say when their decision was made (decidedAt), only the latest per source and id across the files (a withdrawal ends a comment's label); lines repeating a dev text are dropped, lines sharing a text merged")
    List<Path> includeDecisions = List.of();

    @Option(names = "--identity-augment", paramLabel = "N",
            description = "add N not-toxic training comments with an identity put before a person noun (\"my neighbours\" → \"my Muslim neighbours\"), labels kept; training split only (default: 6000, as the shipped model, or a tenth of the training split where that is fewer, so a --sample run stays mostly real rows; an N given is made in full; 0: none)")
    Integer identityAugment;

    @Option(names = "--identity-swap", paramLabel = "N",
            description = "add N copies of training comments that mention an identity, with one identity swapped for another (\"Muslims\" → \"Hindus\"), labels kept, toxic rows too; training split only (default: 8000, as the shipped model, or a tenth of the training split where that is fewer; an N given is made in full; 0: none)")
    Integer identitySwap;

    @Option(names = "--short-texts", paramLabel = "N",
            description = "add N texts of one to three words, half of them phrases raters marked toxic in toxic_spans, half words of clean training comments (train.ShortTexts); training split only (default: 0, none)")
    int shortTexts;

    @Option(names = "--sample", paramLabel = "N", description = "at most N examples per corpus, drawn with the seed (for quick runs)")
    Integer sample;

    @Option(names = "--epochs", description = "most epochs (default: ${DEFAULT-VALUE})")
    int epochs = TrainingOptions.defaults().epochs();

    @Option(names = "--patience", description = "stop after this many epochs without dev improvement (default: ${DEFAULT-VALUE})")
    int patience = TrainingOptions.defaults().patience();

    @Option(names = "--batch-size", description = "default: ${DEFAULT-VALUE}")
    int batchSize = TrainingOptions.defaults().batchSize();

    @Option(names = "--embedding", description = "embedding width (default: ${DEFAULT-VALUE})")
    int embedding = NetworkConfig.defaults().embedding();

    @Option(names = "--hidden", description = "dense layer width (default: ${DEFAULT-VALUE})")
    int hidden = NetworkConfig.defaults().hidden();

    @Option(names = "--learning-rate", description = "Adam step for the dense layers (default: ${DEFAULT-VALUE})")
    double learningRate = NetworkConfig.defaults().learningRate();

    @Option(names = "--embedding-learning-rate", description = "AdaGrad step for the embedding table (default: ${DEFAULT-VALUE})")
    double embeddingLearningRate = NetworkConfig.defaults().embeddingLearningRate();

    @Option(names = "--wide-c", description = "inverse L2 strength of the wide part's logistic regressions (default: ${DEFAULT-VALUE})")
    double wideC = TrainingOptions.defaults().wideC();

    @Option(names = "--stacking-folds", description = "folds of the wide part's out-of-fold logits, which the deep part "
            + "learns from (default: ${DEFAULT-VALUE}; each fold is one more regression per attribute)")
    int stackingFolds = TrainingOptions.defaults().stackingFolds();

    @Option(names = "--dropout", description = "default: ${DEFAULT-VALUE}")
    double dropout = NetworkConfig.defaults().dropout();

    @Option(names = "--vocabulary-size", description = "most words with their own id (default: ${DEFAULT-VALUE})")
    int vocabularySize = TrainingOptions.defaults().vocabMaxSize();

    @Option(names = "--bigram-buckets", description = "hashed word bigrams of the deep part (default: ${DEFAULT-VALUE}; 0: none)")
    int bigramBuckets = FeatureConfig.defaults().bigramBuckets();

    @Option(names = "--char-buckets", description = "hashed character n-grams of unknown words, deep part (default: ${DEFAULT-VALUE}; 0: none)")
    int charBuckets = FeatureConfig.defaults().charBuckets();

    @Option(names = "--wide-buckets", description = "hashed n-gram weights of the linear part, a power of two from 16 to 2^28 (default: ${DEFAULT-VALUE})")
    int wideBuckets = FeatureConfig.defaults().wideBuckets();

    @Option(names = "--dev-part", paramLabel = "K",
            description = "which tenth of the content hash is dev (default: ${DEFAULT-VALUE}, the dev split of the shipped model and of every figure in README.md and docs/); another part trains the same recipe on another split, to see how much a figure moves with the split; scripts/evaluate reads the part from the bundle")
    int devPart = DevSplit.SHIPPED_PART;

    @Option(names = "--seed", description = "shuffling, sampling and initialisation seed (default: ${DEFAULT-VALUE})")
    long seed = TrainingOptions.defaults().seed();

    @Option(names = "--name", description = "model name recorded in the bundle (default: ${DEFAULT-VALUE})")
    String name = "parley-toxicity";

    @Option(names = "--metrics", paramLabel = "FILE", description = "also write the dev metrics JSON here")
    Path metrics;

    public static void main(String[] args) {
        System.exit(Cli.execute(new TrainCommand(), args));
    }

    @Override
    public Integer call() throws IOException {
        List<IncludedFiles.Read> included = checkedOutputsAndIncludedFiles();
        TrainingOptions options = options();
        checkAddedRows(included);
        long start = System.nanoTime();
        // The commit and what differs from it now, not after training: a commit made meanwhile did not make this model.
        Checkout checkout = Checkout.now();
        ObjectNode provenance = Provenance.create(name, Provenance.versionNow(), checkout);
        Path root = data != null ? data : Corpora.defaultRoot();
        TrainingRows rows = rows(root, included);
        tell(rows);

        Trainer.Result result = new Trainer(options, TextPipeline.standard(), System.err)
                .train(rows.all(repeat), rows.split().dev());
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        ObjectNode devMetrics = devMetrics(result);
        recordTraining(provenance, took, options);
        recordData(provenance, root, rows);
        recordResult(provenance, result, devMetrics);
        new ModelBundle(result.network(), result.features(), result.calibration(), provenance).save(output, checkout.entries());
        if (metrics != null) Cli.writeOutput(metrics, JSON.writeValueAsString(devMetrics));
        System.err.printf("wrote %s in %s: dev mean ROC-AUC %.4f as stored (half precision, calibrated; epoch %d)%n",
                output, took.toMinutes() + " min " + took.toSecondsPart() + " s", result.dev().meanRocAuc(), result.bestEpoch());
        System.out.println(JSON.writeValueAsString(devMetrics)); // as the bundle records it, under its --name
        return 0;
    }

    /**
     * What can be refused before the corpora's quarter minute, not after it: the outputs, and the included files (a
     * missing one, or a corrupt line, was refused only after it). Their lines, read.
     */
    private List<IncludedFiles.Read> checkedOutputsAndIncludedFiles() throws IOException {
        // The buckets too: a --wide-buckets of 3 was refused once the corpora were read, naming no option (a data
        // scientist's sixth audit).
        atLeastZero("--bigram-buckets", bigramBuckets);
        atLeastZero("--char-buckets", charBuckets);
        if (!org.parley.feature.NgramTfIdf.validBuckets(wideBuckets))
            throw new IllegalArgumentException("--wide-buckets must be a power of two from 16 to 2^28 (268435456), was " + wideBuckets);
        Cli.checkOutputFile(output);
        Cli.checkOutputFile("--metrics", metrics, "metrics.json");
        for (Path f : includeDecisions) {
            if (Files.isDirectory(f)) throw new IllegalArgumentException("--include-decisions " + f + " is a folder, not a labelled file");
            if (!Files.isRegularFile(f)) throw new java.nio.file.NoSuchFileException(f.toString(), null, "--include-decisions file not found");
        }
        return IncludedFiles.read(includeDecisions);
    }

    /**
     * The counts of added rows, and --repeat's names against every source the run could read (its corpora, the
     * counterfactuals, the included files): a negative count was taken as none, and a misspelt name was refused only
     * after the corpora's quarter minute. {@link #rows} checks --repeat again against the sources read.
     */
    void checkAddedRows(List<IncludedFiles.Read> included) {
        atLeastZero("--identity-augment", identityAugment);
        atLeastZero("--identity-swap", identitySwap);
        atLeastZero("--short-texts", shortTexts);
        Set<String> possible = new TreeSet<>(names());
        possible.addAll(Counterfactuals.SOURCES);
        for (IncludedFiles.Read file : included) file.lines().forEach(line -> possible.add(line.example().source()));
        checkRepeat(repeat, possible);
    }

    private static void atLeastZero(String option, Integer count) {
        if (count != null && count < 0) throw new IllegalArgumentException(option + " must be at least 0 (0: none), was " + count);
    }

    /** The options' network and training settings, checked before the corpora are read: "--epochs 0" was refused only after them. */
    TrainingOptions options() {
        FeatureConfig base = FeatureConfig.defaults();
        return new TrainingOptions(
                new FeatureConfig(base.maxTokens(), bigramBuckets, charBuckets, base.charMin(), base.charMax(), wideBuckets, base.seed()),
                new NetworkConfig(embedding, hidden, dropout, learningRate, embeddingLearningRate,
                        NetworkConfig.defaults().l2(), seed),
                epochs, patience, batchSize, TrainingOptions.defaults().vocabMinCount(), vocabularySize, seed,
                wideC, stackingFolds);
    }

    /** The corpora this run trains on: --corpus, else every toxicity corpus. */
    private List<String> names() {
        return corpora != null ? corpora : Corpora.toxicityNames();
    }

    /** The rows this run trains on ({@link TrainingRows}), with --repeat checked against their sources. */
    private TrainingRows rows(Path root, List<IncludedFiles.Read> included) throws IOException {
        if (sample != null && sample < 1) throw new IllegalArgumentException("--sample must be at least 1, was " + sample);
        DevSplit.checked(devPart);
        TrainingRows rows = TrainingRows.make(root, new TrainingRows.Recipe(names(), sample, seed, devPart,
                sample != null || corpora != null, included, identityAugment, identitySwap, shortTexts));
        Set<String> sources = new TreeSet<>(Counterfactuals.SOURCES);
        rows.all(Map.of()).forEach(e -> sources.add(e.source()));
        checkRepeat(repeat, sources);
        return rows;
    }

    /** On stderr, before the training: what the rows hold, and what was dropped from them and why. */
    private void tell(TrainingRows rows) {
        DevSplit.Split split = rows.split();
        List<Example> corpusTrain = rows.corpusTrain();
        System.err.printf("%d examples from %d corpora: %d train, %d dev%n",
                rows.loaded(), names().size(), corpusTrain.size(), split.dev().size());
        // Counted from what was loaded: the split drops the repeats of its own dev texts itself, so the difference from its
        // training part alone said nothing of them (a data scientist's fifth audit: 189 in the shipped run, unsaid).
        int dropped = rows.loaded() - corpusTrain.size() - split.dev().size();
        if (dropped > 0)
            System.err.printf("(%d training texts dropped: each repeats a dev text, of these corpora or of the whole dev split)%n", dropped);
        if (!includeDecisions.isEmpty()) tellIncluded(rows.included());
        if (rows.augmentRequested() > 0) System.err.printf("+%d identity-augmented training examples%n", rows.augmented().size());
        if (rows.swapRequested() > 0) System.err.printf("+%d identity-swapped training examples%n", rows.swapped().size());
        if (shortTexts > 0) System.err.printf("+%d short texts%n", rows.shortTexts().size());
    }

    /** How many included lines were added, and how many were dropped, left out or merged, summed over the files. */
    private void tellIncluded(IncludedFiles included) {
        System.err.printf("+%d training examples from %s%s%n", included.examples().size(), includeDecisions,
                included.examples().isEmpty() ? " (warning: none; an export before any moderator decision is empty)" : "");
        int mergedIncluded = 0;
        int superseded = 0;
        int devCopies = 0;
        for (var f : included.provenance()) {
            mergedIncluded += f.get("mergedDuplicates").asInt() + f.get("droppedAsEvenSplits").asInt();
            superseded += f.get("superseded").asInt();
            devCopies += f.get("droppedAsDevTexts").asInt();
        }
        if (devCopies > 0)
            System.err.printf("(%d included lines dropped: their text is a dev text, which training never reads)%n", devCopies);
        if (superseded > 0)
            System.err.printf("(%d included lines left out: a later decision on the same comment replaced them, or an earlier file holds the same decision)%n",
                    superseded);
        if (mergedIncluded > 0)
            System.err.printf("(%d included lines repeat the text of an earlier one: merged into it, labels averaged as for the corpora's duplicates)%n",
                    mergedIncluded);
    }

    /** The dev metrics, named as the bundle is, as scripts/evaluate names it: the trainer knows no name. */
    private ObjectNode devMetrics(Trainer.Result result) throws IOException {
        ObjectNode devMetrics = (ObjectNode) JSON.readTree(result.dev().toJson());
        devMetrics.put("model", name);
        return devMetrics;
    }

    /** The provenance's record of how the model was trained: time, settings, seed, repeats and dev split. */
    private void recordTraining(ObjectNode provenance, Duration took, TrainingOptions options) {
        provenance.put("trainingSeconds", took.toSeconds());
        provenance.set("hyperParameters", JSON.valueToTree(options));
        provenance.put("seed", seed);
        provenance.set("repeat", JSON.valueToTree(repeat));
        provenance.put("devSplit", "corpus.DevSplit: content hash of the normalised text, fixed salt, ~10%");
        provenance.put("devPart", devPart);
        // How the pipeline read the probe texts: a later checkout that reads them otherwise is told so at load (PipelineCheck).
        provenance.set(PipelineFingerprint.KEY, PipelineFingerprint.of(TextPipeline.standard(), true).toJson());
    }

    /**
     * The provenance's record of what it was trained on, enough for scripts/evaluate to make the rows again
     * ({@link TrainingRows}): the corpora's counts and rules, the data files, the included files, the sample and the
     * rows made.
     */
    private void recordData(ObjectNode provenance, Path root, TrainingRows rows) throws IOException {
        List<String> names = names();
        provenance.set("corpora", Provenance.labelMapping(rows.all(Map.of()), rows.split().dev()));
        provenance.set("labelMapping", Provenance.labelRules(root, names));
        provenance.set("dataFiles", dataFiles(root, names));
        if (!includeDecisions.isEmpty()) provenance.set("includedDecisions", rows.included().provenance());
        if (sample != null) provenance.put("samplePerCorpus", sample);
        // "requested" is the count the copies were made for (the default after its cap of a tenth), which scripts/evaluate
        // makes them again from; "askedFor" the option as given, or the default before the cap.
        provenance.putObject("identityAugment").put("askedFor", identityAugment != null ? identityAugment : DEFAULT_IDENTITY_AUGMENT)
                .put("requested", rows.augmentRequested()).put("made", rows.augmented().size())
                .put("seed", seed).put("source", IdentityAugmenter.SOURCE);
        provenance.putObject("identitySwap").put("askedFor", identitySwap != null ? identitySwap : DEFAULT_IDENTITY_SWAP)
                .put("requested", rows.swapRequested()).put("made", rows.swapped().size())
                .put("seed", seed).put("source", IdentitySwapper.SOURCE);
        if (shortTexts > 0) provenance.putObject("shortTexts").put("requested", shortTexts).put("made", rows.shortTexts().size())
                .put("devPostsLeftOut", rows.shortTextDevPosts()).put("seed", seed).put("source", ShortTexts.SOURCE);
    }

    /**
     * Every data file the rows depend on. A --corpus run also reads the other corpora, for the dev texts its training
     * rows and copies are kept clear of ({@link TrainingRows}), and --short-texts reads toxic_spans: those files are
     * listed too, each with what it was read for, since a change to one changes the rows.
     */
    private ArrayNode dataFiles(Path root, List<String> names) throws IOException {
        ArrayNode files = Provenance.dataFiles(root, names);
        if (corpora == null) return files; // every corpus, trained on
        List<String> others = Corpora.toxicityNames().stream()
                .filter(n -> !names.contains(n) && Files.isDirectory(root.resolve(n))).toList();
        for (JsonNode f : Provenance.dataFiles(root, others)) {
            boolean spans = shortTexts > 0 && f.get("file").asText().startsWith("toxic_spans/");
            files.add(((ObjectNode) f).put("readFor", spans ? "dev texts, short texts" : "dev texts"));
        }
        return files;
    }

    /** The provenance's record of what training found: the best epoch, dev ROC-AUC by epoch, and the dev metrics. */
    private static void recordResult(ObjectNode provenance, Trainer.Result result, ObjectNode devMetrics) {
        provenance.put("bestEpoch", result.bestEpoch());
        provenance.set("devMeanRocAucByEpoch", JSON.valueToTree(result.devMeanRocAucByEpoch()));
        provenance.set("devMetrics", devMetrics);
    }

    /**
     * Refuses a --repeat that would do nothing while the provenance says it was done: a name that
     * is not among {@code known}, or N below 1.
     */
    static void checkRepeat(Map<String, Integer> repeat, Collection<String> known) {
        repeat.forEach((name, n) -> {
            if (!known.contains(name))
                throw new IllegalArgumentException("--repeat " + name + "=" + n + ": not a corpus being trained on; those are " + known);
            if (n == null || n < 1) throw new IllegalArgumentException("--repeat " + name + "=" + n + ": N must be at least 1");
        });
    }

    /** The shipped model's counts, made for the full training split (173,443 rows). */
    static final int DEFAULT_IDENTITY_AUGMENT = 6000, DEFAULT_IDENTITY_SWAP = 8000;

    /** The count asked for, else the default capped at a tenth of the training split. */
    static int orDefault(Integer asked, int fullDefault, int trainRows) {
        return asked != null ? asked : Math.min(fullDefault, trainRows / 10);
    }

    /**
     * The corpus rows a run trains on: the split's training part, for a --sample or --corpus run ({@code partial})
     * also kept clear of the whole dev split, which scripts/evaluate scores. The baselines of scripts/evaluate
     * --baselines learn from the same rows, so that neither side reads a copy of a dev text.
     */
    static List<Example> corpusTrain(Path root, DevSplit.Split split, boolean partial, int devPart) throws IOException {
        return partial ? DevSplit.withoutDevTexts(split.train(), wholeDev(root, devPart)) : split.train();
    }

    /** Read once per JVM, data folder and part: reading and hashing every corpus takes ~10 s. */
    private static final Map<String, List<Example>> WHOLE_DEV = new java.util.concurrent.ConcurrentHashMap<>();

    /** The dev split (the given part) of every toxicity corpus under {@code root}. */
    static List<Example> wholeDev(Path root, int part) throws IOException {
        String key = root.toAbsolutePath().normalize() + "#" + part;
        List<Example> known = WHOLE_DEV.get(key);
        if (known != null) return known;
        List<Example> all = new ArrayList<>();
        for (String n : Corpora.toxicityNames())
            if (Files.isDirectory(root.resolve(n))) all.addAll(Corpora.load(root, n));
        List<Example> dev = DevSplit.dev(all, part);
        WHOLE_DEV.put(key, dev);
        return dev;
    }

    /**
     * The corpora a run trains on, de-duplicated as a full run reads them, and at most {@code sample} rows of each (null: all) drawn
     * with the seed, corpus by corpus in the fixed order whatever order they were named in, so that
     * scripts/evaluate can rebuild a bundle's data from its provenance for the baselines.
     */
    static List<Example> load(Path root, java.util.Collection<String> names, Integer sample, long seed) throws IOException {
        List<Example> merged = Corpora.loadToxicity(root, names);
        if (sample == null) return merged;
        Map<String, List<Example>> bySource = new java.util.LinkedHashMap<>();
        for (String n : Corpora.toxicityNames()) if (names.contains(n)) bySource.put(n, new ArrayList<>());
        for (Example e : merged) bySource.computeIfAbsent(e.source(), k -> new ArrayList<>()).add(e);
        List<Example> all = new ArrayList<>();
        Random random = new Random(seed);
        for (List<Example> c : bySource.values()) {
            if (c.size() > sample) {
                Collections.shuffle(c, random);
                c = c.subList(0, sample);
            }
            all.addAll(c);
        }
        return all;
    }
}
