package org.parley.cli;

import org.junit.jupiter.api.Test;
import org.parley.explain.SpanEvaluation;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every command behind a script shows an example in its --help, and the example is one its own parser accepts: an
 * option renamed or dropped fails here, not in a newcomer's first run (until the fortieth session no --help had one).
 * Its description is shown as written: until the forty-sixth session scripts/evaluate --task stance had lines past
 * the help's width, which picocli broke again, leaving one-word lines ("its") between the written ones.
 */
class CliExamplesTest {
    /** The script and the words it reads itself ("--task stance"), and the command line its main class runs. */
    private static final Map<String, Supplier<CommandLine>> COMMANDS = Map.ofEntries(
            Map.entry("scripts/score", () -> Cli.commandLine(new ScoreCommand())),
            Map.entry("scripts/evaluate", () -> Cli.commandLine(new EvaluateCommand())),
            Map.entry("scripts/evaluate --task stance", () -> Cli.commandLine(new EvaluateStanceCommand())),
            Map.entry("scripts/evaluate-spans", () -> Cli.commandLine(new SpanEvaluation())),
            Map.entry("scripts/train", () -> Cli.commandLine(new TrainCommand())),
            Map.entry("scripts/train --task stance", () -> Cli.commandLine(new TrainStanceCommand())),
            Map.entry("scripts/train-spans", () -> Cli.commandLine(new TrainSpansCommand())),
            Map.entry("scripts/targets", () -> Cli.commandLine(new TargetsCommand())),
            Map.entry("scripts/import-page", () -> ImportPage.commandLine(new PrintWriter(new StringWriter()))),
            Map.entry("scripts/word-counts", () -> Cli.commandLine(new WordCountsCommand())));

    @Test
    void everyCommandsHelpShowsAnExampleItsParserAccepts() {
        COMMANDS.forEach((script, command) -> {
            String help = command.get().getUsageMessage();
            String example = help.lines().filter(l -> l.startsWith("Example: " + script + " ") || l.equals("Example: " + script))
                    .filter(l -> !l.substring(("Example: " + script).length()).startsWith(" --task"))
                    .findFirst().orElse(null);
            assertTrue(example != null, script + " --help shows no example:\n" + help);
            String rest = example.substring(("Example: " + script).length()).split(" > ")[0].strip();
            List<String> args = new ArrayList<>(rest.isEmpty() ? List.of() : Arrays.asList(rest.split(" +")));
            if (script.equals("scripts/word-counts")) args.addAll(List.of("--output", "counts.tsv.gz")); // the script gives it
            assertDoesNotThrow(() -> command.get().parseArgs(args.toArray(String[]::new)), example);
        });
    }

    @Test
    void everyCommandsDescriptionLinesFitTheHelpsWidth() {
        List<String> tooLong = new ArrayList<>();
        COMMANDS.forEach((script, command) -> {
            CommandLine line = command.get();
            int width = line.getUsageHelpWidth();
            List<String> written = new ArrayList<>(Arrays.asList(line.getCommandSpec().usageMessage().description()));
            written.addAll(Arrays.asList(line.getCommandSpec().usageMessage().footer()));
            for (String w : written) {
                String shown = String.format(w); // as picocli shows it: "%%" is "%"
                if (shown.length() > width) tooLong.add(script + " (" + shown.length() + " > " + width + "): " + shown);
            }
        });
        assertTrue(tooLong.isEmpty(), "description lines picocli would wrap again:\n" + String.join("\n", tooLong));
    }
}
