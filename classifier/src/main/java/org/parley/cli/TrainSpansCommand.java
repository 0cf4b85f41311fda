package org.parley.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.parley.explain.SpanTaggerNetwork;
import org.parley.explain.SpanTaggerTrainer;
import org.parley.model.Bundles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** scripts/train-spans: trains the span tagger on the SemEval-2021 Task 5 span annotations. */
@Command(name = "train-spans", mixinStandardHelpOptions = true, versionProvider = org.parley.train.ScriptVersion.class, sortOptions = false,
        footer = {"", "Example: scripts/train-spans --limit 400 --epochs 1 --output runs/quick-tagger.zip"},
        description = {"Trains the span tagger (per token: P(inside a human toxic span)) on tsd_train",
                "minus the fixed 2,000-post tuning sample of scripts/evaluate-spans; epoch and threshold",
                "are chosen on that sample; tsd_trial (the dev split) F1 is only reported. Writes the",
                "tagger zip (provenance inside), prints one JSON line. About 10 minutes on 2 busy cores."})
public final class TrainSpansCommand implements Callable<Integer> {
    private static final SpanTaggerTrainer.Settings D = SpanTaggerTrainer.Settings.defaults();

    @Option(names = "--data", paramLabel = "DIR", description = "toxic_spans folder (default: ${DEFAULT-VALUE})")
    Path data = Bundles.shipped().getParent().resolveSibling("training-data").resolve("toxic_spans");

    @Option(names = "--bundle", paramLabel = "FILE",
            description = "toxicity bundle whose word embeddings start the tagger's (default: the shipped ${DEFAULT-VALUE}); 'none' for random")
    String bundle = Bundles.shipped().toString();

    @Option(names = "--output", paramLabel = "FILE", description = "tagger to write (default: ${DEFAULT-VALUE}); the shipped one is "
            + "classifier/src/main/resources/org/parley/explain/span-tagger.zip")
    Path output = Path.of("runs/span-tagger.zip");

    @Option(names = "--epochs", description = "default: ${DEFAULT-VALUE}")
    int epochs = D.epochs();

    @Option(names = "--batch-size", description = "posts per step (default: ${DEFAULT-VALUE})")
    int batch = D.batch();

    @Option(names = "--filters", description = "convolution width (default: ${DEFAULT-VALUE})")
    int filters = D.network().filters();

    @Option(names = "--kernel", description = "tokens per convolution window (default: ${DEFAULT-VALUE})")
    int kernel = D.network().kernel();

    @Option(names = "--dilation", description = "of the second convolution (default: ${DEFAULT-VALUE})")
    int dilation = D.network().dilation();

    @Option(names = "--learning-rate", description = "Adam step (default: ${DEFAULT-VALUE})")
    double learningRate = D.network().learningRate();

    @Option(names = "--embedding-learning-rate", description = "Adam step of the word embedding; 0 keeps the toxicity model's (default: ${DEFAULT-VALUE})")
    double embeddingLearningRate = D.network().embeddingLearningRate();

    @Option(names = "--dropout", description = "default: ${DEFAULT-VALUE}")
    double dropout = D.network().dropout();

    @Option(names = "--min-count", description = "words seen fewer times share the unknown word's embedding (default: ${DEFAULT-VALUE})")
    int minCount = D.minCount();

    @Option(names = "--seed", description = "network seed (default: ${DEFAULT-VALUE}); the split seed is evaluate-spans' 2021")
    long seed = D.network().seed();

    @Option(names = "--limit", paramLabel = "N", description = "at most N training posts (N/4 tuning and dev): quick runs and tests")
    int limit;

    public static void main(String[] args) {
        System.exit(Cli.execute(new TrainSpansCommand(), args));
    }

    @Override
    public Integer call() throws Exception {
        Cli.checkOutputFile(output);
        // --bundle is a name ('none' a word, not a file), so Cli's check of paths does not see it: the tagger written
        // over the bundle it started from replaced it (the shipped one by default; a check of the seventieth session's mends).
        if (!bundle.equals("none") && Cli.sameFile(output, Path.of(bundle)))
            throw new IllegalArgumentException("--output " + output + " is also --bundle: writing it would destroy what the command reads;"
                    + " name another file");
        // Before the posts are read and tokenised, not after.
        if (!bundle.equals("none") && !java.nio.file.Files.isRegularFile(Path.of(bundle)))
            throw new java.nio.file.NoSuchFileException(bundle, null, "no such toxicity bundle (--bundle; 'none' for a random embedding)");
        SpanTaggerTrainer.Settings s = new SpanTaggerTrainer.Settings(D.trainSample(), D.splitSeed(), epochs, batch,
                minCount, D.maxVocabulary(), new SpanTaggerNetwork.Config(64, filters, kernel, dilation, learningRate, embeddingLearningRate, dropout, seed), limit);
        SpanTaggerTrainer.Result r = new SpanTaggerTrainer(s, System.err)
                .train(data, bundle.equals("none") ? null : Path.of(bundle));
        r.tagger().write(output);
        System.out.printf(Locale.ROOT, "{\"output\": \"%s\", \"trainPosts\": %d, \"tunePosts\": %d, \"devPosts\": %d, "
                        + "\"bestEpoch\": %d, \"threshold\": %.2f, \"fillGaps\": %s, \"fallback\": %s, "
                        + "\"tuneF1\": %.4f, \"devF1\": %.4f}%n",
                output, r.trainPosts(), r.tunePosts(), r.devPosts(), r.epoch(), r.combination().threshold(),
                r.combination().fillGaps(), Double.isNaN(r.combination().fallback()) ? "null" : String.valueOf(r.combination().fallback()),
                r.tuneF1(), r.devF1());
        return 0;
    }
}
