package org.parley.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.corpus.ReplyCorpora;
import org.parley.corpus.StanceCorpora;
import org.parley.corpus.StanceExample;
import org.parley.label.Stance;
import org.parley.model.BundleFile;
import org.parley.model.PipelineFingerprint;
import org.parley.stance.StanceBundle;
import org.parley.text.TextPipeline;

/** scripts/train --task stance on the test corpora, with networks small enough to train in seconds. */
class TrainStanceCommandTest {
    @TempDir Path dir;

    /**
     * A stance data scientist's audit: a stance run dropped the training rows that copy a dev or
     * held-out text without a word (read by difference from its counts), where toxicity's says how many.
     */
    @Test
    void saysHowManyTrainingTextsItDroppedAsCopiesOfMeasuredOnes() throws Exception {
        Path data = corpora();
        // P-Stance's training split copies the held-out "Vote Hillary!" of SemEval, in another spelling.
        String copy = "Vote Hillary!";
        while (StanceCorpora.isDev(new StanceExample("pstance", "", copy, "Joe Biden", Stance.FAVOR))) copy += "!";
        Files.writeString(data.resolve("pstance/raw_train_all.csv"), copy + ",Joe Biden,FAVOR\n", java.nio.file.StandardOpenOption.APPEND);
        String err = train("--data", data.toString(), "--output", dir.resolve("st.zip").toString());
        assertTrue(err.contains("(1 training texts dropped: they repeat a dev or held-out text)"), err);
    }

    /**
     * The same audit: a --target-from bundle copied OLD's target model but recorded this run's
     * target hyper-parameters. It now records this run's for the reply model alone, and under
     * targetModel how the kept target model was made (OLD's provenance, less its reply part) and
     * where it came from; a bundle that keeps it again keeps that record. A full run's fields keep
     * their meaning, and each bundle loads.
     */
    @Test
    void aBundleThatKeepsATargetModelRecordsHowThatModelWasMade() throws Exception {
        Path data = corpora(), old = dir.resolve("old.zip"), kept = dir.resolve("kept.zip"), again = dir.resolve("again.zip");
        train("--data", data.toString(), "--epochs", "1", "--seed", "3", "--output", old.toString());
        train("--data", data.toString(), "--seed", "9", "--embedding", "16", "--target-from", old.toString(),
                "--output", kept.toString());
        JsonNode o = provenance(old), k = provenance(kept);

        assertEquals(8, o.at("/hyperParameters/targetNetwork/embedding").asInt(), "a full run records every option");
        assertEquals(1, o.at("/hyperParameters/epochs").asInt());
        assertFalse(o.has("targetModel"));

        JsonNode from = k.at("/targetModel/from");
        assertEquals("old.zip", from.get("file").asText());
        assertEquals(o.get("version"), from.get("version"));
        assertEquals(BundleFile.sha256(Files.readAllBytes(old)), from.get("sha256").asText());
        JsonNode made = k.get("targetModel");
        assertEquals(8, made.at("/hyperParameters/targetNetwork/embedding").asInt(), "the kept model's own options");
        assertEquals(1, made.at("/hyperParameters/epochs").asInt());
        assertFalse(made.get("hyperParameters").has("replyNetwork"), "not the reply model it was trained beside");
        assertEquals(3, made.get("seed").asInt());
        assertEquals(o.get("code"), made.get("code"));
        assertEquals(o.at("/devMetrics/targetStanceDev"), made.at("/devMetrics/targetStanceDev"));
        assertFalse(made.get("devMetrics").has("replyStanceDev"));
        made.get("dataFiles").forEach(f -> assertFalse(f.get("file").asText().startsWith("rumoureval"), f.toString()));
        // The pipeline the kept model was trained through (forty-seventh session; printed at training only before).
        assertEquals(o.get(PipelineFingerprint.KEY), made.get(PipelineFingerprint.KEY), "the kept model's text-pipeline record");

        assertEquals(16, k.at("/hyperParameters/replyNetwork/embedding").asInt(), "this run's options, for the reply model");
        assertEquals(9, k.get("seed").asInt());
        for (String targetOnly : List.of("targetFeatures", "targetNetwork", "epochs", "batchSize", "repeat", "wide", "sentence"))
            assertFalse(k.get("hyperParameters").has(targetOnly), targetOnly + " was not used by this run");
        assertFalse(k.at("/corpora/pstance").has("train"), "this run trained on no target rows");
        assertEquals(o.get("heldOutTargets"), k.get("heldOutTargets"));
        assertEquals(o.get("trainingTargets"), made.get("trainingTargets"), "the kept model's training targets");
        assertFalse(k.has("trainingTargets"), "this run trained no target model");
        assertEquals(StanceBundle.load(old, TextPipeline.standard()).trainingTargets(), StanceBundle.load(kept, TextPipeline.standard()).trainingTargets());

        train("--data", data.toString(), "--target-from", kept.toString(), "--output", again.toString());
        JsonNode a = provenance(again);
        assertEquals("kept.zip", a.at("/targetModel/from/file").asText());
        assertEquals(3, a.at("/targetModel/seed").asInt(), "still the run that trained the target model");
        assertEquals(made.get("hyperParameters"), a.at("/targetModel/hyperParameters"));
        assertEquals(o.get(PipelineFingerprint.KEY), a.at("/targetModel/" + PipelineFingerprint.KEY), "not kept.zip's own, its reply run's");

        String err = stderrOfRefusal("--data", data.toString(), "--target-from", kept.toString(), "--hold-out", "Atheism",
                "--output", dir.resolve("x.zip").toString());
        assertTrue(err.startsWith("train --task stance: --hold-out with --target-from:"), err);
    }

