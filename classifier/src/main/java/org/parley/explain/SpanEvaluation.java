package org.parley.explain;

import org.parley.corpus.GoldSpans;
import org.parley.corpus.GoldSpans.Post;
import org.parley.eval.Bootstrap;
import org.parley.label.Attribute;
import org.parley.model.Bundles;
import org.parley.model.ModelBundle;
import org.parley.model.ToxicityModel;
import org.parley.text.TextPipeline;
import org.parley.text.Token;
import org.parley.train.Provenance;
import com.fasterxml.jackson.databind.node.ObjectNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * Learns the span lexicon and tunes the thresholds on the SemEval-2021 Task 5 training posts, and
 * reports the character-offset F1 on its trial posts, which serve as the fixed dev split (690
 * posts, used for nothing else). The training posts are split once, by a fixed seed: a tuning
 * sample, and the rest for the lexicon, so thresholds are not tuned on the lexicon's own data.
 */
@Command(name = "evaluate-spans", mixinStandardHelpOptions = true, versionProvider = org.parley.train.ScriptVersion.class,
        footer = {"", "Example: scripts/evaluate-spans --tagger runs/span-tagger.zip"},
        description = {"Span explanations against the human toxic-span annotations (SemEval-2021 Task 5).",
                "Learns the word lexicon on tsd_train minus a fixed tuning sample, tunes the thresholds on that sample,",
                "reports F1 on tsd_trial (the dev split). Prints one JSON object: thresholds, tuning and dev F1,",
                "dev F1 of occlusion alone and of the lexicon alone, and (\"tagger\", \"taggerUnion\") the span",
                "tagger alone and in union with the explainer, each tuned on the same sample, and (\"stacker\") the",
                "span stacker fitted on that sample: the service's spans."})
public final class SpanEvaluation implements Callable<Integer> {
    private static final Attribute ATTRIBUTE = Attribute.TOXICITY;

    @Option(names = "--model", paramLabel = "PATH", description = "model bundle (default: the shipped ${DEFAULT-VALUE})")
    Path model = Bundles.shipped();

    @Option(names = "--data", paramLabel = "DIR", description = "toxic_spans folder (default: ${DEFAULT-VALUE})")
    Path data = Bundles.shipped().getParent().resolveSibling("training-data").resolve("toxic_spans");

    @Option(names = "--train-sample", description = "tsd_train posts to tune on (default: ${DEFAULT-VALUE})")
    int trainSample = GoldSpans.TUNING_POSTS;

    @Option(names = "--seed", description = "seed of the training sample (default: ${DEFAULT-VALUE})")
    long seed = GoldSpans.SPLIT_SEED;

    @Option(names = "--write-lexicon", paramLabel = "FILE",
            description = "write the learned lexicon here (the shipped one: classifier/src/main/resources/org/parley/explain/span-lexicon.tsv)")
    Path writeLexicon;

    @Option(names = "--tagger", paramLabel = "FILE",
            description = "span tagger to report (scripts/train-spans; default: the shipped one, if any)")
    Path tagger;

    @Option(names = "--write-stacker", paramLabel = "FILE",
            description = "write the span stacker fitted on the tuning sample here (the shipped one: classifier/src/main/resources/org/parley/explain/span-stacker.json)")
    Path writeStacker;

    @Option(names = "--words", paramLabel = "FILE", hidden = true,
            description = "cache of the explainer's words: read when it exists, else written (compare taggers without re-occluding)")
    Path words;

    @Option(names = "--dump", paramLabel = "FILE", hidden = true,
            description = "write every word's features as TSV (set, post, begin, end, weight, rate, gold share) for analysis")
    Path dump;

