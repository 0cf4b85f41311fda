package org.parley.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.eval.IdentityBias;
import org.parley.model.TinyBundles;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

/** scripts/evaluate --compare on tiny bundles: one before/after table per data set. */
class EvaluateCommandTest {
    @TempDir Path dir;

    private static Path fixtures() throws URISyntaxException {
        return Path.of(EvaluateCommandTest.class.getResource("/corpus").toURI());
    }

    /**
     * The report's sentence on a --file's rows reads the same whatever the JVM's locale: under ar_EG its counts came out
     * in Arabic-Indic digits until the forty-eighth session.
     */
    @Test
    void aFilesRowsSentenceIsWrittenWithAsciiDigitsWhateverTheLocale() {
        java.util.Locale before = java.util.Locale.getDefault();
        try {
            java.util.Locale.setDefault(new java.util.Locale("ar", "EG"));
            String sentence = EvaluateCommand.fileRows("decisions.jsonl",
                    java.util.Map.of("decisions.jsonl", java.util.Collections.nCopies(1234, null)),
                    java.util.Map.of("decisions.jsonl", java.util.Collections.nCopies(987, null)));
            assertTrue(sentence.startsWith("Rows: 987, one per text, from the file's 1234 labelled lines that stand"), sentence);
        } finally {
            java.util.Locale.setDefault(before);
        }
    }

    @Test
    void compareShowsBothModelsOnTheCorpusSplitAndOnEachFile() throws Exception {
        Path before = dir.resolve("old.zip");
        Path after = dir.resolve("new.zip");
        TinyBundles.create().save(before);
        TinyBundles.create().save(after);
        Path decisions = Files.writeString(dir.resolve("decisions.jsonl"), """
                {"id":"c1","source":"moderator-decisions","text":"you are an idiot","labels":{"TOXICITY":1.0,"INSULT":1.0}}
                {"id":"c2","source":"moderator-decisions","text":"nice day","labels":{"TOXICITY":0.0,"INSULT":0.0}}
                {"id":"c3","source":"moderator-decisions","text":"an idiot day","labels":{"TOXICITY":1.0}}
                """);
        Path json = dir.resolve("compare.json");

        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        PrintStream saved = System.out;
        System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
        int code;
        try {
            code = Cli.execute(new EvaluateCommand(), "--model", after.toString(), "--compare", before.toString(),
                    "--data", fixtures().toString(), "--corpus", "kaggle_insults_impermium", "--split", "all",
                    "--file", decisions.toString(), "--report", dir.resolve("report").toString(), "--output", json.toString());
        } finally {
            System.setOut(saved);
        }
        assertEquals(0, code);
        String tables = stdout.toString(StandardCharsets.UTF_8);
        assertTrue(tables.contains("ROC-AUC on all split"), tables);
        assertTrue(tables.contains("ROC-AUC on " + decisions + " (3 rows): before = " + before + ", after = " + after), tables);
        assertTrue(tables.contains("INSULT"), tables);
        assertTrue(tables.contains("+0.0000"), "the same weights: no change\n" + tables);
        assertTrue(tables.contains("Identity terms on all split"), tables);
        assertTrue(tables.contains("subgroup bef/aft"), tables);
        assertTrue(tables.contains("95% interval (1000 paired bootstrap draws)"), tables);
        assertTrue(tables.contains("text pipeline, before: " + before + " predates the pipeline check"), tables);

        JsonNode out = new ObjectMapper().readTree(json.toFile());
        assertEquals(2, out.size());
        assertEquals(decisions.toString(), out.get(1).get("data").asText());
        assertEquals(3, out.get(1).at("/after/n").asInt());
        assertEquals(before.toString(), out.get(1).at("/before/model").asText());
        assertEquals("UNRECORDED", out.get(0).at("/textPipeline/after/status").asText(), out.get(0).toString());
        assertTrue(Files.exists(dir.resolve("report/report.html")));
        // A data scientist's fourth audit: the page showed the corpora's split alone, where the loop's reader looks for
        // the decisions file's comparison. It says what it shows, and shows the file's comparison in a part of its own.
        String page = Files.readString(dir.resolve("report/report.html"));
        int rows = out.get(0).at("/after/n").asInt();
        assertTrue(page.contains("<p>Data: the all split (" + rows + " rows). Below it, each in a part of its own: the comparison on "
                + decisions + " (3 rows).</p>"), page);
        int part = page.indexOf("<h2>Comparison on " + decisions + ": 3 rows</h2>");
        assertTrue(part > page.indexOf("<h2>Per source</h2>"), "the file's part follows the split's, which stays as it was\n" + page);
        String file = page.substring(part);
        assertTrue(file.contains("<p>Rows: 3, one per text, from the file&#39;s 3 labelled lines that stand"), file);
        assertTrue(file.contains("<h3>Per attribute</h3>") && file.contains("<h3>How sure</h3>"), file);
        assertTrue(file.contains("<th>" + after + " − " + before + "</th>"), "the paired change of the two on the file\n" + file);
        assertTrue(file.contains("<figure><img src=\"file-1-roc-toxicity.png\" alt=\"ROC curves for TOXICITY: 3 rows, 2 positive\""), file);
        assertTrue(file.contains("<figcaption>INSULT: 2 rows, 1 positive</figcaption>"), file);
        assertTrue(javax.imageio.ImageIO.read(dir.resolve("report/file-1-roc-toxicity.png").toFile()).getWidth() > 100);
        assertTrue(page.substring(0, part).contains("<img src=\"roc-"), "the split's plots stay\n" + page);
        assertEquals(IdentityBias.TERMS.size(), out.get(0).at("/identityBias/after/toxicityByTerm").size());
        // The same weights score every draw the same: a change of exactly 0 with no spread.
        assertEquals("{\"value\":0.0,\"low\":0.0,\"high\":0.0}", out.get(0).at("/change/mean").toString());
    }

