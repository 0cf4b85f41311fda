package org.parley.explain;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.parley.cli.Cli;
import org.parley.label.Attribute;
import org.parley.model.Bundles;
import org.parley.model.ModelBundle;
import org.parley.model.ToxicityModel;
import org.parley.text.TextPipeline;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.zip.GZIPInputStream;

/**
 * Tunes the occlusion threshold on the SemEval-2021 Task 5 training posts and reports the
 * character-offset F1 on its trial posts, which serve as the fixed dev split (690 posts, never
 * used for tuning).
 */
@Command(name = "evaluate-spans", mixinStandardHelpOptions = true,
        description = {"Span explanations against the human toxic-span annotations (SemEval-2021 Task 5).",
                "Tunes the threshold on a fixed sample of tsd_train, reports F1 on tsd_trial (the dev split).",
                "Prints one JSON object: threshold, fillGaps, train and dev F1."})
public final class SpanEvaluation implements Callable<Integer> {
    private static final Attribute ATTRIBUTE = Attribute.TOXICITY;

    @Option(names = "--model", paramLabel = "PATH", description = "model bundle (default: the shipped ${DEFAULT-VALUE})")
    Path model = Bundles.shipped();

    @Option(names = "--data", paramLabel = "DIR", description = "toxic_spans folder (default: ${DEFAULT-VALUE})")
    Path data = Bundles.shipped().getParent().resolveSibling("training-data").resolve("toxic_spans");

    @Option(names = "--train-sample", description = "tsd_train posts to tune on (default: ${DEFAULT-VALUE})")
    int trainSample = 2000;

    @Option(names = "--seed", description = "seed of the training sample (default: ${DEFAULT-VALUE})")
    long seed = 2021;

    public static void main(String[] args) {
        System.exit(Cli.execute(new SpanEvaluation(), args));
    }

    record Post(String text, BitSet gold) {}

    @Override
    public Integer call() throws IOException {
        List<Post> train = read(data.resolve("tsd_train.csv.gz"));
        Collections.shuffle(train, new Random(seed));
        train = train.subList(0, Math.min(trainSample, train.size()));
        List<Post> dev = read(data.resolve("tsd_trial.csv.gz"));

        ModelBundle bundle = ModelBundle.load(model);
        ToxicityModel scorer = new ToxicityModel(bundle, TextPipeline.standard(), 1);
        SpanExplainer weigher = new SpanExplainer(scorer, TextPipeline.standard(), 0);
        List<List<Span>> trainWords = weigh(scorer, weigher, train);
        List<List<Span>> devWords = weigh(scorer, weigher, dev);

        double bestF1 = -1, bestT = 0;
        boolean bestFill = false;
        for (boolean fill : new boolean[] {false, true}) {
            for (int i = 0; i <= 80; i++) {
                double t = i * 0.05;
                double f1 = meanF1(train, trainWords, t, fill);
                if (f1 > bestF1) {
                    bestF1 = f1;
                    bestT = t;
                    bestFill = fill;
                }
            }
        }
        double devF1 = meanF1(dev, devWords, bestT, bestFill);
        System.out.printf(Locale.ROOT,
                "{\"model\": \"%s\", \"checksum\": \"%s\", \"attribute\": \"%s\", \"threshold\": %.2f, \"fillGaps\": %s, "
                        + "\"trainPosts\": %d, \"trainF1\": %.4f, \"devPosts\": %d, \"devF1\": %.4f}%n",
                bundle.name(), bundle.checksum(), ATTRIBUTE, bestT, bestFill, train.size(), bestF1, dev.size(), devF1);
        return 0;
    }

    private static List<List<Span>> weigh(ToxicityModel scorer, SpanExplainer weigher, List<Post> posts) {
        List<List<Span>> out = new ArrayList<>(posts.size());
        int chunk = 64;
        for (int from = 0; from < posts.size(); from += chunk) {
            List<String> texts = posts.subList(from, Math.min(posts.size(), from + chunk)).stream().map(Post::text).toList();
            float[][] full = scorer.score(texts);
            float[] p = new float[texts.size()];
            for (int i = 0; i < p.length; i++) p[i] = full[i][ATTRIBUTE.ordinal()];
            out.addAll(weigher.weigh(texts, Collections.nCopies(texts.size(), ATTRIBUTE), p));
        }
        return out;
    }

    static double meanF1(List<Post> posts, List<List<Span>> words, double threshold, boolean fillGaps) {
        double sum = 0;
        for (int i = 0; i < posts.size(); i++) {
            List<Span> kept = words.get(i).stream().filter(s -> s.weight() >= threshold).toList();
            sum += SpanF1.f1(SpanF1.offsets(kept, posts.get(i).text(), fillGaps), posts.get(i).gold());
        }
        return posts.isEmpty() ? 0 : sum / posts.size();
    }

    /** SemEval format: CSV with "spans" (a JSON-style list of char offsets) and "text". */
    static List<Post> read(Path file) throws IOException {
        List<Post> posts = new ArrayList<>();
        try (Reader in = new InputStreamReader(new GZIPInputStream(Files.newInputStream(file)), StandardCharsets.UTF_8)) {
            for (CSVRecord r : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
                BitSet gold = new BitSet();
                String list = r.get("spans").replaceAll("[\\[\\]\\s]", "");
                if (!list.isEmpty()) for (String n : list.split(",")) gold.set(Integer.parseInt(n));
                posts.add(new Post(r.get("text"), gold));
            }
        }
        return posts;
    }
}
