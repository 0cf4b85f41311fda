package org.parley.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.label.ReplyStance;
import org.parley.label.Stance;
import org.parley.corpus.StanceExample;
import org.parley.stance.StanceData;

class EvaluateStanceCommandTest {
    @TempDir Path dir;

    @Test
    void aLabelledFileHoldsTargetAndReplyLines() throws Exception {
        Path f = Files.writeString(dir.resolve("l.jsonl"), """
                {"text": "we can't bomb people", "target": "military action against Syria", "label": "against"}

                {"text": "source?", "parent": "Bomb in Paris", "label": "QUERY"}
                """);
        StanceData d = EvaluateStanceCommand.fromFile(f);
        assertEquals(Stance.AGAINST, d.dev().get(0).label());
        assertEquals("military action against Syria", d.dev().get(0).target());
        assertEquals(ReplyStance.QUERY, d.replyDev().get(0).label());
        assertEquals(0, d.train().size());
    }

    /** A data scientist's sixth audit: a line pasted twice was counted twice without a word. */
    @Test
    void aRepeatedLineIsCountedOnceAndADisagreeingOneKeptAndSaid() throws Exception {
        Path f = Files.writeString(dir.resolve("repeats.jsonl"), """
                {"text": "no more wars", "target": "military action", "label": "AGAINST"}
                {"text": "no more wars", "target": "military action", "label": "against"}
                {"text": "no more wars", "target": "sanctions", "label": "AGAINST"}
                {"text": "no more wars", "target": "military action", "label": "NONE"}
                {"text": "source?", "parent": "Bomb in Paris", "label": "QUERY"}
                {"text": "source?", "parent": "Bomb in Paris", "label": "QUERY"}
                """);
        StanceData[] d = new StanceData[1];
        String said = stderr(() -> d[0] = EvaluateStanceCommand.fromFile(f));
        assertEquals(List.of("1", "3", "4"), d[0].dev().stream().map(StanceExample::id).toList());
        assertEquals(1, d[0].replyDev().size());
        assertTrue(said.contains("2 lines repeat an earlier line's text, target or parent, and label: counted once"), said);
        assertTrue(said.contains("1 line gives an earlier line's text and target or parent another label: each is counted"), said);
    }

    @Test
    void aByteOrderMarkIsNotPartOfTheFirstLine() throws Exception {
        Path f = Files.writeString(dir.resolve("bom.jsonl"),
                "\uFEFF{\"text\": \"no more wars\", \"target\": \"military action\", \"label\": \"AGAINST\"}\n");
        assertEquals(Stance.AGAINST, EvaluateStanceCommand.fromFile(f).dev().get(0).label());
    }

    @Test
    void invalidUtf8StopsTheReadNamingTheFile() throws Exception {
        String good = "{\"text\": \"tea\", \"target\": \"x\", \"label\": \"FAVOR\"}\n";
        Path f = Files.write(dir.resolve("latin1.jsonl"),
                (good + good + "{\"text\": \"caf\u00e9\", \"target\": \"x\", \"label\": \"FAVOR\"}\n" + good).getBytes(StandardCharsets.ISO_8859_1));
        IOException e = assertThrows(IOException.class, () -> EvaluateStanceCommand.fromFile(f));
        assertEquals(f + " is not UTF-8 text: line 3 has bytes that are not UTF-8", e.getMessage());
    }