    /**
     * A data scientist's third audit: evaluate --task stance --file reported a target the bundle trained on and one it
     * never saw alike, as the bundle recorded rows per corpus, not its targets. Training records each target's rows
     * (as the wide part reads targets: case and spacing aside), and the file's targets are said seen, with those rows,
     * or unseen (the held-out one too), in the JSON, on stderr and in the report.
     */
    @Test
    void aBundleRecordsItsTrainingTargetsAndEvaluateSaysWhichOfAFilesTargetsItSaw() throws Exception {
        Path data = corpora(), bundle = dir.resolve("st.zip");
        train("--data", data.toString(), "--output", bundle.toString());
        // The helper's run: the wide part, no sentence part (--no-sentence), as the options say and the bundle holds.
        org.parley.stance.StanceModel trained = StanceBundle.load(bundle, TextPipeline.standard());
        JsonNode hyper = trained.provenance().get("hyperParameters");
        assertEquals(org.parley.stance.WideStance.Config.defaults().bits(), hyper.at("/wide/bits").asInt(), hyper.toString());
        assertTrue(hyper.get("sentence").isNull(), hyper.toString());
        assertEquals(List.of("network", "wide"), List.copyOf(org.parley.stance.StanceEvaluator.targetParts(trained).keySet()),
                "the bundle read back: the wide part beside the network");
        JsonNode recorded = provenance(bundle).get("trainingTargets");
        java.util.Map<String, Integer> expected = new java.util.TreeMap<>();
        for (StanceExample e : org.parley.stance.StanceData.load(data, List.of("Hillary Clinton"), null, 7).train())
            expected.merge(e.target().strip().toLowerCase(java.util.Locale.ROOT), 1, Integer::sum);
        assertEquals(new com.fasterxml.jackson.databind.ObjectMapper().valueToTree(expected), recorded);
        int atheism = recorded.get("atheism").asInt();
        assertTrue(atheism > 0 && !recorded.has("hillary clinton"), recorded.toString());

        Path labels = Files.writeString(dir.resolve("l.jsonl"), """
                {"text": "God is great, pray daily", "target": "  ATHEISM ", "label": "AGAINST"}
                {"text": "Fireworks scare my dog", "target": "fireworks", "label": "AGAINST"}
                {"text": "Vote Hillary", "target": "Hillary Clinton", "label": "FAVOR"}
                """);
        Path report = dir.resolve("report");
        Printed.Both run = Printed.both(() -> Cli.execute(new EvaluateStanceCommand(), "--model", bundle.toString(), "--data",
                data.toString(), "--file", labels.toString(), "--report", report.toString(), "--resamples", "0"));
        assertEquals(0, run.code(), run.err());
        JsonNode seen = new com.fasterxml.jackson.databind.ObjectMapper().readTree(run.out()).get("targetsInTraining");
        assertTrue(seen.get("recorded").asBoolean(), seen.toString());
        assertEquals("{\"seen\":true,\"trainingRows\":" + atheism + "}", seen.at("/targets/  ATHEISM ").toString());
        assertEquals("{\"seen\":false}", seen.at("/targets/fireworks").toString());
        assertEquals("{\"seen\":false}", seen.at("/targets/Hillary Clinton").toString(), "held out of training");
        assertTrue(run.err().contains("targets in training:   ATHEISM  seen (" + atheism + " training rows); Hillary Clinton unseen; fireworks unseen"),
                run.err());
        String html = Files.readString(report.resolve("report.html"));
        assertTrue(html.contains("<tr><td>fireworks</td><td>unseen</td></tr>"), html);
        // The pair networks' reading of the probe texts (tokens, no wide text), read alike by the checkout that made it.
        JsonNode fingerprint = provenance(bundle).get(org.parley.model.PipelineFingerprint.KEY);
        assertEquals("[\"tokens\"]", fingerprint.get("reads").toString());
        assertEquals(org.parley.model.PipelineFingerprint.of(org.parley.text.TextPipeline.standard(), false).digest(), fingerprint.get("digest").asText());
        JsonNode check = new com.fasterxml.jackson.databind.ObjectMapper().readTree(run.out()).get("textPipeline");
        assertEquals("SAME", check.get("status").asText(), check.toString());
        assertTrue(html.contains("Text pipeline: " + bundle + ": this checkout&#39;s text pipeline reads the"), html);
        assertTrue(html.contains("<tr><td>  ATHEISM </td><td>seen (" + atheism + " training rows)</td></tr>"), html);
    }