    @Override
    public Integer call() throws IOException {
        // The files named on the command line first: a bad one is refused before the lexicon's half minute.
        ModelBundle bundle = ModelBundle.load(model);
        SpanTagger given = tagger != null ? SpanTagger.read(tagger, null) : null;
        GoldSpans.Split split = GoldSpans.split(GoldSpans.read(data.resolve("tsd_train.csv.gz")), trainSample, seed);
        List<Post> tune = split.tune();
        List<Post> rest = split.train();
        List<Post> dev = GoldSpans.read(data.resolve("tsd_trial.csv.gz"));

        SpanLexicon lexicon = SpanLexicon.learn(rest.stream().map(Post::text).toList(),
                rest.stream().map(Post::gold).toList(), TextPipeline.standard());
        if (writeLexicon != null) lexicon.write(writeLexicon);

        ToxicityModel scorer = new ToxicityModel(bundle, TextPipeline.standard(), 1);
        SpanExplainer weigher = new SpanExplainer(scorer, TextPipeline.standard(), 0, lexicon, Double.POSITIVE_INFINITY, Double.NaN);
        List<List<SpanExplainer.Word>> tuneWords, devWords;
        if (words != null && Files.exists(words)) {
            List<List<List<SpanExplainer.Word>>> cached = WordCache.read(words);
            tuneWords = cached.get(0);
            devWords = cached.get(1);
        } else {
            tuneWords = weigh(scorer, weigher, tune);
            devWords = weigh(scorer, weigher, dev);
            if (words != null) WordCache.write(words, List.of(tuneWords, devWords));
        }

        if (dump != null) dump(dump, tune, tuneWords, dev, devWords);
        Choice both = best(tune, tuneWords, true, true);
        Choice occlusion = best(tune, tuneWords, true, false);
        Choice words = best(tune, tuneWords, false, true);
        System.out.printf(Locale.ROOT,
                "{\"model\": \"%s\", \"checksum\": \"%s\", \"attribute\": \"%s\", \"lexiconWords\": %d, "
                        + "\"threshold\": %.2f, \"lexiconThreshold\": %.2f, \"fallbackMix\": %.2f, \"fillGaps\": %s, "
                        + "\"tunePosts\": %d, \"tuneF1\": %.4f, \"devPosts\": %d, \"devF1\": %.4f, "
                        + "\"devF1OcclusionOnly\": %.4f, \"devF1LexiconOnly\": %.4f%s}%n",
                bundle.name(), bundle.checksum(), ATTRIBUTE, lexicon.size(),
                both.threshold, both.lexiconThreshold, both.fallbackMix, both.fillGaps, tune.size(), both.f1, dev.size(),
                meanF1(dev, devWords, both), meanF1(dev, devWords, occlusion), meanF1(dev, devWords, words),
                taggerAndStackerRows(bundle, given, lexicon, tune, tuneWords, dev, devWords));
        return 0;
    }

    /**
     * The span tagger's rows and the stacker's (fitted on the tuning posts; written when asked), or
     * nothing when there is no tagger to report.
     */
    private String taggerAndStackerRows(ModelBundle bundle, SpanTagger given, SpanLexicon lexicon, List<Post> tune, List<List<SpanExplainer.Word>> tuneWords,
                              List<Post> dev, List<List<SpanExplainer.Word>> devWords) throws IOException {
        SpanTagger t = given != null ? given.withLexicon(lexicon) : SpanTagger.standard(lexicon);
        if (t == null) return "";
        TextPipeline pipeline = TextPipeline.standard();
        List<List<Token>> tuneTokens = tune.stream().map(p -> pipeline.tokenize(p.text())).toList();
        List<List<Token>> devTokens = dev.stream().map(p -> pipeline.tokenize(p.text())).toList();
        float[][] tuneP = t.probabilities(tuneTokens), devP = t.probabilities(devTokens);
        String rows = SpanTaggerRows.report(tune, tuneTokens, tuneP, tuneWords, dev, devTokens, devP, devWords);

        List<SpanStacker.Post> tuneStack = stackerPosts(tune, tuneTokens, tuneP, tuneWords);
        List<SpanStacker.Post> devStack = stackerPosts(dev, devTokens, devP, devWords);
        SpanStacker stacker = SpanStacker.fit(tuneStack);
        Bootstrap.Interval devInterval = meanInterval(stacker.f1s(devStack));
        double tuneF1 = stacker.meanF1(tuneStack), devF1 = devInterval.value();
        if (writeStacker != null) {
            ObjectNode provenance = Provenance.create("parley-span-stacker", bundle.version())
                    .put("fittedOn", String.format(Locale.ROOT, "SemEval-2021 Task 5 tsd_train: the %d-post tuning sample (seed %d)", tune.size(), seed))
                    .put("labels", "a word token is marked when most of its characters are in a gold span")
                    .put("toxicityModel", bundle.name() + " " + bundle.version() + " (" + bundle.checksum() + ")")
                    .put("tagger", tagger != null ? tagger.toString() : SpanTagger.RESOURCE)
                    .put("lexiconWords", lexicon.size())
                    .put("tuneF1", round(tuneF1))
                    .put("devPosts", dev.size())
                    .put("devF1", round(devF1))
                    .put("command", "scripts/evaluate-spans --write-stacker FILE");
            stacker.withProvenance(provenance).write(writeStacker);
        }
        return rows + String.format(Locale.ROOT,
                ", \"stacker\": {\"threshold\": %.2f, \"fillGaps\": %s, \"fallback\": %s, \"tuneF1\": %.4f, \"devF1\": %.4f, "
                        + "\"devF1Interval95\": [%.4f, %.4f]}",
                stacker.threshold(), stacker.fillGaps(), SpanTaggerTrainer.json(stacker.fallback()), tuneF1, devF1,
                devInterval.low(), devInterval.high()) + served(tuneStack, devStack);
    }

