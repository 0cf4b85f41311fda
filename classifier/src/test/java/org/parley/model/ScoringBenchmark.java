package org.parley.model;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.parley.explain.SpanExplainer;
import org.parley.explain.SpanLexicon;
import org.parley.feature.FeatureExtractor;
import org.parley.feature.TextFeatures;
import org.parley.label.Attribute;
import org.parley.score.Scorer;
import org.parley.text.TextPipeline;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Where one comment's scoring time goes (not a unit test; no JMH): comments are scored one at a
 * time, and the CPU time per comment of each stage, and of spans per explained comment, is
 * printed, measured as the process's CPU time (time descheduled on a shared machine is not
 * counted; spans fork over the cores, GC and JIT are counted), best of 7.
 * Uses only API the pre-speed-work code also has, so both can be compared (the last line, spans with
 * variants scored as strings, is the occlusion path before {@code scoreVariants}). Input: JSON Lines with
 * "text" (what scripts/benchmark-score generates).
 *
 * <pre>
 * mvn -q -B -o -pl classifier test-compile dependency:build-classpath -Dmdep.outputFile=target/test-cp.txt
 * java -XX:-DontCompileHugeMethods -cp classifier/target/classes:classifier/target/test-classes:$(cat classifier/target/test-cp.txt) \
 *     org.parley.model.ScoringBenchmark COMMENTS.jsonl [models/toxicity.zip] [max comments=20000]
 * </pre>
 */
public final class ScoringBenchmark {
    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    public static void main(String[] args) throws Exception {
        ObjectMapper json = new ObjectMapper();
        int max = args.length > 2 ? Integer.parseInt(args[2]) : 20_000;
        List<String> texts = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of(args[0]))) {
            if (texts.size() == max) break;
            texts.add(json.readTree(line).get("text").asText());
        }
        ModelBundle bundle = ModelBundle.load(Path.of(args.length > 1 ? args[1] : Bundles.SHIPPED));
        TextPipeline pipeline = TextPipeline.standard();
        ToxicityModel model = new ToxicityModel(bundle, pipeline, 1);
        FeatureExtractor fx = bundle.features();
        List<List<String>> tokens = texts.stream().map(pipeline::tokens).toList();
        List<TextFeatures> features = texts.stream().map(model::ids).toList();
        System.out.printf("%d comments, mean %.0f chars; process CPU time per comment, best of 7%n",
                texts.size(), texts.stream().mapToInt(String::length).average().orElse(0));

        time("tokens", texts.size(), () -> texts.forEach(pipeline::tokens));
        time("TF-IDF row", texts.size(), () -> texts.forEach(t -> fx.tfIdf().transform(t)));
        time("deep ids", texts.size(), () -> tokens.forEach(fx::deepIds));
        time("forward pass", texts.size(), () -> features.forEach(f -> model.forward(List.of(f))));
        time("score (all of it)", texts.size(), () -> texts.forEach(t -> model.score(List.of(t))));

        SpanExplainer explainer = new SpanExplainer(model, pipeline, 1.5, SpanLexicon.standard(), 0.45, 0.3);
        List<String> toxic = new ArrayList<>();
        List<Float> p = new ArrayList<>();
        for (String t : texts) {
            float tox = model.score(List.of(t))[0][Attribute.TOXICITY.ordinal()];
            if (tox >= 0.5f && toxic.size() < 500) {
                toxic.add(t);
                p.add(tox);
            }
        }
        time("spans, per explained comment (" + toxic.size() + ")", toxic.size(), () -> {
            for (int i = 0; i < toxic.size(); i++) explainer.explain(toxic.get(i), Attribute.TOXICITY, p.get(i));
        });
        // Scorer's default scoreVariants: each variant scored as a string, as before ToxicityModel.scoreVariants.
        Scorer strings = new Scorer() {
            @Override
            public float[][] score(List<String> t) {
                return model.score(t);
            }

            @Override
            public String name() {
                return "variant strings";
            }
        };
        SpanExplainer byStrings = new SpanExplainer(strings, pipeline, 1.5, SpanLexicon.standard(), 0.45, 0.3);
        time("  same, variants scored as strings", toxic.size(), () -> {
            for (int i = 0; i < toxic.size(); i++) byStrings.explain(toxic.get(i), Attribute.TOXICITY, p.get(i));
        });
    }

    /**
     * Prints process CPU time per item of {@code pass} over {@code n} items: best of 7 windows, a window
     * repeating the pass for at least 0.3 s of CPU (the OS counts in ticks). Also TaggerBenchmark's.
     */
    public static void time(String name, int n, Runnable pass) {
        double best = Double.MAX_VALUE;
        for (int i = 0; i < 7; i++) {
            long start = OS.getProcessCpuTime(), used;
            int passes = 0;
            do {
                pass.run();
                passes++;
                used = OS.getProcessCpuTime() - start;
            } while (used < 300_000_000L);
            best = Math.min(best, (double) used / passes);
        }
        System.out.printf("%-44s %9.1f us%n", name, best / 1e3 / n);
    }
}