    /**
     * The twenty-sixth session's audit: with --target-from the options that only the target model
     * reads were ignored without a word. Each is refused, named, before the kept bundle is read (here
     * it does not exist); those the reply model reads too are taken.
     */
    @Test
    void optionsOnlyTheTargetModelReadsAreRefusedWithTargetFrom() throws Exception {
        String missing = dir.resolve("old.zip").toString(), output = dir.resolve("x.zip").toString();
        String[][] targetOnly = {{"--epochs", "3"}, {"--batch-size", "64"}, {"--repeat", "vast=2"}, {"--no-wide"}, {"--wide-c", "2"},
                {"--wide-weight", "0.3"}, {"--wide-min-target-rows", "5"}, {"--no-sentence"}, {"--sentence-weight", "0.3"},
                {"--sentence-epochs", "3"}};
        for (String[] option : targetOnly) {
            List<String> args = new ArrayList<>(List.of("--target-from", missing, "--output", output));
            args.addAll(List.of(option));
            String err = stderrOfRefusal(args.toArray(String[]::new));
            assertTrue(err.startsWith("train --task stance: " + option[0] + " with --target-from: it sets only the target model, which is kept from "
                    + missing) && err.strip().lines().count() == 1, err);
        }
        String err = stderrOfRefusal("--target-from", missing, "--epochs", "3", "--no-sentence", "--output", output);
        assertTrue(err.startsWith("train --task stance: --epochs, --no-sentence with --target-from: they set only the target model"), err);
        // Read by the reply model too: taken, so the run goes on to read the (missing) bundle.
        for (String[] option : new String[][] {{"--embedding", "16"}, {"--hidden", "16"}, {"--dropout", "0.2"}, {"--learning-rate", "0.01"},
                {"--embedding-learning-rate", "0.1"}, {"--patience", "1"}, {"--seed", "9"}, {"--sample", "5"}, {"--reply-epochs", "2"},
                {"--reply-batch-size", "8"}}) {
            List<String> args = new ArrayList<>(List.of("--target-from", missing, "--output", output));
            args.addAll(List.of(option));
            err = stderrOfRefusal(args.toArray(String[]::new));
            assertFalse(err.contains("with --target-from"), err);
            assertTrue(err.contains(missing), err);
        }
    }

