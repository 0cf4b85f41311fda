package org.parley.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
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

    /**
     * A data scientist's third audit: scripts/evaluate's --output in a folder not yet made, or its --report naming a file
     * ("runs/in.jsonl: FileAlreadyExistsException"), and scripts/train's --metrics naming a folder, failed only once the
     * scoring (with baselines, minutes) or the training was done.
     */
    @Test
    void reportAndMetricsOutputsAreRefusedBeforeTheDataIsRead() throws Exception {
        Path file = Files.writeString(dir.resolve("plain.txt"), "x");
        Path noData = dir.resolve("no-data"); // a command that read the data first would fail on that instead
        String[][] cases = {
                {"--output", file.resolve("eval.json").toString(), file + " is a file, not a folder"},
                {"--report", file.toString(), "--report " + file + " is a file"},
                {"--output", dir.toString(), "--output " + dir + " is a folder"}};
        for (String[] c : cases) {
            for (Callable<Integer> command : List.<Callable<Integer>>of(new EvaluateCommand(), new EvaluateStanceCommand())) {
                new CommandLine(command).parseArgs("--data", noData.toString(), "--model", noData.resolve("m.zip").toString(), c[0], c[1]);
                IllegalArgumentException e = assertThrows(IllegalArgumentException.class, command::call, command.getClass().getSimpleName());
                assertTrue(e.getMessage().contains(c[2]), e.getMessage());
            }
        }
        TrainCommand train = new TrainCommand();
        new CommandLine(train).parseArgs("--data", noData.toString(), "--output", dir.resolve("m.zip").toString(), "--metrics", dir.toString());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, train::call);
        assertTrue(e.getMessage().startsWith("--metrics " + dir + " is a folder"), e.getMessage());
    }

    /**
     * A data scientist's sixth audit: an output naming a file the command reads, or another output, destroyed it and
     * exited 0 (scripts/score's comments truncated as they were read, a bundle replaced by metrics). Refused before any
     * work, the file as it was.
     */
    @Test
    void anOutputThatIsAlsoAnInputOrAnotherOutputIsRefusedBeforeAnyWork() throws Exception {
        Path comments = Files.writeString(dir.resolve("comments.jsonl"), "{\"id\": \"1\", \"text\": \"hello\"}\n");
        Path bundle = Files.writeString(dir.resolve("m.zip"), "not read");
        Path decisions = Files.writeString(dir.resolve("decisions.jsonl"), "{}\n");
        Path noData = dir.resolve("no-data");
        Object[][] cases = {
                {new ScoreCommand(), new String[] {"--output", comments.toString(), comments.toString()},
                        "--output " + comments + " is also the input"},
                {new ScoreCommand(), new String[] {"--model", bundle.toString(), "--output", dir.resolve("./m.zip").toString(),
                        comments.toString()}, "is also --model"},
                {new EvaluateCommand(), new String[] {"--data", noData.toString(), "--model", bundle.toString(), "--output",
                        bundle.toString()}, "--output " + bundle + " is also --model"},
                {new EvaluateCommand(), new String[] {"--data", noData.toString(), "--model", dir.resolve("other.zip").toString(),
                        "--file", decisions.toString(), "--output", decisions.toString()}, "is also --file"},
                {new TrainCommand(), new String[] {"--data", noData.toString(), "--output", bundle.toString(), "--metrics",
                        bundle.toString()}, "replace that output"},
                {new TrainCommand(), new String[] {"--data", noData.toString(), "--include-decisions", decisions.toString(),
                        "--output", decisions.toString()}, "--output " + decisions + " is also --include-decisions"}};
        for (Object[] c : cases) {
            java.io.StringWriter err = new java.io.StringWriter();
            CommandLine line = Cli.commandLine(c[0]);
            line.setErr(new java.io.PrintWriter(err));
            assertEquals(2, line.execute((String[]) c[1]), err.toString());
            assertTrue(err.toString().contains((String) c[2]) && err.toString().contains("name another file"), err.toString());
        }
        assertEquals("{\"id\": \"1\", \"text\": \"hello\"}\n", Files.readString(comments));
        assertEquals("not read", Files.readString(bundle));
        assertEquals("{}\n", Files.readString(decisions));
    }

    /**
     * A check of the mends: two outputs through a linked folder before either existed, an input inside the --report
     * folder (replaced whole), a labelled file read from its .gz, and train-spans' --bundle (a name, not a path) each
     * got through.
     */
    @Test
    void theSameFileByAnotherWayIsRefusedToo() throws Exception {
        Path real = Files.createDirectories(dir.resolve("real"));
        Path link = Files.createSymbolicLink(dir.resolve("link"), real);
        Path noData = dir.resolve("no-data");
        Path report = Files.createDirectories(dir.resolve("report"));
        Path inReport = Files.writeString(report.resolve("metrics.json"), "{}\n");
        Path gz = Files.write(dir.resolve("lab.jsonl.gz"), new byte[] {0x1f, (byte) 0x8b});
        Path bundle = Files.writeString(dir.resolve("tox.zip"), "not read");
        Object[][] cases = {
                {new TrainCommand(), new String[] {"--data", noData.toString(), "--output", link.resolve("m.zip").toString(), "--metrics",
                        real.resolve("m.zip").toString()}, "replace that output"},
                {new EvaluateCommand(), new String[] {"--data", noData.toString(), "--model", bundle.toString(), "--file", inReport.toString(),
                        "--report", report.toString()}, "--report " + report + " holds --file " + inReport},
                {new EvaluateCommand(), new String[] {"--data", noData.toString(), "--model", bundle.toString(), "--file",
                        dir.resolve("lab.jsonl").toString(), "--output", gz.toString()}, "--output " + gz + " is also --file"},
                {new TrainSpansCommand(), new String[] {"--data", noData.toString(), "--bundle", bundle.toString(), "--output",
                        bundle.toString()}, "--output " + bundle + " is also --bundle"}};
        for (Object[] c : cases) {
            java.io.StringWriter err = new java.io.StringWriter();
            CommandLine line = Cli.commandLine(c[0]);
            line.setErr(new java.io.PrintWriter(err));
            assertEquals(2, line.execute((String[]) c[1]), err.toString());
            assertTrue(err.toString().contains((String) c[2]), err.toString());
        }
        assertEquals("not read", Files.readString(bundle));
        assertEquals("{}\n", Files.readString(inReport));
        assertEquals(2, Files.size(gz));
    }

    /** The metrics JSON goes where it was asked, its folders made as a bundle's are. */
    @Test
    void anOutputsFoldersAreMade() throws Exception {
        Path out = dir.resolve("new/sub/eval.json");
        Cli.writeOutput(out, "{}\n");
        assertTrue(Files.readString(out).equals("{}\n"));
    }
}
