package org.parley.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

class TrainSpansCommandTest {
    @Test
    void helpNamesTheDataSplitAndTheQuickRunOption() {
        StringWriter out = new StringWriter();
        CommandLine cl = new CommandLine(new TrainSpansCommand()).setOut(new PrintWriter(out));
        assertEquals(0, cl.execute("--help"));
        assertTrue(out.toString().contains("--limit"), out.toString());
        assertTrue(out.toString().contains("tsd_trial"), out.toString());
    }

    @Test
    void anUnknownBundleIsAOneLineErrorBeforeAnyPostIsRead(@TempDir Path dir) {
        StringWriter err = new StringWriter();
        CommandLine cl = Cli.commandLine(new TrainSpansCommand()).setErr(new PrintWriter(err, true));
        // No such data folder either: the bundle is refused first, so nothing was read.
        int status = cl.execute("--data", dir.resolve("no-spans").toString(), "--bundle", dir.resolve("nope.zip").toString(),
                "--output", dir.resolve("tagger.zip").toString());
        assertEquals(2, status, err.toString());
        String[] lines = err.toString().strip().split("\n");
        assertEquals(1, lines.length, err.toString());
        assertEquals("train-spans: " + dir.resolve("nope.zip") + ": no such toxicity bundle (--bundle; 'none' for a random embedding)", lines[0]);
    }

    /**
     * scripts/train-spans end to end on a few posts of the shipped data (--limit, a random embedding): the tagger is written
     * where asked and reads back, and the line on stdout says what it trained on and how it scored.
     */
    @Test
    void aQuickRunWritesATaggerThatReadsBackAndSaysWhatItDid(@TempDir Path dir) throws Exception {
        Path tagger = dir.resolve("tagger.zip");
        Printed printed = Printed.out(() -> Cli.execute(new TrainSpansCommand(), "--bundle", "none", "--limit", "40", "--epochs", "1",
                "--output", tagger.toString()));
        assertEquals(0, printed.code(), printed.text());
        com.fasterxml.jackson.databind.JsonNode line = new com.fasterxml.jackson.databind.ObjectMapper().readTree(printed.text());
        assertEquals(tagger.toString(), line.get("output").asText());
        assertEquals(40, line.get("trainPosts").asInt(), line.toString());
        assertEquals(10, line.get("tunePosts").asInt(), line.toString());
        assertEquals(10, line.get("devPosts").asInt(), line.toString());
        assertEquals(1, line.get("bestEpoch").asInt(), line.toString());
        double f1 = line.get("devF1").asDouble(Double.NaN);
        assertTrue(f1 >= 0 && f1 <= 1, line.toString());
        // read refuses a file that is not a whole tagger bundle (its checksums, its entries)
        org.parley.explain.SpanTagger.read(tagger, org.parley.explain.SpanLexicon.standard());
    }
}
