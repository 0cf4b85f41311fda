package org.parley.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A newcomer's fourth audit (sixty-ninth session): each script's --help offered -V, which printed nothing. */
class ScriptVersionTest {
    @Test
    void dashVPrintsTheVersionBuiltAndTheCommit() {
        for (Object command : new Object[] {new ScoreCommand(), new TrainCommand(), new EvaluateCommand()}) {
            StringWriter out = new StringWriter();
            CommandLine cli = new CommandLine(command);
            cli.setOut(new PrintWriter(out));
            assertEquals(0, cli.execute("-V"));
            String version = out.toString().strip();
            // The version Maven filtered into build.properties; the commit where the tests run in a git checkout.
            assertTrue(version.matches("parley \\d+\\.\\d+\\.\\d+(-SNAPSHOT)? \\(commit [0-9a-f]{40}\\)"), version);
        }
    }
}
