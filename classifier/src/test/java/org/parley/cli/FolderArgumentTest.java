package org.parley.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.model.TinyBundles;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

/**
 * A folder given where a file is read is refused naming it, as scripts/score refuses one: scripts/evaluate --file,
 * targets and import-page said "Is a directory", naming no path, and train --include-decisions "file not found" of a
 * folder that is there (a data scientist's audit, sixty-third session).
 */
class FolderArgumentTest {
    @TempDir Path dir;

    private static String refusal(picocli.CommandLine command, String... args) {
        StringWriter err = new StringWriter();
        int status = command.setErr(new PrintWriter(err, true)).execute(args);
        assertEquals(2, status, err.toString());
        return err.toString().strip();
    }

    @Test
    void eachCommandThatReadsAFileNamesAFolderGivenInItsPlace() throws Exception {
        Path folder = Files.createDirectory(dir.resolve("docs"));
        Path bundle = dir.resolve("tiny.zip");
        TinyBundles.create().save(bundle);
        assertEquals("evaluate: " + folder + " is a folder, not a labelled file", refusal(Cli.commandLine(new EvaluateCommand()),
                "--model", bundle.toString(), "--file", folder.toString(), "--resamples", "0", "--report", dir.resolve("report").toString()));
        assertEquals("targets: " + folder + " is a folder, not a page's file", refusal(Cli.commandLine(new TargetsCommand()), folder.toString()));
        assertEquals("import-page: " + folder + " is a folder, not a page's file", refusal(ImportPage.commandLine(new PrintWriter(new StringWriter(), true)), folder.toString()));
        assertEquals("train: --include-decisions " + folder + " is a folder, not a labelled file", refusal(Cli.commandLine(new TrainCommand()),
                "--include-decisions", folder.toString(), "--output", dir.resolve("m.zip").toString()));
    }
}
