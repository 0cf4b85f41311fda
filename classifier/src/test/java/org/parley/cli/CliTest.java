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

    /** java.nio's exceptions say only the path: the one line a command prints says what is wrong with it. */
    @Test
    void eachFileFailureSaysWhatIsWrongWithThePath(@TempDir Path dir) {
        assertEquals("no such file: " + dir.resolve("m.zip"), Cli.message(new NoSuchFileException(dir.resolve("m.zip").toString())));
        assertEquals("no such folder: " + dir.resolve("runs") + " (for " + dir.resolve("runs/m.zip") + ")",
                Cli.message(new NoSuchFileException(dir.resolve("runs/m.zip").toString())));
        assertEquals("cannot read /data/x.csv: permission denied", Cli.message(new java.nio.file.AccessDeniedException("/data/x.csv")));
        assertEquals("/data/x.csv: Input/output error",
                Cli.message(new java.nio.file.FileSystemException("/data/x.csv", null, "Input/output error")));
        assertEquals("/data/x: NotDirectoryException", Cli.message(new java.nio.file.NotDirectoryException("/data/x")));
        assertEquals("--epochs must be >= 1", Cli.message(new IllegalArgumentException("--epochs must be >= 1")));
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

    @picocli.CommandLine.Command(name = "prints")
    static final class Prints implements java.util.concurrent.Callable<Integer> {
        @Override
        public Integer call() {
            System.out.println("{\"rocAuc\": 0.9}"); // as evaluate and train print their figures
            return 0;
        }
    }

    /**
     * A result printed to a standard output that cannot be written (a full disk under {@code > file}) is lost: the run
     * says so and exits 2. System.out's PrintStream keeps the failure quiet, and until the forty-eighth session it exited 0.
     */
    @Test
    void aResultThatStandardOutputCouldNotTakeExitsTwoSayingSo() {
        java.io.PrintStream was = System.out;
        System.setOut(new java.io.PrintStream(new java.io.OutputStream() {
            @Override
            public void write(int b) throws java.io.IOException {
                throw new java.io.IOException("No space left on device");
            }
        }, true, java.nio.charset.StandardCharsets.UTF_8));
        Printed printed;
        try {
            printed = Printed.err(() -> Cli.execute(new Prints()));
        } finally {
            System.setOut(was);
        }
        assertEquals(2, printed.code(), printed.text());
        assertEquals("prints: cannot write to standard output (a full disk, or a reader that stopped reading)", printed.text().strip());
        assertEquals(0, Printed.out(() -> Cli.execute(new Prints())).code(), "one that can still exits 0");
    }
}