    /**
     * --no-wide leaves the wide part out and a run without --no-sentence trains the sentence part (the helper's runs never
     * do): each as the options say, in the recorded settings and in the bundle read back. The training time recorded is
     * at most the run's own wall time.
     */
    @Test
    void noWideAndTheSentencePartAreTrainedAsAskedAndRecorded() throws Exception {
        Path data = corpora(), bundle = dir.resolve("sentence.zip");
        long began = System.nanoTime();
        Printed run = Printed.err(() -> Cli.execute(new TrainStanceCommand(), "--data", data.toString(), "--no-wide",
                "--sentence-epochs", "1", "--epochs", "1", "--reply-epochs", "1", "--embedding", "8", "--hidden", "8",
                "--output", bundle.toString()));
        long took = (System.nanoTime() - began) / 1_000_000_000L;
        assertEquals(0, run.code(), run.text());
        org.parley.stance.StanceModel model = StanceBundle.load(bundle, TextPipeline.standard());
        JsonNode p = model.provenance(), hyper = p.get("hyperParameters");
        assertTrue(hyper.get("wide").isNull(), hyper.toString());
        assertEquals(1, hyper.at("/sentence/epochs").asInt(), hyper.toString());
        assertEquals("all-MiniLM-L6-v2", hyper.at("/sentence/encoder").asText(), hyper.toString());
        assertEquals(List.of("network", "sentence"), List.copyOf(org.parley.stance.StanceEvaluator.targetParts(model).keySet()),
                "the bundle read back: the sentence part beside the network");
        long seconds = p.get("trainingSeconds").asLong();
        assertTrue(seconds >= 0 && seconds <= took, seconds + " s recorded, the run took " + took + " s");
        assertTrue(run.text().contains("wrote " + bundle + " in "), run.text());
    }

    /** A --hold-out that names no target would hold out nothing, and a --repeat of no stance corpus would repeat nothing. */
    @Test
    void aHoldOutOrRepeatThatNamesNothingIsRefused() throws Exception {
        Path data = corpora();
        // Beside a target that is there: the rows it holds out are no rows of the other.
        String err = stderrOfRefusal("--data", data.toString(), "--hold-out", "Atheism,Pineapple pizza", "--no-sentence",
                "--output", dir.resolve("x.zip").toString());
        assertTrue(err.contains("--hold-out 'Pineapple pizza' names no target in the stance corpora"), err);
        err = stderrOfRefusal("--data", data.toString(), "--repeat", "ethos=2", "--output", dir.resolve("x.zip").toString());
        assertTrue(err.contains("--repeat ethos=2: not a corpus being trained on"), err);
        // A held-out target named as the corpora write it, in other case and spacing, holds it out.
        train("--data", data.toString(), "--hold-out", "  atheism ", "--output", dir.resolve("held.zip").toString());
        JsonNode targets = provenance(dir.resolve("held.zip")).get("trainingTargets");
        assertFalse(targets.has("atheism"), targets.toString());
    }

