package org.parley.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliTest {
    /** A missing corpus folder is not "no such file": the loader's reason is what the user reads. */
    @Test
    void aMissingPathWithAReasonGivesTheReason() {
        assertEquals("/data/ethos: corpus folder missing",
                Cli.message(new NoSuchFileException("/data/ethos", null, "corpus folder missing")));
    }

    @Test
    void anEmptyTrainingDataFolderNamesTheMissingCorpusFolder(@TempDir Path empty) {
        String first = org.parley.corpus.Corpora.toxicityNames().get(0);
        Exception e = org.junit.jupiter.api.Assertions.assertThrows(Exception.class, () -> org.parley.corpus.Corpora.load(empty, first));
        assertEquals(empty.resolve(first) + ": corpus folder missing", Cli.message(e));
    }

    /**
     * picocli checks required parameters before it reports an unknown option: {@code scripts/import-page
     * --no-such-option} said {@code Missing required parameter: 'PAGE'} (a newcomer's second audit, fortieth session),
     * as did targets, and word-counts its --output. The unknown option is named first now, and exits 2 as before.
     */
    @Test
    void anUnknownOptionIsNamedBeforeAMissingParameter() {
        java.io.PrintWriter nowhere = new java.io.PrintWriter(new java.io.StringWriter(), true);
        for (picocli.CommandLine line : java.util.List.of(ImportPage.commandLine(nowhere), Cli.commandLine(new TargetsCommand()),
                Cli.commandLine(new WordCountsCommand()))) {
            java.io.StringWriter err = new java.io.StringWriter();
            line.setErr(new java.io.PrintWriter(err, true));
            line.setOut(nowhere);

            assertEquals(2, line.execute("--no-such-option"), err.toString());

            assertEquals("Unknown option: '--no-such-option'", err.toString().lines().findFirst().orElse(""),
                    line.getCommandName() + ": " + err);
        }
        // A missing parameter alone is still said so.
        java.io.StringWriter err = new java.io.StringWriter();
        picocli.CommandLine line = ImportPage.commandLine(nowhere);
        line.setErr(new java.io.PrintWriter(err, true));
        assertEquals(2, line.execute());
        assertEquals("Missing required parameter: 'PAGE'", err.toString().lines().findFirst().orElse(""), err.toString());
    }
}
