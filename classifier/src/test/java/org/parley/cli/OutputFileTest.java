package org.parley.cli;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Each training command refuses an output it could not write before it reads any data, not after training. */
class OutputFileTest {
    @TempDir
    Path dir;

    @Test
    void aFolderAsOutputIsRefusedBeforeTheDataIsRead() throws Exception {
        Files.writeString(dir.resolve("inside.txt"), "x"); // a folder that is not empty cannot be replaced by a file
        for (Callable<Integer> command : List.<Callable<Integer>>of(new TrainCommand(), new TrainStanceCommand(), new TrainSpansCommand())) {
            // The data folder does not exist: a command that read it first would fail on that instead.
            new CommandLine(command).parseArgs("--data", dir.resolve("no-data").toString(), "--output", dir.toString());
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, command::call, command.getClass().getSimpleName());
            assertTrue(e.getMessage().contains(dir + " is a folder"), e.getMessage());
        }
    }

    @Test
    void anOutputUnderAFileIsRefused() throws Exception {
        Path file = Files.writeString(dir.resolve("plain.txt"), "x");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Cli.checkOutputFile(file.resolve("model.zip")));
        assertTrue(e.getMessage().contains(file + " is a file, not a folder"), e.getMessage());
        Cli.checkOutputFile(dir.resolve("new/sub/model.zip")); // folders still to be made are fine
        Cli.checkOutputFile(file); // so is a file to replace
    }
}