    @Test
    void identityFiguresCoverEveryTermAndOnlyTheNeutralSentences() throws Exception {
        Path bundle = dir.resolve("m.zip");
        TinyBundles.create().save(bundle);
        Path sentences = Files.writeString(dir.resolve("sentences.jsonl"), """
                {"id": "a", "text": "I am a gay man."}
                {"id": "b", "text": "My Muslim neighbours came for dinner."}
                {"id": "ctrl-insult", "text": "you are an idiot"}
                """);
        Path json = dir.resolve("eval.json");
        int code = Cli.execute(new EvaluateCommand(), "--model", bundle.toString(), "--data", fixtures().toString(),
                "--corpus", "kaggle_insults_impermium", "--split", "all", "--identity-sentences", sentences.toString(),
                "--report", dir.resolve("report").toString(), "--output", json.toString());
        assertEquals(0, code);
        JsonNode identity = new ObjectMapper().readTree(json.toFile()).get("identityBias");
        assertEquals(IdentityBias.TERMS.size(), identity.get("toxicityByTerm").size());
        assertEquals("gay", identity.at("/toxicityByTerm/0/term").asText());
        assertEquals(2, identity.at("/neutralSentences/n").asInt(), "the ctrl- line is a control, not neutral");
        double mean = identity.at("/neutralSentences/meanToxicity").asDouble();
        assertTrue(mean >= 0 && mean <= 1, "a probability: " + mean);

        JsonNode out = new ObjectMapper().readTree(json.toFile());
        // A bundle without a text-pipeline fingerprint: said beside the figures, in the JSON and the report.
        assertEquals("UNRECORDED", out.at("/textPipeline/status").asText(), out.get("textPipeline").toString());
        assertTrue(out.at("/textPipeline/message").asText().startsWith(bundle + " predates the pipeline check"), out.get("textPipeline").toString());
        assertTrue(Files.readString(dir.resolve("report/report.html")).contains("Text pipeline: " + bundle + " predates the pipeline check"));
        // What the standard policy does to these rows: every row counted once, positives per attribute.
        assertEquals(out.get("n").asInt(), out.at("/policy/all/n").asInt(), out.get("policy").toString());
        assertEquals(6, out.at("/policy/positives").size());
        assertEquals("INSULT positive", out.at("/policy/positives/3/rows").asText());
        assertTrue(out.at("/policy/positives/3/n").asInt() > 0, "the Kaggle insults label INSULT");
        JsonNode ci = out.at("/interval95/mean");
        assertEquals(out.get("meanRocAuc").asDouble(), ci.get("value").asDouble(), 1e-12);
        assertTrue(ci.get("low").asDouble() <= ci.get("value").asDouble() && ci.get("value").asDouble() <= ci.get("high").asDouble(), ci.toString());
        assertEquals(0, Cli.execute(new EvaluateCommand(), "--model", bundle.toString(), "--data", fixtures().toString(),
                "--corpus", "kaggle_insults_impermium", "--split", "all", "--identity-sentences", sentences.toString(),
                "--report", dir.resolve("report").toString(), "--output", json.toString(), "--resamples", "0"));
        assertTrue(new ObjectMapper().readTree(json.toFile()).path("interval95").isMissingNode(), "--resamples 0: no intervals");
    }

    /** The forty-sixth session's reproduction audit: a bundle read through a changed text stage was neither refused nor flagged. */
    @Test
    void aBundleReadThroughAChangedPipelineIsSaidBesideItsFiguresAndRefusedWhenStrict() throws Exception {
        Path bundle = dir.resolve("m.zip");
        TinyBundles.create(org.parley.text.TextPipeline.unspelled()).save(bundle); // trained, as it were, before the speller
        Path json = dir.resolve("eval.json");
        String[] args = {"--model", bundle.toString(), "--data", fixtures().toString(), "--corpus", "kaggle_insults_impermium",
                "--split", "all", "--resamples", "0", "--report", dir.resolve("report").toString(), "--output", json.toString()};
        assertEquals(0, Cli.execute(new EvaluateCommand(), args));
        JsonNode check = new ObjectMapper().readTree(json.toFile()).get("textPipeline");
        assertEquals("DIFFERS", check.get("status").asText(), check.toString());
        assertTrue(check.get("differing").asInt() > 0, check.toString());
        assertTrue(check.get("message").asText().contains("probe texts otherwise than the one it was trained with (commit 0000000)"), check.toString());
        assertTrue(Files.readString(dir.resolve("report/report.html")).contains("otherwise than the one it was trained with"));

        Files.delete(json);
        Printed strict = Printed.err(() -> Cli.execute(new EvaluateCommand(), java.util.stream.Stream.concat(
                java.util.Arrays.stream(args), java.util.stream.Stream.of("--strict-pipeline")).toArray(String[]::new)));
        assertEquals(2, strict.code());
        assertTrue(strict.text().contains("refused (--strict-pipeline): " + bundle + ": this checkout's text pipeline reads"), strict.text());
        assertFalse(Files.exists(json), "refused before any figure is written");
    }

    @Test
    void namedCorporaAreDeduplicatedAsAllOfThemAre() throws Exception {
        // fox "Idiots   everywhere" and trac1 "IDIOTS everywhere" are one text: one row, as in the default run.
        Path bundle = dir.resolve("m.zip");
        TinyBundles.create().save(bundle);
        Path json = dir.resolve("eval.json");
        assertEquals(0, Cli.execute(new EvaluateCommand(), "--model", bundle.toString(), "--data", fixtures().toString(),
                "--corpus", "fox_news_comments,trac1_aggression_en", "--split", "all", "--resamples", "0",
                "--report", dir.resolve("report").toString(), "--output", json.toString()));
        int rows = org.parley.corpus.Corpora.load(fixtures(), "fox_news_comments").size()
                + org.parley.corpus.Corpora.load(fixtures(), "trac1_aggression_en").size() - 1;
        assertEquals(rows, new ObjectMapper().readTree(json.toFile()).get("n").asInt());
    }

    /** A data scientist's audit: a --corpus model met baselines trained on every corpus. */
    @Test
    void baselinesLearnFromTheCorporaAndSampleTheBundleRecords() throws Exception {
        org.parley.model.ModelBundle tiny = TinyBundles.create();
        var provenance = new ObjectMapper().createObjectNode().put("name", "tiny-test").put("seed", 7).put("samplePerCorpus", 30);
        provenance.putObject("corpora").putObject("fox_news_comments").put("train", 27);
        Path bundle = dir.resolve("fox.zip");
        new org.parley.model.ModelBundle(tiny.network(), tiny.features(), tiny.calibration(), provenance).save(bundle);
        Path json = dir.resolve("eval.json");
        assertEquals(0, Cli.execute(new EvaluateCommand(), "--model", bundle.toString(), "--data", fixtures().toString(),
                "--corpus", "fox_news_comments,trac1_aggression_en", "--baselines", "linear", "--resamples", "0",
                "--report", dir.resolve("report").toString(), "--output", json.toString()));
        JsonNode trainedOn = new ObjectMapper().readTree(json.toFile()).get(0).get("baselinesTrainedOn");
        assertEquals("[\"fox_news_comments\"]", trainedOn.get("corpora").toString(), "not every corpus in --data");
        assertEquals(30, trainedOn.get("samplePerCorpus").asInt());
        int rows = trainedOn.get("rows").asInt();
        assertTrue(rows > 0 && rows <= 30, "the training split of at most 30 rows: " + rows);
    }

