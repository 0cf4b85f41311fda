package org.parley.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.label.Attribute;
import org.parley.model.TinyBundles;
import picocli.CommandLine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class ScoreCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir static Path dir;
    static Path bundle;

    @BeforeAll
    static void bundle() throws IOException {
        bundle = dir.resolve("tiny.zip");
        TinyBundles.create().save(bundle);
    }

    private List<JsonNode> run(String input) throws IOException {
        Path in = Files.writeString(dir.resolve("in.jsonl"), input);
        Path out = dir.resolve("out.jsonl");
        int code = new CommandLine(new ScoreCommand()).execute("--model", bundle.toString(), "--output", out.toString(), in.toString());
        assertEquals(0, code);
        return Files.readAllLines(out).stream().map(l -> {
            try {
                return JSON.readTree(l);
            } catch (IOException e) {
                throw new AssertionError("output line is not JSON: " + l, e);
            }
        }).toList();
    }

    /** A bundle trained, as it were, before the speller: warned of on stderr and scored; refused with --strict-pipeline. */
    @Test
    void aBundleReadThroughAChangedPipelineIsWarnedOfAndRefusedWhenStrict() throws IOException {
        Path old = dir.resolve("unspelled.zip");
        TinyBundles.create(org.parley.text.TextPipeline.unspelled()).save(old);
        Path in = Files.writeString(dir.resolve("one.jsonl"), "{\"id\": \"a\", \"text\": \"you btich\"}\n");
        Path out = dir.resolve("one-out.jsonl");
        Printed warned = Printed.err(() -> Cli.execute(new ScoreCommand(), "--model", old.toString(), "--output", out.toString(), in.toString()));
        assertEquals(0, warned.code(), warned.text());
        assertTrue(warned.text().contains("warning: " + old + ": this checkout's text pipeline reads"), warned.text());
        assertEquals(1, Files.readAllLines(out).size());

        Files.delete(out);
        Printed strict = Printed.err(() -> Cli.execute(new ScoreCommand(), "--strict-pipeline", "--model", old.toString(),
                "--output", out.toString(), in.toString()));
        assertEquals(2, strict.code());
        assertTrue(strict.text().contains("model bundle " + old + ": refused (--strict-pipeline)"), strict.text());
        assertTrue(!Files.exists(out) || Files.readString(out).isEmpty(), "nothing scored");
        Printed plain = Printed.err(() -> Cli.execute(new ScoreCommand(), "--model", bundle.toString(), "--output", out.toString(), in.toString()));
        assertTrue(plain.text().contains("warning: " + bundle + " predates the pipeline check"), plain.text());
    }

    /**
     * --policy, with the shipped bundle: the service's default policy beside the scores, sentences read alone. The
     * padded insult is the robustness suite's t00-long-civil: TOXICITY 0.17 as a whole, its middle sentence 0.87 alone.
     */
    @Test
    void thePolicyOptionAddsTheDefaultPolicysActionAndRules() throws IOException {
        String padded = "I read the whole piece twice and I think the council's plan for the bus routes has some merit, even if "
                + "the timetable still needs work and the consultation was rushed. You are an idiot. Anyway, I hope the paper "
                + "follows up on the budget figures next month, because residents deserve a clear answer about what the new routes will cost.";
        String input = JSON.writeValueAsString(JSON.createObjectNode().put("id", "padded").put("text", padded)) + "\n"
                + "{\"id\": \"civil\", \"text\": \"Thanks for the article. See you at the meeting.\"}\n";
        Path in = Files.writeString(dir.resolve("policy.jsonl"), input);
        Path out = dir.resolve("policy-out.jsonl"), plain = dir.resolve("plain-out.jsonl");
        assertEquals(0, new CommandLine(new ScoreCommand()).execute("--policy", "--output", out.toString(), in.toString()));
        assertEquals(0, new CommandLine(new ScoreCommand()).execute("--output", plain.toString(), in.toString()));
        List<String> lines = Files.readAllLines(out), plainLines = Files.readAllLines(plain);

        JsonNode held = JSON.readTree(lines.get(0)), civil = JSON.readTree(lines.get(1));
        assertEquals("REVIEW", held.get("action").asText());
        assertTrue(held.get("rules").toString().contains("\"sentence [" + padded.indexOf("You") + ", " + (padded.indexOf("idiot.") + 6) + ") TOXICITY"), held.toString());
        assertTrue(held.get("attributes").get("TOXICITY").asDouble() < 0.2, "the comment's own score publishes: " + held);
        assertEquals("PUBLISH", civil.get("action").asText());
        assertEquals("[\"TOXICITY in [0.00, 0.20) -> PUBLISH\"]", civil.get("rules").toString());
        for (int i = 0; i < 2; i++) {
            JsonNode p = JSON.readTree(plainLines.get(i));
            assertFalse(p.has("action") || p.has("rules"), "only with --policy");
            assertEquals(p.get("attributes"), JSON.readTree(lines.get(i)).get("attributes"), "the same scores");
        }
    }

    /**
     * An insult run on inside one long sentence (the robustness suite's t06-long-sentence-commas) is no sentence of its
     * own: the comment, that one sentence, scored TOXICITY 0.42 and was published; read in windows, one of them holds it.
     */
    @Test
    void anInsultRunOnInsideALongSentenceIsHeldByAWindowOfIt() throws IOException {
        String runOn = "I read the whole piece twice and I think the council's plan for the bus routes has some merit, even if the "
                + "timetable still needs work and the consultation was rushed, get lost, you bitch, and anyway I hope the paper "
                + "follows up on the budget figures next month, because residents deserve a clear answer about what the new routes will cost.";
        String civil = runOn.replace("get lost, you bitch, ", "");
        String input = JSON.writeValueAsString(JSON.createObjectNode().put("id", "run-on").put("text", runOn)) + "\n"
                + JSON.writeValueAsString(JSON.createObjectNode().put("id", "civil").put("text", civil)) + "\n";
        Path in = Files.writeString(dir.resolve("run-on.jsonl"), input), out = dir.resolve("run-on-out.jsonl");
        assertEquals(0, new CommandLine(new ScoreCommand()).execute("--policy", "--output", out.toString(), in.toString()));
        List<String> lines = Files.readAllLines(out);

        JsonNode held = JSON.readTree(lines.get(0));
        assertEquals("REVIEW", held.get("action").asText(), held.toString());
        String rule = held.get("rules").get(held.get("rules").size() - 1).asText();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("sentence \\[(\\d+), (\\d+)\\) TOXICITY").matcher(rule);
        assertTrue(m.find(), rule);
        String window = runOn.substring(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
        assertTrue(window.contains("get lost, you bitch") && window.length() < runOn.length() / 2, window);
        assertTrue(held.get("attributes").get("TOXICITY").asDouble() < 0.5, "the comment's own score does not hold it: " + held);
        assertEquals("PUBLISH", JSON.readTree(lines.get(1)).get("action").asText(), "the same sentence without the insult");
    }

    @Test
    void oneOutputLinePerInputLineInOrderWithAllSixProbabilities() throws IOException {
        List<JsonNode> out = run("""
                {"id": "a", "text": "you are an idiot"}
                {"id": "b", "text": "nice day"}
                {"id": 7, "text": "numeric ids are echoed as given"}
                """);
        assertEquals(3, out.size());
        assertEquals("a", out.get(0).get("id").asText());
        assertEquals("b", out.get(1).get("id").asText());
        assertTrue(out.get(2).get("id").isInt());
        for (JsonNode o : out) {
            JsonNode attrs = o.get("attributes");
            assertEquals(Attribute.COUNT, attrs.size());
            for (Attribute a : Attribute.values()) {
                double p = attrs.get(a.name()).asDouble(-1);
                assertTrue(p >= 0 && p <= 1, a + " = " + p);
            }
        }
    }

    @Test
    void badLinesAreReportedInPlaceAndScoringGoesOn() throws IOException {
        String tooLong = "x".repeat(org.parley.score.Scorer.MAX_TEXT + 1);
        List<JsonNode> out = run(String.join("\n",
                "{\"id\": \"ok1\", \"text\": \"fine\"}",
                "{not json",
                "",
                "{\"id\": \"no-text\"}",
                "{\"id\": \"num\", \"text\": 42}",
                "{\"text\": \"no id\"}",
                "{\"id\": \"blank\", \"text\": \"   \"}",
                "{\"id\": \"long\", \"text\": \"" + tooLong + "\"}",
                "[1, 2]",
                "{\"id\": \"ok2\", \"text\": \"still scored\"}") + "\n");
        assertEquals(10, out.size());
        assertEquals("ok1", out.get(0).get("id").asText());
        String[] expected = {"invalid JSON", "empty line", "'text' is missing", "'text' must be a string",
                "'id' is missing", "'text' is empty", "limit is 20480", "expected a JSON object"};
        for (int i = 0; i < expected.length; i++) {
            JsonNode o = out.get(i + 1);
            assertEquals(i + 2, o.get("line").asInt(), "line number of " + o);
            assertTrue(o.get("error").asText().contains(expected[i]), o.toString());
            assertNull(o.get("attributes"));
        }
        assertEquals("ok2", out.get(9).get("id").asText());
        assertNotNull(out.get(9).get("attributes"));
    }

    /**
     * A data scientist's fourth audit: two records run together on one line (a lost line break) scored the first
     * and dropped the second without a word, and a key given twice kept the last; /v1/score refuses both.
     */
    /** A data scientist's sixth audit: invalid bytes were scored as U+FFFD without a word, where evaluate --file warns. */
    @Test
    void invalidUtf8IsScoredAsReplacementCharactersAndSaidOnce() throws IOException {
        Path in = Files.write(dir.resolve("latin1.jsonl"), (
                "{\"id\": \"a\", \"text\": \"caf\u00e9 idiot\"}\n{\"id\": \"b\", \"text\": \"na\u00efve\"}\n"
                        + "{\"id\": \"c\", \"text\": \"plain\"}\n").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        Path out = dir.resolve("latin1-out.jsonl");
        Printed said = Printed.err(() -> new CommandLine(new ScoreCommand()).execute("--model", bundle.toString(), "--output", out.toString(),
                in.toString()));
        assertEquals(0, said.code(), said.text());
        assertEquals(3, Files.readAllLines(out).size(), "each line scored");
        assertEquals(1, said.text().lines().filter(l -> l.contains("has bytes that are not UTF-8")).count(), said.text());
        assertTrue(said.text().contains("warning: " + in + " has bytes that are not UTF-8: read as U+FFFD"), said.text());
        // A file of valid UTF-8 holding U+FFFD itself is no warning.
        Path valid = Files.writeString(dir.resolve("valid.jsonl"), "{\"id\": \"a\", \"text\": \"caf\u00e9 \uFFFD\"}\n");
        Printed quiet = Printed.err(() -> new CommandLine(new ScoreCommand()).execute("--model", bundle.toString(), "--output", out.toString(),
                valid.toString()));
        assertEquals(0, quiet.code(), quiet.text());
        assertFalse(quiet.text().contains("not UTF-8"), quiet.text());
    }

    @Test
    void twoRecordsOnOneLineOrAKeyGivenTwiceAreRefusedNotHalfRead() throws IOException {
        List<JsonNode> out = run(String.join("\n",
                "{\"id\": \"a\", \"text\": \"first\"}{\"id\": \"b\", \"text\": \"second\"}",
                "{\"id\": \"c\", \"text\": \"fine\"} trailing",
                "{\"id\": \"d\", \"text\": \"one\", \"text\": \"two\"}",
                "{\"id\": \"e\", \"text\": \"still scored\"}  ") + "\n");
        assertEquals(4, out.size());
        assertTrue(out.get(0).path("error").asText().contains("more follows the JSON value at column"), out.get(0).toString());
        assertTrue(out.get(1).path("error").asText().startsWith("invalid JSON"), out.get(1).toString());
        assertTrue(out.get(2).path("error").asText().contains("Duplicate field 'text'"), out.get(2).toString());
        for (int i = 0; i < 3; i++) assertNull(out.get(i).get("attributes"), out.get(i).toString());
        assertEquals("e", out.get(3).path("id").asText(), "spaces after the value are no second value");
    }

    /** /v1/score refuses a text of zero-width spaces as empty; scripts/score scored it (and its stance) as text. */
    @Test
    void aTextWithNothingVisibleIsEmptyAsInTheService() throws IOException {
        List<JsonNode> out = run("{\"id\": \"zw\", \"text\": \"\\u200b\\u200b\", \"target\": \"Syria\"}\n");
        assertEquals("field 'text' is empty", out.get(0).path("error").asText(out.get(0).toString()));
    }

    @Test
    void aByteOrderMarkIsNotPartOfTheFirstLine() throws IOException {
        // U+FEFF in UTF-8 (EF BB BF): what Notepad, Excel's "CSV UTF-8" and PowerShell write first.
        List<JsonNode> out = run("\uFEFF{\"id\": \"first\", \"text\": \"hello\"}\n{\"id\": \"second\", \"text\": \"hi\"}\n");
        assertEquals(List.of("first", "second"), out.stream().map(o -> o.path("id").asText(o.toString())).toList());
    }

    /** A gzipped file (a corpus's, or scripts/evaluate's own input) was read as text: an "invalid JSON" line a fragment. */
    @Test
    void aGzippedFileIsReadAsItsText() throws IOException {
        Path in = dir.resolve("in.jsonl.gz");
        try (java.io.OutputStream gz = new java.util.zip.GZIPOutputStream(Files.newOutputStream(in))) {
            gz.write("{\"id\": \"first\", \"text\": \"hello\"}\n{\"id\": \"second\", \"text\": \"you idiot\"}\n"
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        Path out = dir.resolve("out-gz.jsonl");
        assertEquals(0, new CommandLine(new ScoreCommand()).execute("--model", bundle.toString(), "--output", out.toString(), in.toString()));
        List<String> lines = Files.readAllLines(out);
        assertEquals(2, lines.size(), lines.toString());
        assertEquals(List.of("first", "second"), lines.stream().map(l -> {
            try {
                return JSON.readTree(l).path("attributes").has("TOXICITY") ? JSON.readTree(l).get("id").asText() : l;
            } catch (IOException e) {
                throw new AssertionError(l, e);
            }
        }).toList());
    }

    @Test
    void aNullIdOrTextIsCalledNullNotMissing() throws IOException {
        List<JsonNode> out = run("{\"id\": null, \"text\": \"x\"}\n{\"id\": \"n\", \"text\": null}\n");
        assertEquals("field 'id' is null", out.get(0).get("error").asText());
        assertEquals("field 'text' is null", out.get(1).get("error").asText());
    }

    @Test
    void invalidUtf8DoesNotStopTheRun() throws IOException {
        Path in = dir.resolve("bad-utf8.jsonl");
        byte[] good = "{\"id\": \"u\", \"text\": \"caf".getBytes(StandardCharsets.UTF_8);
        byte[] tail = "\"}\n".getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[good.length + 1 + tail.length];
        System.arraycopy(good, 0, all, 0, good.length);
        all[good.length] = (byte) 0xC3; // a lone lead byte
        System.arraycopy(tail, 0, all, good.length + 1, tail.length);
        Files.write(in, all);
        Path out = dir.resolve("bad-utf8.out");
        assertEquals(0, new CommandLine(new ScoreCommand()).execute("--model", bundle.toString(), "--output", out.toString(), in.toString()));
        assertEquals("u", JSON.readTree(Files.readAllLines(out).get(0)).get("id").asText());
    }

    @Test
    void aBrokenBundleStopsWithAMessageNamingIt() throws IOException {
        Path broken = Files.writeString(dir.resolve("broken.zip"), "nope");
        var err = new java.io.StringWriter();
        CommandLine cl = new CommandLine(new ScoreCommand());
        cl.setErr(new java.io.PrintWriter(err));
        int code = cl.execute("--model", broken.toString(), dir.resolve("whatever").toString());
        assertNotEquals(0, code);
        assertTrue(err.toString().contains("broken.zip"), err.toString());
    }

    /**
     * Standard output that cannot be written (a full disk under {@code > file}): System.out's PrintStream kept the failure
     * quiet, and until the forty-eighth session the run scored every line into nothing and exited 0.
     */
    @Test
    void aStandardOutputThatCannotBeWrittenStopsTheRunSayingSo() throws IOException {
        Path in = Files.writeString(dir.resolve("full.jsonl"), "{\"id\": \"a\", \"text\": \"thanks\"}\n");
        java.io.PrintStream was = System.out;
        System.setOut(new java.io.PrintStream(new java.io.OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("No space left on device");
            }
        }, true, StandardCharsets.UTF_8));
        Printed printed;
        try {
            printed = Printed.err(() -> Cli.execute(new ScoreCommand(), "--model", bundle.toString(), in.toString()));
        } finally {
            System.setOut(was);
        }
        assertEquals(2, printed.code(), printed.text());
        assertTrue(printed.text().contains("score: cannot write to standard output (a full disk, or a reader that stopped reading)"),
                printed.text());
    }

    /** An --output whose write fails names the file: it said only "No space left on device" (/dev/full fails every write so). */
    @Test
    void anOutputFileThatCannotBeWrittenIsNamedWithTheCause() throws IOException {
        Path full = Path.of("/dev/full");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isWritable(full), "Linux's /dev/full");
        Path in = Files.writeString(dir.resolve("full-file.jsonl"), "{\"id\": \"a\", \"text\": \"thanks\"}\n");
        Printed printed = Printed.err(() -> Cli.execute(new ScoreCommand(), "--model", bundle.toString(), "--output", full.toString(), in.toString()));
        assertEquals(2, printed.code(), printed.text());
        assertTrue(printed.text().contains("score: cannot write /dev/full: No space left on device"), printed.text());
    }

    /** The limit is the service's: a text of exactly 20,480 characters is scored, one more is not. */
    @Test
    void aTextOfExactlyTheLimitIsScored() throws IOException {
        List<JsonNode> out = run("{\"id\": \"edge\", \"text\": \"" + "x".repeat(org.parley.score.Scorer.MAX_TEXT) + "\"}\n");
        assertEquals("edge", out.get(0).get("id").asText(), out.get(0).toString().substring(0, 80));
        assertNotNull(out.get(0).get("attributes"));
    }

    @Test
    void aFolderGivenAsTheInputIsRefusedNamingIt() {
        Printed printed = Printed.err(() -> Cli.execute(new ScoreCommand(), "--model", bundle.toString(), dir.toString()));
        assertEquals(2, printed.code());
        assertTrue(printed.text().contains(dir + " is a folder, not a file of comments"), printed.text());
    }

    /**
     * --sentiment adds CoreNLP's five classes to each line, in input order across the workers (the writing thread
     * annotates them), with how many sentences were read; a line of the toxicity fields alone stays as it was.
     */
    @Test
    void sentimentAddsTheFiveClassesToEachLineInOrder() throws IOException {
        Path in = Files.writeString(dir.resolve("sentiment.jsonl"), """
                {"id": "happy", "text": "What a wonderful, beautiful and moving article. I loved it."}
                {"id": "sad", "text": "This is a terrible, awful, depressing story."}
                """);
        Path out = dir.resolve("sentiment-out.jsonl");
        Printed printed = Printed.err(() -> Cli.execute(new ScoreCommand(), "--sentiment", "--model", bundle.toString(),
                "--output", out.toString(), in.toString()));
        assertEquals(0, printed.code(), printed.text());
        List<String> lines = Files.readAllLines(out);
        assertEquals(2, lines.size());
        JsonNode happy = JSON.readTree(lines.get(0)), sad = JSON.readTree(lines.get(1));
        assertEquals("happy", happy.get("id").asText());
        assertEquals(2, happy.at("/sentiment/sentences").asInt(), happy.toString());
        assertTrue(happy.at("/sentiment/label").asText().endsWith("POSITIVE"), happy.toString());
        assertTrue(sad.at("/sentiment/label").asText().endsWith("NEGATIVE"), sad.toString());
        assertEquals(1, sad.at("/sentiment/sentences").asInt(), sad.toString());
        double sum = 0;
        for (org.parley.sentiment.Sentiment.Label l : org.parley.sentiment.Sentiment.Label.values())
            sum += sad.at("/sentiment/probabilities/" + l.name()).asDouble(Double.NaN);
        assertEquals(1.0, sum, 1e-3, "a probability for each of the five classes: " + sad);
        assertNotNull(sad.at("/attributes/TOXICITY"), "the toxicity scores stay");
    }

    /**
     * A bundle that is refused stops the workers that began reading before it: they wait for a model otherwise,
     * and in a JVM that goes on (a test's, a data scientist's notebook) they would wait for good.
     */
    @Test
    void aRefusedBundleStopsTheWorkers() throws Exception {
        // One line, read long before the bundle is refused (its probe texts read again, then --strict-pipeline): the workers
        // wait for the model, not on the input, which closes once the command fails.
        Path in = Files.writeString(dir.resolve("workers.jsonl"), "{\"id\": \"a\", \"text\": \"thanks\"}\n");
        Path refused = dir.resolve("unspelled-workers.zip");
        TinyBundles.create(org.parley.text.TextPipeline.unspelled()).save(refused);
        Printed printed = Printed.err(() -> Cli.execute(new ScoreCommand(), "--strict-pipeline", "--model", refused.toString(),
                "--output", dir.resolve("never.jsonl").toString(), in.toString()));
        assertEquals(2, printed.code(), printed.text());
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (!t.getName().startsWith("score-worker-")) continue;
            t.join(30_000); // a bound for a hang, not a timing: a stopped worker ends at once
            assertFalse(t.isAlive(), t.getName() + " still waits for a model: " + java.util.Arrays.toString(t.getStackTrace()));
        }
    }
}