    @Test
    void badLinesNameFileLineAndProblem() throws Exception {
        Path f = Files.writeString(dir.resolve("bad.jsonl"), """
                {"text": "x", "target": "y", "label": "MAYBE"}
                """);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> EvaluateStanceCommand.fromFile(f));
        assertEquals(f + " line 1: unknown label 'MAYBE'; a line with 'target' takes FAVOR, AGAINST, NONE", e.getMessage());
        Path g = Files.writeString(dir.resolve("bad2.jsonl"), "{\"text\": \"x\", \"label\": \"FAVOR\"}\n");
        assertEquals(g + " line 1: needs 'target' (target stance) or 'parent' (reply stance)",
                assertThrows(IllegalArgumentException.class, () -> EvaluateStanceCommand.fromFile(g)).getMessage());
    }

    @Test
    void blankOrListTargetsBlankParentsEmptyFilesAndNonJsonAreRefusedNotScored() throws Exception {
        String[][] cases = {
                {"{\"text\": \"x\", \"target\": \"  \", \"label\": \"FAVOR\"}", " line 1: ", "target"},
                {"{\"text\": \"x\", \"target\": [\"Syria\", \"US\"], \"label\": \"FAVOR\"}", " line 1: field 'target' must be one string", ""},
                {"{\"text\": \"x\", \"parent\": \" \", \"label\": \"SUPPORT\"}", " line 1: ", "parent"},
                {"id,text,label", " line 1: invalid JSON", ""},
                // two lines run together: the second was dropped unread (a data scientist's fourth audit)
                {"{\"text\": \"x\", \"target\": \"Syria\", \"label\": \"FAVOR\"}{\"text\": \"y\", \"target\": \"Syria\", \"label\": \"NONE\"}",
                        " line 1: invalid JSON: more follows the JSON value at column", ""},
                {"", ": no labelled examples to evaluate", ""}};
        for (String[] c : cases) {
            Path f = Files.writeString(dir.resolve("case.jsonl"), c[0] + "\n");
            String message = assertThrows(IllegalArgumentException.class, () -> EvaluateStanceCommand.fromFile(f)).getMessage();
            assertTrue(message.startsWith(f + c[1]) && message.contains(c[2]), c[0] + " -> " + message);
        }
    }

    /** A stance data scientist's audit: "unknown label ''" for a line without one, and no word of what a line takes. */
    @Test
    void aMissingLabelOrOneOfTheOtherKindIsRefusedNamingWhatTheLineTakes() throws Exception {
        String[][] cases = {
                {"{\"text\": \"x\", \"target\": \"y\"}", "field 'label' is missing; a line with 'target' takes FAVOR, AGAINST, NONE"},
                {"{\"text\": \"x\", \"parent\": \"y\", \"label\": null}", "field 'label' is missing; a line with 'parent' takes SUPPORT, DENY, QUERY, COMMENT"},
                {"{\"text\": \"x\", \"parent\": \"y\", \"label\": \"AGAINST\"}", "unknown label 'AGAINST'; a line with 'parent' takes SUPPORT, DENY, QUERY, COMMENT"},
                {"{\"text\": \"x\", \"target\": \"y\", \"label\": \"QUERY\"}", "unknown label 'QUERY'; a line with 'target' takes FAVOR, AGAINST, NONE"}};
        for (String[] c : cases) {
            Path f = Files.writeString(dir.resolve("label.jsonl"), c[0] + "\n");
            assertEquals(f + " line 1: " + c[1], assertThrows(IllegalArgumentException.class, () -> EvaluateStanceCommand.fromFile(f)).getMessage());
        }
    }

    /** The same audit: a comment of a zero-width space was scored here, where scripts/score and the service refuse it. */
    @Test
    void aTextWithNothingVisibleIsRefusedAsTheScorerRefusesIt() throws Exception {
        Path f = Files.writeString(dir.resolve("zw.jsonl"), "{\"text\": \"\u200B\", \"target\": \"y\", \"label\": \"FAVOR\"}\n");
        assertEquals(f + " line 1: field 'text' is missing or empty",
                assertThrows(IllegalArgumentException.class, () -> EvaluateStanceCommand.fromFile(f)).getMessage());
    }

    /** The same audit: each bad file took 5-20 s to be refused, the bundle and its sentence encoder loading first. */
    @Test
    void aBadFileIsRefusedBeforeTheBundleIsLoaded() throws Exception {
        Path f = Files.writeString(dir.resolve("bad.jsonl"), "{\"text\": \"x\", \"target\": \"y\", \"label\": \"PRO\"}\n");
        EvaluateStanceCommand c = new EvaluateStanceCommand();
        new picocli.CommandLine(c).parseArgs("--model", dir.resolve("missing.zip").toString(), "--file", f.toString());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, c::call);
        assertTrue(e.getMessage().startsWith(f + " line 1: unknown label 'PRO'"), e.getMessage());
    }

    /**
     * The same audit: against a --sample bundle the baselines learned from the whole training split
     * (~40,000 pairs against the model's ~3,500), as toxicity's did until the eighteenth session.
     */
    @Test
    void baselinesLearnFromTheSampleTheBundleRecords() throws Exception {
        com.fasterxml.jackson.databind.JsonNode json = baselinesOfSampledBundle(p -> { });
        assertEquals(2, json.at("/baselinesTrainedOn/samplePerCorpus").asInt());
        assertEquals(sampled.train().size(), json.at("/baselinesTrainedOn/targetRows").asInt());
        assertEquals(sampled.replyTrain().size(), json.at("/baselinesTrainedOn/replyRows").asInt());
        // The bundle against each baseline, paired, and each of its target model's parts alone (the network and the wide part).
        assertTrue(json.at("/versusBaselines/majority").isObject() && json.at("/versusBaselines/bagOfWords").isObject(), json.toString());
        assertTrue(json.at("/parley:networkOnly/targetStanceDev").isObject(), json.toString());
        assertTrue(json.at("/parley:wideOnly/targetStanceDev").isObject(), json.toString());
        assertTrue(json.at("/parley:sentenceOnly").isMissingNode(), "the tiny bundle has no sentence part: " + json);
    }

    /**
     * Left open by the same audit: a --target-from bundle's target model learned from the kept model's run (its
     * sample and seed, recorded under targetModel), yet the target baselines learned from this run's sample.
     */
    @Test
    void baselinesOfAKeptTargetModelLearnFromThatModelsRows() throws Exception {
        // kept from a full run: every training row
        com.fasterxml.jackson.databind.JsonNode json = baselinesOfSampledBundle(p -> p.putObject("targetModel").put("seed", 7));
        assertEquals(everyRow.train().size(), json.at("/baselinesTrainedOn/targetRows").asInt());
        assertEquals(sampled.replyTrain().size(), json.at("/baselinesTrainedOn/replyRows").asInt());
        assertTrue(json.at("/baselinesTrainedOn/targetModel/samplePerCorpus").isMissingNode(), json.toString());
        assertEquals(2, json.at("/baselinesTrainedOn/samplePerCorpus").asInt());
    }

    private StanceData sampled, everyRow;

    /**
     * evaluate --baselines on a tiny bundle whose provenance says it was trained on a sample of 2 rows per corpus
     * (seed 7) of the test corpora, then changed by {@code provenance}; {@link #sampled} and {@link #everyRow} hold
     * that sample's rows and all rows.
     */
    private com.fasterxml.jackson.databind.JsonNode baselinesOfSampledBundle(
            java.util.function.Consumer<com.fasterxml.jackson.databind.node.ObjectNode> provenance) throws Exception {
        org.parley.stance.StanceModel tiny = org.parley.stance.StanceBundle.load(
                org.parley.stance.TinyStance.bundle(), org.parley.text.TextPipeline.standard());
        com.fasterxml.jackson.databind.node.ObjectNode p = (com.fasterxml.jackson.databind.node.ObjectNode) tiny.provenance();
        p.put("samplePerCorpus", 2).put("seed", 7).putArray("heldOutTargets").add("Hillary Clinton");
        provenance.accept(p);
        Path bundle = dir.resolve("sampled.zip");
        org.parley.stance.StanceBundle.save(tiny, bundle);
        Path labels = Files.writeString(dir.resolve("l.jsonl"), """
                {"text": "i love plums", "target": "plums", "label": "FAVOR"}
                {"text": "is that true ?", "parent": "bomb in paris", "label": "QUERY"}
                """);
        Path data = Path.of(getClass().getResource("/corpus").toURI());
        sampled = StanceData.load(data, java.util.List.of("Hillary Clinton"), 2, 7);
        everyRow = StanceData.load(data, java.util.List.of("Hillary Clinton"), null, 7);
        assertTrue(sampled.train().size() < everyRow.train().size(), "the fixture has more rows than the sample");
        return run("--model", bundle.toString(), "--data", data.toString(), "--file", labels.toString(), "--baselines");
    }

    /** The same audit: toxicity's evaluate has a paired --compare OLD; stance had none. */
    @Test
    void compareScoresTheOldBundleOnTheSameRowsWithPairedDifferences() throws Exception {
        Path bundle = org.parley.stance.TinyStance.bundle();
        Path labels = Files.writeString(dir.resolve("l.jsonl"), """
                {"text": "i love plums", "target": "plums", "label": "FAVOR"}
                {"text": "i hate grapes", "target": "grapes", "label": "AGAINST"}
                {"text": "is that true ?", "parent": "bomb in paris", "label": "QUERY"}
                """);
        com.fasterxml.jackson.databind.JsonNode json = run("--model", bundle.toString(), "--compare", bundle.toString(),
                "--file", labels.toString());
        assertEquals(json.get("parley"), json.get("compare"));
        assertEquals(json.get("model").asText(), json.get("compared").asText());
        assertEquals("UNRECORDED", json.at("/textPipeline/status").asText(), "a bundle without a fingerprint is said to be one");
        assertEquals(json.get("textPipeline"), json.get("comparedTextPipeline"));
        assertEquals(2, json.at("/change/targetStanceDev/n").asInt());
        assertEquals(0.0, json.at("/change/targetStanceDev/fAvg/value").asDouble());
        assertEquals(0.0, json.at("/change/replyStanceDev/accuracy/value").asDouble());
        assertEquals(2, Cli.execute(new EvaluateStanceCommand(), "--baselines-only", "--compare", bundle.toString()));
    }

    /**
     * The same audit: --hold-out (read only with --baselines-only) and --linear-c (read only with
     * baselines) were ignored without a word otherwise; they are refused in one line, status 2.
     */
    @Test
    void holdOutAndLinearCWithNothingToReadThemAreRefused() throws Exception {
        Path bundle = org.parley.stance.TinyStance.bundle();
        Path labels = Files.writeString(dir.resolve("l.jsonl"), "{\"text\": \"i love plums\", \"target\": \"plums\", \"label\": \"FAVOR\"}\n");
        String[][] refused = {
                {"--hold-out", "Atheism", "--hold-out is read only with --baselines-only"},
                {"--hold-out", "Atheism", "--baselines", "--hold-out is read only with --baselines-only"},
                {"--linear-c", "2", "--linear-c is read only with --baselines or --baselines-only"}};
        for (String[] c : refused) {
            java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("--model", bundle.toString(), "--file", labels.toString()));
            args.addAll(java.util.List.of(c).subList(0, c.length - 1));
            String err = stderr(() -> assertEquals(2, Cli.execute(new EvaluateStanceCommand(), args.toArray(String[]::new))));
            assertTrue(err.startsWith("evaluate --task stance: " + c[c.length - 1]) && err.strip().lines().count() == 1, err);
        }
        // Where they are read, they are taken.
        Path data = Path.of(getClass().getResource("/corpus").toURI());
        String[] figures = new String[1];
        String err = stderr(() -> figures[0] = stdout("--model", bundle.toString(), "--data", data.toString(), "--file", labels.toString(),
                "--baselines", "--linear-c", "2"));
        com.fasterxml.jackson.databind.JsonNode out = new com.fasterxml.jackson.databind.ObjectMapper().readTree(figures[0]);
        assertTrue(out.has("bagOfWords"));
        // Each model's headline on stderr, as the toxicity evaluation prints its means (a data scientist's sixth audit).
        for (String model : java.util.List.of("parley", "majority", "bagOfWords"))
            assertTrue(err.contains(String.format(java.util.Locale.ROOT, "%-16s F_avg %.2f", model, out.at("/" + model + "/targetStanceDev/fAvg").asDouble())),
                    model + "\n" + err);
    }

    /** The same audit: the help named the network and wide part as reported alone, not the sentence part. */
    @Test
    void theHelpNamesEachPartReportedAlone() {
        String help = new picocli.CommandLine(new EvaluateStanceCommand()).getUsageMessage();
        for (String part : java.util.List.of("parley:networkOnly", "parley:wideOnly", "parley:sentenceOnly", "baselinesTrainedOn", "--compare"))
            assertTrue(help.contains(part), part);
    }

    /** The twenty-sixth session's audit: toxicity's evaluate had --output FILE, stance printed on stdout only. */
    @Test
    void outputWritesTheJsonToTheFileAndNothingToStdout() throws Exception {
        Path labels = Files.writeString(dir.resolve("l.jsonl"), """
                {"text": "i love plums", "target": "plums", "label": "FAVOR"}
                {"text": "is that true ?", "parent": "bomb in paris", "label": "QUERY"}
                """);
        Path json = dir.resolve("stance.json");
        String model = org.parley.stance.TinyStance.bundle().toString();
        assertEquals("", stdout("--model", model, "--file", labels.toString(), "--output", json.toString()));
        com.fasterxml.jackson.databind.JsonNode written = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json.toFile());
        assertEquals(run("--model", model, "--file", labels.toString()), written);
        assertEquals(1, written.at("/parley/targetStanceDev/n").asInt());
        assertEquals(1, written.at("/parley/replyStanceDev/n").asInt());
    }

    /**
     * A data scientist's third audit: a bundle trained before training targets were recorded (the shipped one, this
     * tiny one) is said not to record them, in the JSON, on stderr and in the report, not guessed at.
     */
    @Test
    void aBundleThatDoesNotRecordItsTrainingTargetsIsSaidToNotRecordThem() throws Exception {
        Path labels = Files.writeString(dir.resolve("l.jsonl"), """
                {"text": "i love plums", "target": "plums", "label": "FAVOR"}
                {"text": "i hate grapes", "target": "grapes", "label": "AGAINST"}
                """);
        Path report = dir.resolve("r");
        String model = org.parley.stance.TinyStance.bundle().toString();
        String err = stderr(() -> assertEquals("{\"recorded\":false,\"note\":\"" + org.parley.stance.StanceEvaluator.NOT_RECORDED + "\"}",
                run("--model", model, "--file", labels.toString(), "--report", report.toString(), "--resamples", "0")
                        .get("targetsInTraining").toString()));
        assertTrue(err.contains("targets in training: this bundle does not record its training targets"), err);
        assertTrue(Files.readString(report.resolve("report.html")).contains("<h2>Targets in training</h2>\n<p>this bundle does not record its training targets"));
        // On the dev split the held-out targets are apart already: nothing to say.
        assertFalse(run("--baselines-only", "--data", Path.of(getClass().getResource("/corpus").toURI()).toString(), "--resamples", "0")
                .has("targetsInTraining"));
    }

    /** The same audit: toxicity's evaluate writes an HTML report a person can look at; stance wrote none. */
    @Test
    void reportWritesThePageAndTheJsonItShows() throws Exception {
        Path labels = Files.writeString(dir.resolve("l.jsonl"), """
                {"text": "i love plums", "target": "plums", "label": "FAVOR"}
                {"text": "i hate grapes", "target": "<b>grapes</b>", "label": "AGAINST"}
                {"text": "is that true ?", "parent": "bomb in paris", "label": "QUERY"}
                """);
        Path report = dir.resolve("stance report");
        com.fasterxml.jackson.databind.JsonNode json = run("--model", org.parley.stance.TinyStance.bundle().toString(),
                "--file", labels.toString(), "--report", report.toString());
        assertEquals(json, new com.fasterxml.jackson.databind.ObjectMapper().readTree(report.resolve("metrics.json").toFile()));
        String html = Files.readString(report.resolve("report.html"));
        assertTrue(html.contains("<h3>Target stance on " + labels + "</h3>"), html);
        assertTrue(html.contains("<h3>Reply stance on " + labels + "</h3>"), html);
        assertTrue(html.contains("<caption>target file: &lt;b&gt;grapes&lt;/b&gt;</caption>"), html);
        assertTrue(html.contains("<th>COMMENT</th>"), "the reply matrix");
    }

    /**
     * The twenty-sixth session's audit: the intervals always took 1,000 draws, where toxicity's
     * --resamples sets them. Each figure, per corpus and target too, has its interval of N draws, the
     * same on a second run; --resamples 0 gives none, not of a model's figures nor of --compare's
     * differences, and the same figures.
     */
    @Test
    void resamplesSetsTheDrawsOfEachIntervalAndZeroGivesNone() throws Exception {
        Path labels = Files.writeString(dir.resolve("l.jsonl"), """
                {"text": "i love plums", "target": "plums", "label": "FAVOR"}
                {"text": "i hate grapes", "target": "grapes", "label": "AGAINST"}
                {"text": "plums again", "target": "plums", "label": "NONE"}
                {"text": "is that true ?", "parent": "bomb in paris", "label": "QUERY"}
                """);
        String model = org.parley.stance.TinyStance.bundle().toString();
        com.fasterxml.jackson.databind.JsonNode drawn = run("--model", model, "--file", labels.toString(), "--compare", model,
                "--resamples", "200");
        assertEquals(200, drawn.get("resamples").asInt());
        com.fasterxml.jackson.databind.JsonNode plums = drawn.at("/parley/targetStanceDev/perTarget/file: plums");
        for (String figure : java.util.List.of("fAvg", "macroF1")) {
            double v = plums.get(figure).asDouble();
            assertTrue(plums.at("/interval95/" + figure + "/0").asDouble() <= v && v <= plums.at("/interval95/" + figure + "/1").asDouble(), plums.toString());
        }
        assertTrue(drawn.at("/change/targetStanceDev/fAvg/interval95").isArray());
        assertEquals(drawn, run("--model", model, "--file", labels.toString(), "--compare", model, "--resamples", "200"));

        String none = stdout("--model", model, "--file", labels.toString(), "--compare", model, "--resamples", "0");
        assertFalse(none.contains("interval95"), none);
        com.fasterxml.jackson.databind.JsonNode json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(none);
        assertEquals(0, json.get("resamples").asInt());
        assertEquals(plums.get("fAvg"), json.at("/parley/targetStanceDev/perTarget/file: plums/fAvg"));
        assertEquals(drawn.at("/change/targetStanceDev/fAvg/value"), json.at("/change/targetStanceDev/fAvg/value"));
    }

    /** A negative or non-number --resamples is refused naming the option, status 2, before the bundle is read. */
    @Test
    void aBadResamplesIsRefusedNamingTheOption() throws Exception {
        String missing = dir.resolve("missing.zip").toString();
        String err = stderr(() -> assertEquals(2, Cli.execute(new EvaluateStanceCommand(), "--model", missing, "--resamples", "-1")));
        assertEquals("evaluate --task stance: --resamples must be 0 (no intervals) or more, was -1", err.strip());
        err = stderr(() -> assertEquals(2, Cli.execute(new EvaluateStanceCommand(), "--model", missing, "--resamples", "many")));
        assertTrue(err.startsWith("Invalid value for option '--resamples': 'many' is not an int"), err);
    }

    /** What a run of {@code body} writes on stderr. */
    private static String stderr(org.junit.jupiter.api.function.Executable body) throws Exception {
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        java.io.PrintStream was = System.err;
        System.setErr(new java.io.PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            body.execute();
        } catch (Throwable t) {
            throw new AssertionError(t);
        } finally {
            System.setErr(was);
        }
        return err.toString(StandardCharsets.UTF_8);
    }

    /** The command's JSON on stdout. */
    private com.fasterxml.jackson.databind.JsonNode run(String... args) throws IOException {
        return new com.fasterxml.jackson.databind.ObjectMapper().readTree(stdout(args));
    }

    /** What a successful run of the command writes on stdout; its report goes to the test's folder unless one is named. */
    private String stdout(String... args) {
        java.util.List<String> all = new java.util.ArrayList<>(java.util.List.of(args));
        if (!all.contains("--report")) all.addAll(java.util.List.of("--report", dir.resolve("report").toString()));
        Printed run = Printed.out(() -> Cli.execute(new EvaluateStanceCommand(), all.toArray(String[]::new)));
        assertEquals(0, run.code());
        return run.text();
    }
}