    /**
     * A data scientist's audit (sixty-third session): the README's scripts/train --corpus, then scripts/evaluate without
     * it, scored the bundle on every corpus's dev split, attributes its corpora do not label included (the baselines' mean
     * NaN, no lead). Without --corpus, a --corpus bundle is evaluated on the corpora it was trained on; with it, on those.
     */
    @Test
    void aCorpusBundleIsEvaluatedOnItsOwnCorporaUnlessToldOtherwise() throws Exception {
        org.parley.model.ModelBundle tiny = TinyBundles.create();
        var provenance = new ObjectMapper().createObjectNode().put("name", "tiny-test");
        provenance.putObject("corpora").putObject("fox_news_comments").put("train", 27);
        Path bundle = dir.resolve("fox.zip");
        new org.parley.model.ModelBundle(tiny.network(), tiny.features(), tiny.calibration(), provenance).save(bundle);
        int fox = org.parley.corpus.Corpora.loadToxicity(fixtures(), java.util.List.of("fox_news_comments")).size();
        int both = org.parley.corpus.Corpora.loadToxicity(fixtures(), java.util.List.of("fox_news_comments", "trac1_aggression_en")).size();
        assertTrue(both > fox, "the fixture's second corpus adds rows");
        for (String[] extra : new String[][] {{}, {"--corpus", "fox_news_comments,trac1_aggression_en"}}) {
            Path json = dir.resolve("eval" + extra.length + ".json");
            java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("--model", bundle.toString(), "--data", fixtures().toString(),
                    "--split", "all", "--resamples", "0", "--report", dir.resolve("report" + extra.length).toString(), "--output", json.toString()));
            args.addAll(java.util.List.of(extra));
            Printed run = Printed.err(() -> Cli.execute(new EvaluateCommand(), args.toArray(String[]::new)));
            assertEquals(0, run.code(), run.text());
            JsonNode out = new ObjectMapper().readTree(json.toFile());
            int n = (out.isArray() ? out.get(0) : out).get("n").asInt();
            if (extra.length == 0) {
                assertEquals(fox, n, "its own corpus's rows alone");
                assertTrue(run.text().contains("evaluating on the corpora the bundle was trained on: fox_news_comments (--corpus to choose others)"), run.text());
            } else {
                assertEquals(both, n, "--corpus as given");
                assertFalse(run.text().contains("the bundle was trained on"), run.text());
            }
        }
        assertNull(EvaluateCommand.trainedCorpora(tiny), "a bundle with no record: every corpus");
    }

    /** scripts/train --dev-part K: evaluation and the baselines' training rows follow the part the bundle records. */
    @Test
    void theDevSplitAndTheBaselinesFollowTheBundlesDevPart() throws Exception {
        org.parley.model.ModelBundle tiny = TinyBundles.create();
        java.util.List<org.parley.corpus.Example> all = org.parley.corpus.Corpora.loadToxicity(fixtures(), java.util.List.of("fox_news_comments"));
        int part = 1; // the fixture is small: the first part after the shipped one that holds rows of it
        while (org.parley.corpus.DevSplit.dev(all, part).isEmpty()) part++;
        java.util.List<org.parley.corpus.Example> dev = org.parley.corpus.DevSplit.dev(all, part);
        assertNotEquals(org.parley.corpus.DevSplit.dev(all), dev, "another part is not the shipped dev split");
        // Its seed is not the default (7) and its --repeat is recorded: the baselines' rows follow both.
        var provenance = new ObjectMapper().createObjectNode().put("name", "tiny-test").put("seed", 11).put("devPart", part);
        provenance.putObject("corpora").putObject("fox_news_comments").put("train", all.size() - dev.size());
        provenance.putObject("repeat").put("fox_news_comments", 2);
        Path bundle = dir.resolve("part.zip");
        new org.parley.model.ModelBundle(tiny.network(), tiny.features(), tiny.calibration(), provenance).save(bundle);
        Path json = dir.resolve("eval.json");
        assertEquals(0, Cli.execute(new EvaluateCommand(), "--model", bundle.toString(), "--data", fixtures().toString(),
                "--corpus", "fox_news_comments", "--baselines", "linear", "--resamples", "0",
                "--report", dir.resolve("report").toString(), "--output", json.toString()));
        JsonNode out = new ObjectMapper().readTree(json.toFile()).get(0);
        assertEquals(dev.size(), out.get("n").asInt());
        assertEquals(part, out.at("/baselinesTrainedOn/devPart").asInt());
        assertEquals(2 * org.parley.corpus.DevSplit.split(all, part).train().size(), out.at("/baselinesTrainedOn/rows").asInt(),
                "each training row twice, as the bundle's run showed them: " + out.get("baselinesTrainedOn"));
        assertEquals(2, out.at("/baselinesTrainedOn/repeat/fox_news_comments").asInt(), out.get("baselinesTrainedOn").toString());
        assertEquals(11, out.at("/baselinesTrainedOn/seed").asInt(), "the bundle's seed, not the default");
        assertFalse(out.get("baselinesTrainedOn").has("rowsDifferFromBundle"), "the repeats are not rows the bundle lacks");
        // Which bundle the figures are of (a data scientist's sixth audit: two runs' reports could not be told apart).
        String sha256 = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(bundle)));
        assertEquals(bundle.toString(), out.at("/bundle/path").asText());
        assertEquals(sha256, out.at("/bundle/sha256").asText(), out.get("bundle").toString());
        assertTrue(Files.readString(dir.resolve("report/report.html")).contains("SHA-256 " + sha256), "the report says it too");

        // Set against a bundle of another part, one of the two would be read on its own training rows.
        Path shipped = dir.resolve("part0.zip");
        tiny.save(shipped);
        assertNotEquals(0, Cli.execute(new EvaluateCommand(), "--model", bundle.toString(), "--compare", shipped.toString(),
                "--data", fixtures().toString(), "--corpus", "fox_news_comments", "--resamples", "0",
                "--report", dir.resolve("report2").toString()));
        // With a --file, on the file alone: the split's table was printed all the same (a data scientist's sixth audit).
        Path decisions = Files.writeString(dir.resolve("decisions.jsonl"), """
                {"id":"c1","source":"moderator-decisions","text":"you are an idiot","labels":{"TOXICITY":1.0}}
                {"id":"c2","source":"moderator-decisions","text":"nice day","labels":{"TOXICITY":0.0}}
                """);
        Path compared = dir.resolve("compared.json");
        String data = fixtures().toString();
        Printed both = Printed.err(() -> Cli.execute(new EvaluateCommand(), "--model", bundle.toString(), "--compare", shipped.toString(),
                "--data", data, "--file", decisions.toString(), "--resamples", "0",
                "--report", dir.resolve("report3").toString(), "--output", compared.toString()));
        assertEquals(0, both.code(), both.text());
        assertTrue(both.text().contains("their dev splits differ, so they are compared on the --file data alone"), both.text());
        JsonNode sets = new ObjectMapper().readTree(compared.toFile());
        assertEquals(1, sets.size(), sets.toString());
        assertEquals(decisions.toString(), sets.get(0).get("data").asText());
        assertEquals(shipped.toString(), sets.get(0).at("/bundles/before/path").asText());
        assertEquals(64, sets.get(0).at("/bundles/after/sha256").asText().length());
        assertTrue(Files.readString(dir.resolve("report3/report.html")).contains("Before: " + shipped + ", version "), "the report says both");

        // Two bundles of one part trained on one corpus: compared on its rows, as each alone is evaluated (every
        // corpus's were read until the seventieth session).
        Path other = dir.resolve("part-other.zip");
        new org.parley.model.ModelBundle(tiny.network(), tiny.features(), tiny.calibration(), provenance).save(other);
        Path sameCorpus = dir.resolve("same-corpus.json");
        Printed corpus = Printed.err(() -> Cli.execute(new EvaluateCommand(), "--model", bundle.toString(), "--compare", other.toString(),
                "--data", data, "--resamples", "0", "--report", dir.resolve("report4").toString(),
                "--output", sameCorpus.toString()));
        assertEquals(0, corpus.code(), corpus.text());
        assertTrue(corpus.text().contains("comparing on the corpora the bundles were trained on: fox_news_comments"), corpus.text());
        assertEquals(dev.size(), new ObjectMapper().readTree(sameCorpus.toFile()).get(0).at("/after/n").asInt());
    }

    /** A data scientist's sixth audit: --split train read as the bundle's training rows, most of which a sample never saw. */
    @Test
    void theTrainingSplitOfASampledBundleSaysMostOfItIsNewToIt() throws Exception {
        org.parley.model.ModelBundle tiny = TinyBundles.create();
        var provenance = tiny.provenance().deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) provenance).put("samplePerCorpus", 5);
        Path bundle = dir.resolve("sampled.zip");
        String data = fixtures().toString();
        new org.parley.model.ModelBundle(tiny.network(), tiny.features(), tiny.calibration(),
                (com.fasterxml.jackson.databind.node.ObjectNode) provenance).save(bundle);
        Printed train = Printed.err(() -> Cli.execute(new EvaluateCommand(), "--model", bundle.toString(), "--data", data,
                "--corpus", "kaggle_insults_impermium", "--split", "train", "--resamples", "0", "--report", dir.resolve("r").toString()));
        assertEquals(0, train.code(), train.text());
        assertTrue(train.text().contains("the bundle learned from a sample of 5 rows a corpus of it, so most of these rows are new to it"),
                train.text());
        Printed dev = Printed.err(() -> Cli.execute(new EvaluateCommand(), "--model", bundle.toString(), "--data", data,
                "--corpus", "kaggle_insults_impermium", "--resamples", "0", "--report", dir.resolve("r2").toString()));
        assertFalse(dev.text().contains("sample of 5"), dev.text());
    }

    @Test
    void comparingABundleWithItselfIsRefused() throws Exception {
        Path bundle = dir.resolve("same.zip");
        TinyBundles.create().save(bundle);
        assertNotEquals(0, Cli.execute(new EvaluateCommand(), "--model", bundle.toString(), "--compare", bundle.toString(),
                "--data", fixtures().toString(), "--corpus", "kaggle_insults_impermium"));
    }

    /** Options that cannot be honoured together are refused before any data is read, not silently dropped. */
    @Test
    void baselinesAreRefusedWhereTheyWouldReadTheirOwnTrainingRowsOrBeDropped() throws Exception {
        Path bundle = dir.resolve("m.zip");
        TinyBundles.create().save(bundle);
        Path missing = dir.resolve("no-data"); // a command that read the corpora first would fail on this instead
        for (String split : new String[] {"train", "all"}) {
            EvaluateCommand c = new EvaluateCommand();
            new picocli.CommandLine(c).parseArgs("--model", bundle.toString(), "--data", missing.toString(), "--baselines", "linear", "--split", split);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, c::call);
            assertTrue(e.getMessage().contains("--split " + split), e.getMessage());
        }
        EvaluateCommand c = new EvaluateCommand();
        new picocli.CommandLine(c).parseArgs("--model", bundle.toString(), "--data", missing.toString(), "--baselines", "linear",
                "--compare", bundle.toString());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, c::call);
        assertTrue(e.getMessage().startsWith("--baselines and --compare do not mix"), e.getMessage());
        // A data scientist's sixth audit: --linear-c unread without the linear baseline, a bad one refused after its
        // training, and a baseline named twice trained twice before the refusal.
        String[][] cases = {
                {"--linear-c is read only with --baselines linear", "--linear-c", "1"},
                {"--linear-c is read only with --baselines linear", "--baselines", "fasttext", "--linear-c", "1"},
                {"--linear-c must be above 0, was -1.0", "--baselines", "linear", "--linear-c", "-1"},
                {"--baselines names one twice: [linear, linear]", "--baselines", "linear,linear"}};
        for (String[] refused : cases) {
            EvaluateCommand command = new EvaluateCommand();
            java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("--model", bundle.toString(), "--data", missing.toString()));
            args.addAll(java.util.Arrays.asList(refused).subList(1, refused.length));
            new picocli.CommandLine(command).parseArgs(args.toArray(String[]::new));
            IllegalArgumentException why = assertThrows(IllegalArgumentException.class, command::call);
            assertTrue(why.getMessage().startsWith(refused[0]), why.getMessage());
        }
    }

    /**
     * A data scientist's third audit: the baselines of a --sample or --corpus bundle learned from training rows that
     * copy a text of the whole dev split, which the bundle's own run leaves out (16 rows of a --sample 500 run), and
     * were then scored on that dev text.
     */
    @Test
    void baselinesOfAPartialBundleLeaveOutCopiesOfTheWholeDevSplitAsItsRunDid() throws Exception {
        Path root = dir.resolve("data");
        DevCopyCorpora.write(root);
        org.parley.model.ModelBundle tiny = TinyBundles.create();
        var provenance = new ObjectMapper().createObjectNode().put("name", "tiny-test").put("seed", 7);
        provenance.putObject("corpora").putObject("kaggle_insults_impermium").put("train", 270);
        Path bundle = dir.resolve("kaggle.zip");
        new org.parley.model.ModelBundle(tiny.network(), tiny.features(), tiny.calibration(), provenance).save(bundle);

        Path json = dir.resolve("eval.json");
        assertEquals(0, Cli.execute(new EvaluateCommand(), "--model", bundle.toString(), "--data", root.toString(),
                "--corpus", "kaggle_insults_impermium", "--baselines", "linear", "--resamples", "0",
                "--report", dir.resolve("report").toString(), "--output", json.toString()));
        assertEquals(DevCopyCorpora.trainSide(root) - 1, new ObjectMapper().readTree(json.toFile()).get(0).at("/baselinesTrainedOn/rows").asInt(),
                "the copy of Jigsaw's dev text is left out, as scripts/train left it out");
    }

    /**
     * A data scientist's third audit: --file with two exports, the second made after a moderator approved on appeal
     * a comment the first has as rejected, scored that comment as both toxic and clean, and a comment escalated since
     * (a withdrawal in the second) as rejected; scripts/train reads such files as the latest decision per comment.
     */
    @Test
    void labelledFilesAreReadAsTrainingReadsThemTheLatestDecisionOnAComment() throws Exception {
        Path bundle = dir.resolve("m.zip");
        TinyBundles.create().save(bundle);
        Path january = Files.writeString(dir.resolve("january.jsonl"), """
                {"id":"s/c1","source":"moderator-decisions","text":"you are an idiot","labels":{"TOXICITY":1.0,"INSULT":1.0},"decidedAt":"2026-01-05T10:00:00Z"}
                {"id":"s/c2","source":"moderator-decisions","text":"what a load of rubbish","labels":{"TOXICITY":1.0},"decidedAt":"2026-01-05T10:01:00Z"}
                {"id":"s/c3","source":"moderator-decisions","text":"an idiot day","labels":{"TOXICITY":1.0},"decidedAt":"2026-01-05T10:02:00Z"}
                {"id":"s/c4","source":"moderator-decisions","text":"nice day","labels":{"TOXICITY":0.0},"decidedAt":"2026-01-05T10:03:00Z"}
                """);
        Path february = Files.writeString(dir.resolve("february.jsonl"), """
                {"id":"s/c1","source":"moderator-decisions","text":"you are an idiot","labels":{"TOXICITY":0.0,"INSULT":0.0},"decidedAt":"2026-02-01T09:00:00Z"}
                {"id":"s/c2","source":"moderator-decisions","withdrawn":"escalate","decidedAt":"2026-02-01T09:05:00Z"}
                {"id":"s/c3","source":"moderator-decisions","text":"an idiot day","labels":{"TOXICITY":1.0},"decidedAt":"2026-01-05T10:02:00Z"}
                """);
        Path json = dir.resolve("eval.json");
        Printed run = Printed.err(() -> Cli.execute(new EvaluateCommand(), "--model", bundle.toString(), "--file", january.toString(),
                "--file", february.toString(), "--resamples", "0", "--report", dir.resolve("report").toString(),
                "--output", json.toString()));
        assertEquals(0, run.code(), run.text());
        // January's c1 and c2 were decided again in February, which holds c3's decision again: both files say what they lost.
        assertTrue(run.text().contains("(" + january + ": 2 lines left out: a later decision on the same comment replaced them"), run.text());
        assertTrue(run.text().contains("(" + february + ": 1 line left out: a later decision"), run.text());
        assertTrue(run.text().contains("(" + february + ": 1 line left out: a withdrawal, which labels nothing)"), run.text());
        JsonNode out = new ObjectMapper().readTree(json.toFile());
        // c1 approved on appeal, c3 once (the same decision in both), c4; c2 escalated since: no label.
        assertEquals(3, out.get("n").asInt(), out.toString());
        assertEquals(1, out.at("/attributes/TOXICITY/positives").asInt(), "c3 alone: c1's rejection was replaced");
        assertEquals(0, out.at("/attributes/INSULT/positives").asInt());

        // --compare reads them alike, a table per file: January's has c3 and c4 only.
        Path json2 = dir.resolve("compare.json");
        Path before = dir.resolve("old.zip");
        TinyBundles.create().save(before);
        assertEquals(0, Cli.execute(new EvaluateCommand(), "--model", bundle.toString(), "--compare", before.toString(),
                "--data", fixtures().toString(), "--corpus", "kaggle_insults_impermium", "--split", "all",
                "--file", january.toString(), "--file", february.toString(), "--resamples", "0",
                "--report", dir.resolve("report2").toString(), "--output", json2.toString()));
        JsonNode cmp = new ObjectMapper().readTree(json2.toFile());
        assertEquals(2, cmp.get(1).at("/after/n").asInt(), cmp.get(1).toString());
        assertEquals(1, cmp.get(2).at("/after/n").asInt(), cmp.get(2).toString());

        // A file whose every line another file holds compares nothing: refused before any scoring, naming it.
        Path copy = Files.writeString(dir.resolve("copy.jsonl"), Files.readAllLines(january).get(3) + "\n"); // c4 as January has it
        String data = fixtures().toString();
        Printed refused = Printed.err(() -> Cli.execute(new EvaluateCommand(), "--model", bundle.toString(), "--compare", before.toString(),
                "--data", data, "--corpus", "kaggle_insults_impermium", "--split", "all",
                "--file", january.toString(), "--file", copy.toString(), "--resamples", "0", "--report", dir.resolve("report3").toString()));
        assertEquals(2, refused.code(), refused.text());
        assertTrue(refused.text().contains("no labelled examples in " + copy), refused.text());
    }

    /** A data scientist's third audit: a stance bundle given to --model or --compare said only the format it lacked. */
    @Test
    void aStanceBundleIsPointedToTaskStance() throws Exception {
        Path stance = org.parley.stance.TinyStance.bundle();
        Path bundle = dir.resolve("m.zip");
        TinyBundles.create().save(bundle);
        Path missing = dir.resolve("no-data"); // refused before the corpora are read
        EvaluateCommand c = new EvaluateCommand();
        new picocli.CommandLine(c).parseArgs("--model", stance.toString(), "--data", missing.toString());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, c::call);
        assertEquals("--model " + stance + " is a stance bundle: evaluate it with scripts/evaluate --task stance", e.getMessage());
        EvaluateCommand d = new EvaluateCommand();
        new picocli.CommandLine(d).parseArgs("--model", bundle.toString(), "--compare", stance.toString(), "--data", missing.toString());
        e = assertThrows(IllegalArgumentException.class, d::call);
        assertTrue(e.getMessage().startsWith("--compare " + stance + " is a stance bundle: evaluate it with scripts/evaluate --task stance"),
                e.getMessage());
    }

    /**
     * A data scientist's third audit: an --identity-sentences line without "text" was scored as an empty sentence and
     * reported as a neutral one (exit 0), and invalid JSON said only "cannot read FILE", after the rows were scored.
     */
    @Test
    void aBadIdentitySentencesLineIsRefusedNamingItBeforeAnyScoring() throws Exception {
        Path bundle = dir.resolve("m.zip");
        TinyBundles.create().save(bundle);
        Path missing = dir.resolve("no-data"); // refused before the corpora are read
        String[][] cases = {{"{\"id\": \"a\", \"txt\": \"I am a gay man.\"}", "line 2: field 'text' must be a non-empty string"},
                {"{\"id\": \"a\", text}", "line 2: invalid JSON"},
                // two lines run together: the second went unread (a data scientist's fourth audit)
                {"{\"id\": \"a\", \"text\": \"I am gay.\"}{\"id\": \"c\", \"text\": \"I am Jewish.\"}", "line 2: invalid JSON"}};
        for (String[] c : cases) {
            Path sentences = Files.writeString(dir.resolve("sentences.jsonl"), "{\"id\": \"b\", \"text\": \"My Muslim neighbours came for dinner.\"}\n" + c[0] + "\n");
            EvaluateCommand e = new EvaluateCommand();
            new picocli.CommandLine(e).parseArgs("--model", bundle.toString(), "--data", missing.toString(),
                    "--identity-sentences", sentences.toString());
            IllegalArgumentException x = assertThrows(IllegalArgumentException.class, e::call);
            assertEquals("--identity-sentences " + sentences + " " + c[1], x.getMessage().replaceFirst(" \\(expected.*", ""));
        }
        // A file asked for that is not there is refused too, not read as "no sentences" (the default file may be absent).
        Path gone = dir.resolve("gone.jsonl");
        EvaluateCommand e = new EvaluateCommand();
        new picocli.CommandLine(e).parseArgs("--model", bundle.toString(), "--data", missing.toString(), "--identity-sentences", gone.toString());
        assertEquals(gone.toString(), assertThrows(java.nio.file.NoSuchFileException.class, e::call).getMessage());
    }

    /**
     * A data scientist's third audit: the baselines of a bundle trained with --include-decisions, identity copies or
     * short texts learned from the corpora's training rows alone. They now learn from the rows the network learned
     * from, made again from the provenance; an included file no longer where the bundle says is named, not skipped
     * silently.
     */
    @Test
    void baselinesLearnTheIncludedDecisionsIdentityCopiesAndShortTextsOrSayWhichFilesTheyLack() throws Exception {
        Path root = org.parley.corpus.Corpora.defaultRoot();
        Path decisions = dir.resolve("decisions.jsonl");
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < 20; i++)
            lines.append("{\"id\":\"r").append(i).append("\",\"source\":\"moderator-decisions\",\"text\":\"you moderated idiot number ")
                    .append(i).append("\",\"labels\":{\"TOXICITY\":1.0,\"INSULT\":1.0}}\n");
        Files.writeString(decisions, lines);
        Path bundle = dir.resolve("with-decisions.zip");
        assertEquals(0, Cli.execute(new TrainCommand(), "--data", root.toString(), "--corpus", "jigsaw_toxic_partial",
                "--sample", "300", "--epochs", "1", "--batch-size", "64", "--embedding", "8", "--hidden", "8",
                "--bigram-buckets", "1024", "--char-buckets", "1024", "--identity-augment", "0", "--identity-swap", "20",
                "--short-texts", "20", "--include-decisions", decisions.toString(), "--output", bundle.toString()));
        JsonNode p = org.parley.model.ModelBundle.load(bundle).provenance();
        int corpusRows = p.at("/corpora/jigsaw_toxic_partial/train").asInt();
        int made = p.at("/corpora/identity_swapped/train").asInt() + p.at("/corpora/short_texts/train").asInt();
        assertEquals(20, p.at("/corpora/moderator-decisions/train").asInt());
        assertTrue(p.at("/corpora/identity_swapped/train").asInt() > 0 && p.at("/corpora/short_texts/train").asInt() > 0,
                "copies and short texts were made: " + p.get("corpora"));

        Path json = dir.resolve("eval.json");
        String[] evaluate = {"--model", bundle.toString(), "--data", root.toString(), "--corpus", "jigsaw_toxic_partial",
                "--baselines", "linear", "--resamples", "0", "--report", dir.resolve("report").toString(), "--output", json.toString()};
        Printed run = Printed.err(() -> Cli.execute(new EvaluateCommand(), evaluate));
        assertEquals(0, run.code(), run.text());
        JsonNode trainedOn = new ObjectMapper().readTree(json.toFile()).get(0).get("baselinesTrainedOn");
        assertEquals(decisions.toString(), trainedOn.at("/includedDecisions/0/file").asText(), trainedOn.toString());
        assertEquals(p.at("/includedDecisions/0/sha256").asText(), trainedOn.at("/includedDecisions/0/sha256").asText());
        assertEquals(corpusRows + 20 + made, trainedOn.get("rows").asInt(), "the network's rows: " + trainedOn);
        assertEquals(p.at("/corpora/identity_swapped/train").asInt(), trainedOn.path("identitySwapped").asInt(), trainedOn.toString());
        assertEquals(p.at("/corpora/short_texts/train").asInt(), trainedOn.path("shortTexts").asInt(), trainedOn.toString());
        assertFalse(trainedOn.has("identityAugmented"), "none asked for, none made: " + trainedOn);
        assertFalse(trainedOn.has("rowsDifferFromBundle"), trainedOn.toString());
        assertFalse(trainedOn.has("includedDecisionsLacking"), trainedOn.toString());
        // The baseline learned from those rows: one fitted on none scores NaN, whose ROC-AUC is no number.
        JsonNode linear = new ObjectMapper().readTree(json.toFile()).get(1);
        assertEquals("linear-ngram", linear.get("model").asText());
        double auc = linear.at("/attributes/TOXICITY/rocAuc").asDouble(Double.NaN);
        assertTrue(auc > 0.6, "the linear baseline learned TOXICITY from the jigsaw rows: " + linear.at("/attributes/TOXICITY"));

        // The file gone: the baselines learn without it, and the output says so, naming it.
        Files.delete(decisions);
        run = Printed.err(() -> Cli.execute(new EvaluateCommand(), evaluate));
        assertEquals(0, run.code(), run.text());
        assertTrue(run.text().contains("the baselines learn without the decisions the bundle was trained with (--include-decisions): "
                + decisions + " (not found)"), run.text());
        trainedOn = new ObjectMapper().readTree(json.toFile()).get(0).get("baselinesTrainedOn");
        assertEquals("[\"" + decisions + " (not found)\"]", trainedOn.get("includedDecisionsLacking").toString());
        assertEquals(corpusRows + made, trainedOn.get("rows").asInt(), trainedOn.toString());
        assertEquals("0/20", trainedOn.at("/rowsDifferFromBundle/moderator-decisions").asText(), trainedOn.toString());
        assertTrue(run.text().contains("warning: the baselines' training rows differ in number from those the bundle records, by source"
                + " (remade/recorded): {\"moderator-decisions\":\"0/20\"}"), run.text());
    }

    /**
     * A data scientist's fifth audit: a file of one class gave a mean ROC-AUC of NaN unexplained, a single line of 0.5
     * counted as a positive (two lines of 1 and 0 are left out), and a --corpus beside --file was dropped unsaid.
     */
    @Test
    void dataOfOneClassIsSaidAndOneHalfIsAnEvenSplit() throws Exception {
        Path bundle = dir.resolve("m.zip");
        TinyBundles.create().save(bundle);
        Path toxic = Files.writeString(dir.resolve("toxic.jsonl"), """
                {"id":"1","text":"you are an idiot","labels":{"TOXICITY":1.0}}
                {"id":"2","text":"what a moron","labels":{"TOXICITY":0.5}}
                {"id":"3","text":"shut up","labels":{"TOXICITY":1.0,"INSULT":0.0}}
                """);
        Printed allToxic = Printed.err(() -> Cli.execute(new EvaluateCommand(), "--model", bundle.toString(), "--file", toxic.toString(),
                "--resamples", "0", "--report", dir.resolve("report").toString()));
        assertEquals(0, allToxic.code(), allToxic.text());
        assertTrue(allToxic.text().contains("has no attribute labelled with both a positive and a negative example, so no ROC-AUC"
                + " can be measured (the mean is NaN; the other figures hold): TOXICITY (2 labelled, all positive); INSULT (1 labelled,"
                + " all negative)"), allToxic.text());

        Path mixed = Files.writeString(dir.resolve("mixed.jsonl"), """
                {"id":"1","text":"you are an idiot","labels":{"TOXICITY":1.0,"THREAT":0.0}}
                {"id":"2","text":"nice day","labels":{"TOXICITY":0.0}}
                """);
        Path json = dir.resolve("eval.json");
        Printed said = Printed.err(() -> Cli.execute(new EvaluateCommand(), "--model", bundle.toString(), "--file", mixed.toString(),
                "--resamples", "0", "--report", dir.resolve("report").toString(), "--output", json.toString()));
        assertEquals(0, said.code(), said.text());
        assertTrue(said.text().contains("no ROC-AUC for an attribute of one class: THREAT (1 labelled, all negative)"), said.text());

        // Bytes that are not UTF-8 (a Windows-1252 export) are read as U+FFFD, and said (the same audit: without a word).
        Path latin1 = dir.resolve("latin1.jsonl");
        Files.write(latin1, ("{\"id\":\"1\",\"text\":\"you are an idiot\",\"labels\":{\"TOXICITY\":1.0}}\n"
                + "{\"id\":\"2\",\"text\":\"caf\u00e9 au lait\",\"labels\":{\"TOXICITY\":0.0}}\n")
                .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        Printed replaced = Printed.err(() -> Cli.execute(new EvaluateCommand(), "--model", bundle.toString(), "--file", latin1.toString(),
                "--resamples", "0", "--report", dir.resolve("report").toString(), "--output", json.toString()));
        assertEquals(0, replaced.code(), replaced.text());
        assertTrue(replaced.text().contains(latin1 + ": bytes that are not UTF-8 from line 2 on were read as U+FFFD"), replaced.text());
        assertFalse(said.text().contains("not UTF-8"), "a file of UTF-8 is not said to be otherwise");

        Printed both = Printed.err(() -> Cli.execute(new EvaluateCommand(), "--model", bundle.toString(), "--file", mixed.toString(),
                "--corpus", "kaggle_insults_impermium", "--resamples", "0", "--report", dir.resolve("report").toString()));
        assertEquals(2, both.code());
        assertTrue(both.text().contains("--file and --corpus do not mix"), both.text());
    }

    /**
     * A data scientist's second audit: --file counted a repeated text once per line, where training merges such lines
     * and the dev split counts each text once; the model gives one text one score, so a copy added weight, not
     * evidence. Two comments with one text are one row, labels averaged; an even split is left out, as training leaves
     * it unlabelled.
     */
    @Test
    void repeatedTextsInALabelledFileAreOneRowAsTrainingMergesThem() throws Exception {
        Path bundle = dir.resolve("m.zip");
        TinyBundles.create().save(bundle);
        Path file = Files.writeString(dir.resolve("decisions.jsonl"), """
                {"id":"s/c1","source":"moderator-decisions","text":"you are an idiot","labels":{"TOXICITY":1.0,"INSULT":1.0},"decidedAt":"2026-01-05T10:00:00Z"}
                {"id":"s/c2","source":"moderator-decisions","text":"You are an  idiot","labels":{"TOXICITY":1.0,"INSULT":1.0},"decidedAt":"2026-01-05T10:01:00Z"}
                {"id":"s/c3","source":"moderator-decisions","text":"what a load of rubbish","labels":{"TOXICITY":1.0},"decidedAt":"2026-01-05T10:02:00Z"}
                {"id":"s/c4","source":"moderator-decisions","text":"What a load of rubbish","labels":{"TOXICITY":0.0},"decidedAt":"2026-01-05T10:03:00Z"}
                {"id":"s/c5","source":"moderator-decisions","text":"nice day","labels":{"TOXICITY":0.0,"INSULT":0.0},"decidedAt":"2026-01-05T10:04:00Z"}
                """);
        Path json = dir.resolve("eval.json");
        Printed run = Printed.err(() -> Cli.execute(new EvaluateCommand(), "--model", bundle.toString(), "--file", file.toString(),
                "--resamples", "0", "--report", dir.resolve("report").toString(), "--output", json.toString()));
        assertEquals(0, run.code(), run.text());
        JsonNode out = new ObjectMapper().readTree(json.toFile());
        assertEquals(2, out.get("n").asInt(), "the insult once, the even split left out, and nice day: " + out);
        assertEquals(1, out.at("/attributes/TOXICITY/positives").asInt());
        assertEquals(1, out.at("/attributes/INSULT/positives").asInt());
        assertTrue(run.text().contains("(" + java.util.List.of(file) + ": 2 lines repeat the text of another: one row per text,"
                + " labels averaged as training merges them; 1 text left out, labelled 0.5 (the mean of its lines, where it repeats)"), run.text());

        // With --compare too, file by file.
        Path before = dir.resolve("old.zip");
        TinyBundles.create().save(before);
        assertEquals(0, Cli.execute(new EvaluateCommand(), "--model", bundle.toString(), "--compare", before.toString(),
                "--data", fixtures().toString(), "--corpus", "kaggle_insults_impermium", "--split", "all", "--file", file.toString(),
                "--resamples", "0", "--report", dir.resolve("report2").toString(), "--output", json.toString()));
        assertEquals(2, new ObjectMapper().readTree(json.toFile()).get(1).at("/after/n").asInt());
    }

    /**
     * The report folder is replaced whole since the forty-ninth session, so a --report folder holding other files (a
     * person's notes: written beside until then) is refused before the bundle is read, and so is an --output inside it;
     * the folder is left as it was. Both evaluate commands share the check.
     */
    @Test
    void aReportFolderHoldingOtherFilesAndAnOutputInsideTheReportAreRefusedBeforeTheWork() throws Exception {
        Path report = Files.createDirectories(dir.resolve("report"));
        Files.writeString(report.resolve("report.html"), "the last report");
        Files.writeString(report.resolve("notes.txt"), "the user's own file");
        Path missing = dir.resolve("no-such.zip"); // a command that read the bundle first would fail on that instead
        for (java.util.concurrent.Callable<Integer> command : java.util.List.<java.util.concurrent.Callable<Integer>>of(
                new EvaluateCommand(), new EvaluateStanceCommand())) {
            new picocli.CommandLine(command).parseArgs("--model", missing.toString(), "--report", report.toString());
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, command::call);
            assertEquals("--report " + report + " holds files that are not a report's (notes.txt): the report replaces its folder"
                    + " whole, so name a new or empty folder, or move them out", e.getMessage());
        }
        assertEquals("the user's own file", Files.readString(report.resolve("notes.txt")));
        assertEquals("the last report", Files.readString(report.resolve("report.html")));

        Files.delete(report.resolve("notes.txt"));
        Path inside = report.resolve("eval.json");
        EvaluateCommand command = new EvaluateCommand();
        new picocli.CommandLine(command).parseArgs("--model", missing.toString(), "--report", report.toString(), "--output", inside.toString());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, command::call);
        assertEquals("--output " + inside + " is inside --report " + report + ", a folder replaced whole by each run: write it outside"
                + " the report folder", e.getMessage());
    }

    /**
     * A plain run with the shipped bundle: the policy's figures come from the whole policy, its language rule (the German
     * comment held) and its sentence rule (the comment held for its last sentence alone) with them, the English comment
     * published; the metrics JSON on stdout and the tables on stderr.
     */
    @Test
    void aPlainRunReportsThePolicyWithItsLanguageAndSentenceRulesAndPrintsItsTables() throws Exception {
        Path file = Files.writeString(dir.resolve("policy.jsonl"), """
                {"id":"en","source":"moderator-decisions","text":"Thanks for the article, it was a helpful summary of the budget.","labels":{"TOXICITY":0.0}}
                {"id":"de","source":"moderator-decisions","text":"Vielen Dank für den Artikel, er war eine hilfreiche Zusammenfassung des Haushalts.","labels":{"TOXICITY":0.0}}
                {"id":"s1","source":"moderator-decisions","text":"I read the whole report this morning and it makes some fair points about the budget and the schools. What the fuck.","labels":{"TOXICITY":1.0}}
                """);
        Path report = dir.resolve("report");
        Printed.Both run = Printed.both(() -> Cli.execute(new EvaluateCommand(), "--model",
                org.parley.model.Bundles.shipped().toString(), "--file", file.toString(), "--resamples", "20", "--report", report.toString()));
        assertEquals(0, run.code(), run.err());
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertEquals(2, json.at("/policy/notToxic/n").asInt(), json.get("policy").toString());
        assertEquals(1, json.at("/policy/notToxic/held").asInt(), "the German comment alone: " + json.get("policy"));
        assertEquals(1, json.at("/policy/positives/0/n").asInt(), json.get("policy").toString());
        assertEquals(1, json.at("/policy/positives/0/held").asInt(), "held by its sentence alone: " + json.get("policy"));
        assertEquals(2, json.at("/policy/all/held").asInt(), json.get("policy").toString());
        assertEquals(20, json.at("/interval95/resamples").asInt(), json.toString());

        String tables = run.err(), data = "[" + file + "]";
        assertTrue(tables.contains("report: " + report.resolve("report.html").toAbsolutePath()), tables);
        assertTrue(tables.contains("ROC-AUC of parley-toxicity, with the 95% interval of 20 bootstrap draws of the rows:"), tables);
        assertTrue(tables.contains("Identity terms on " + data + ", TOXICITY"), tables);
        assertTrue(tables.contains("Standard policy on " + data + ": rows not published"), tables);
        assertTrue(tables.lines().anyMatch(l -> l.matches("TOXICITY negative\\s+2\\s+1\\s+0\\.500")), tables);
    }
}