    /**
     * A data scientist's audit (sixty-third session): zero epochs of any network wrote a bundle with it untrained
     * (best epoch -1) and exit 0, where scripts/train refuses --epochs 0. Refused now before the corpora are read.
     */
    @Test
    void zeroEpochsOfAnyNetworkAreRefusedBeforeTheCorporaAreRead() {
        // --data names a folder without corpora: reading them would fail on the first one, with another message.
        for (String[] c : new String[][] {{"--epochs", "epochs must be >= 1, was 0"}, {"--reply-epochs", "reply epochs must be >= 1, was 0"},
                {"--sentence-epochs", "sentence epochs must be >= 1, was 0"}}) {
            String err = stderrOfRefusal("--data", dir.toString(), c[0], "0", "--output", dir.resolve("x.zip").toString());
            assertTrue(err.contains(c[1]), c[0] + ": " + err);
            assertFalse(Files.exists(dir.resolve("x.zip")));
        }
    }

    private static JsonNode provenance(Path bundle) {
        return StanceBundle.load(bundle, TextPipeline.standard()).provenance();
    }

    /**
     * The stance and reply corpora of the test resources, in a folder of their own that a test may
     * change, with 30 more reply threads so that the reply model has dev threads to choose an epoch on.
     */
    private Path corpora() throws Exception {
        Path from = Path.of(getClass().getResource("/corpus").toURI()), to = dir.resolve("data");
        List<String> names = new ArrayList<>(StanceCorpora.NAMES);
        names.addAll(ReplyCorpora.NAMES);
        for (String name : names) {
            Files.createDirectories(to.resolve(name));
            try (var files = Files.list(from.resolve(name))) {
                for (Path f : files.toList()) Files.copy(f, to.resolve(name).resolve(f.getFileName()));
            }
        }
        StringBuilder threads = new StringBuilder();
        String[] labels = {"support", "deny", "query", "comment"};
        for (int t = 10; t < 40; t++)
            threads.append("train,twitter,e,%d,%d,,0,support,Rumour %d spreads,Rumour %d spreads,1%n".formatted(t, t * 100, t, t))
                    .append("train,twitter,e,%d,%d,%d,1,%s,Reply %s to rumour %d,Rumour %d spreads,1%n"
                            .formatted(t, t * 100 + 1, t * 100, labels[t % 4], labels[t % 4], t, t));
        Files.writeString(to.resolve("rumoureval2019/rumoureval2019_subtaskA_train_dev.csv"), threads, java.nio.file.StandardOpenOption.APPEND);
        return to;
    }

    /** What a refused run writes on stderr, after checking it exits with status 2. */
    private static String stderrOfRefusal(String... args) {
        Printed run = Printed.err(() -> Cli.execute(new TrainStanceCommand(), args));
        assertEquals(2, run.code());
        return run.text();
    }

    /**
     * Runs a quick training (small networks, one epoch unless given, no sentence part) and returns
     * what it wrote on stderr. With --target-from, whose target options are refused, the reply model's alone.
     */
    static String train(String... args) throws IOException {
        List<String> all = new ArrayList<>(List.of(args));
        boolean full = !all.contains("--target-from");
        if (full) all.add("--no-sentence");
        String[][] defaults = full ? new String[][] {{"--epochs", "1"}, {"--reply-epochs", "1"}, {"--embedding", "8"}, {"--hidden", "8"}}
                : new String[][] {{"--reply-epochs", "1"}, {"--embedding", "8"}, {"--hidden", "8"}};
        for (String[] d : defaults) if (!all.contains(d[0])) all.addAll(List.of(d));
        ByteArrayOutputStream err = new ByteArrayOutputStream(), out = new ByteArrayOutputStream();
        PrintStream wasErr = System.err, wasOut = System.out;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            assertEquals(0, Cli.execute(new TrainStanceCommand(), all.toArray(String[]::new)), () -> err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setErr(wasErr);
            System.setOut(wasOut);
        }
        return err.toString(StandardCharsets.UTF_8);
    }
}
