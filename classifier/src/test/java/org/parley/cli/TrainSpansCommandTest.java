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
}
