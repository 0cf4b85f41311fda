package org.parley.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;

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
    void anUnknownBundleIsAOneLineError() {
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(new TrainSpansCommand()).setErr(new PrintWriter(err));
        assertNotEquals(0, cl.execute("--data", "/nonexistent-spans-data", "--bundle", "none"));
    }
}