    /** The stacker the service loads, on the same rows: the refit may choose otherwise on a near-tie. */
    private static String served(List<SpanStacker.Post> tune, List<SpanStacker.Post> dev) {
        SpanStacker served = SpanStacker.standard();
        if (served == null) return "";
        Bootstrap.Interval devF1 = meanInterval(served.f1s(dev));
        return String.format(Locale.ROOT,
                ", \"servedStacker\": {\"fillGaps\": %s, \"tuneF1\": %.4f, \"devF1\": %.4f, \"devF1Interval95\": [%.4f, %.4f]}",
                served.fillGaps(), served.meanF1(tune), devF1.value(), devF1.low(), devF1.high());
    }

    /** The mean of per-post F1s (the task's measure) with its 95% bootstrap interval over posts. */
    static Bootstrap.Interval meanInterval(double[] f1s) {
        return Bootstrap.intervals(f1s.length, Bootstrap.DEFAULT_RESAMPLES, Bootstrap.DEFAULT_SEED, w -> {
            double sum = 0, n = 0;
            for (int i = 0; i < f1s.length; i++) {
                sum += w[i] * f1s[i];
                n += w[i];
            }
            return new double[] {sum / n};
        })[0];
    }

    private static double round(double f1) {
        return Math.round(f1 * 10000) / 10000.0;
    }

    private static List<SpanStacker.Post> stackerPosts(List<Post> posts, List<List<Token>> tokens, float[][] p,
                                                       List<List<SpanExplainer.Word>> words) {
        List<SpanStacker.Post> out = new ArrayList<>(posts.size());
        for (int i = 0; i < posts.size(); i++)
            out.add(new SpanStacker.Post(posts.get(i).text(), tokens.get(i), p[i], words.get(i), posts.get(i).gold()));
        return out;
    }

    private static void dump(Path file, List<Post> tune, List<List<SpanExplainer.Word>> tuneWords,
                             List<Post> dev, List<List<SpanExplainer.Word>> devWords) throws IOException {
        org.parley.io.AtomicFile.write(file, os -> { // whole, or a failure naming the file
            var out = new java.io.BufferedWriter(new java.io.OutputStreamWriter(os, java.nio.charset.StandardCharsets.UTF_8));
            for (String set : new String[] {"tune", "dev"}) {
                List<Post> posts = set.equals("tune") ? tune : dev;
                List<List<SpanExplainer.Word>> words = set.equals("tune") ? tuneWords : devWords;
                for (int i = 0; i < posts.size(); i++) {
                    out.write(String.format(Locale.ROOT, "%s\t%d\t-1\t-1\t0\t0\t%d%n", set, i, posts.get(i).gold().cardinality()));
                    for (SpanExplainer.Word w : words.get(i)) {
                        Span s = w.span();
                        double gold = (double) posts.get(i).gold().get(s.begin(), s.end()).cardinality() / (s.end() - s.begin());
                        out.write(String.format(Locale.ROOT, "%s\t%d\t%d\t%d\t%.4f\t%.4f\t%.3f%n", set, i, s.begin(), s.end(), s.weight(), w.rate(), gold));
                    }
                }
            }
            out.flush();
        });
    }

    record Choice(double threshold, double lexiconThreshold, double fallbackMix, boolean fillGaps, double f1) {}

    /** Grid search on the tuning posts; an unused signal gets an infinite threshold. */
    static Choice best(List<Post> posts, List<List<SpanExplainer.Word>> words, boolean useOcclusion, boolean useLexicon) {
        List<Double> ts = new ArrayList<>(), ls = new ArrayList<>();
        ts.add(Double.POSITIVE_INFINITY);
        ls.add(Double.POSITIVE_INFINITY);
        if (useOcclusion) for (int i = 0; i <= 40; i++) ts.add(i * 0.1);
        if (useLexicon) for (int i = 1; i <= 19; i++) ls.add(i * 0.05);
        List<Double> mixes = new ArrayList<>(List.of(Double.NaN));
        if (useOcclusion && useLexicon) mixes.addAll(List.of(0.0, 0.1, 0.3, 1.0));
        Choice best = new Choice(0, 0, Double.NaN, false, -1);
        for (boolean fill : new boolean[] {false, true})
            for (double t : ts)
                for (double l : ls)
                    for (double mix : mixes) {
                        double f1 = meanF1(posts, words, new Choice(t, l, mix, fill, 0));
                        if (f1 > best.f1) best = new Choice(t, l, mix, fill, f1);
                    }
        return best;
    }

    private static List<List<SpanExplainer.Word>> weigh(ToxicityModel scorer, SpanExplainer weigher, List<Post> posts) {
        List<List<SpanExplainer.Word>> out = new ArrayList<>(posts.size());
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

    static double meanF1(List<Post> posts, List<List<SpanExplainer.Word>> words, Choice c) {
        double sum = 0;
        for (int i = 0; i < posts.size(); i++) {
            List<Span> kept = SpanExplainer.select(words.get(i), c.threshold, c.lexiconThreshold, c.fallbackMix);
            sum += SpanF1.f1(SpanF1.offsets(kept, posts.get(i).text(), c.fillGaps), posts.get(i).gold());
        }
        return posts.isEmpty() ? 0 : sum / posts.size();
    }

}
