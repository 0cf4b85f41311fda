package org.parley.cli;

import org.junit.jupiter.api.Test;
import org.parley.DocsLinksTest;
import org.parley.explain.SpanEvaluation;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every command behind a script shows an example in its --help, and the example is one its own parser accepts: an
 * option renamed or dropped fails here, not in a newcomer's first run (until the fortieth session no --help had one).
 * Its description is shown as written: until the forty-sixth session scripts/evaluate --task stance had lines past
 * the help's width, which picocli broke again, leaving one-word lines ("its") between the written ones. And the
 * commands the README and the reference show are ones the parsers take, so that a newcomer can paste them.
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

    /** The documents a newcomer reads; known-gaps.md and experiments.md keep past sessions' commands as they were run. */
    private static final List<String> DOCUMENTS = List.of("README.md", "docs/architecture.md", "docs/data-science.md",
            "docs/labelled-data-format.md", "docs/moderation.md", "docs/results.md", "docs/scoring-api.md", "docs/stance.md",
            "docs/thread-format.md", "models/README.md", "training-data/README.md");
    private static final Pattern INLINE_CODE = Pattern.compile("`([^`]+)`");
    /** Where a command on a shell line ends: a comment, a redirection, a pipe, a list. */
    private static final Pattern END_OF_COMMAND = Pattern.compile("\\s(#|>|<|\\||&&|;)");

    @Test
    void theCommandsTheDocumentsShowAreOnesTheParsersTake() throws IOException {
        Path root = DocsLinksTest.repositoryRoot();
        List<String> wrong = new ArrayList<>();
        for (String doc : DOCUMENTS) {
            List<String> lines = Files.readAllLines(root.resolve(doc), StandardCharsets.UTF_8);
            boolean fenced = false;
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                if (line.strip().startsWith("```")) {
                    fenced = !fenced;
                    continue;
                }
                String where = doc + ":" + (i + 1) + ": ";
                if (fenced) {
                    String shell = line.split("(^|\\s)#", 2)[0]; // a comment may name another script in prose
                    for (String command : commandsIn(shell)) wrong.addAll(refusal(where, command, true));
                } else {
                    for (Matcher code = INLINE_CODE.matcher(line); code.find(); )
                        for (String command : commandsIn(code.group(1))) wrong.addAll(refusal(where, command, false));
                }
            }
        }
        assertTrue(wrong.isEmpty(), "commands in the documents that their parsers refuse:\n" + String.join("\n", wrong));
    }

    @Test
    void aRenamedOptionInADocumentsCommandIsFound() {
        assertEquals(List.of("scripts/train --sample 500 --epochs 1 --output runs/quick.zip"),
                commandsIn("scripts/train --sample 500 --epochs 1 --output runs/quick.zip   # a quick run"));
        assertEquals(List.of("scripts/train --dev-part 3", "scripts/evaluate --task stance --file x.jsonl"),
                commandsIn("scripts/train --dev-part 3 && scripts/evaluate --task stance --file x.jsonl > out.json"));
        assertEquals(List.of(), refusal("", "scripts/evaluate --task stance --compare OLD", false));
        assertEquals(List.of(), refusal("", "scripts/train --identity-augment 6000 [--identity-swap N] --output runs/X.zip", false));
        assertEquals(List.of("d:1: scripts/train --samples 500: Unknown options: '--samples', '500'"),
                refusal("d:1: ", "scripts/train --samples 500", true));
        assertEquals(List.of("d:1: scripts/train --task stance --sample N --wide: no option --wide"),
                refusal("d:1: ", "scripts/train --task stance --sample N --wide", false));
    }

    /** Each "scripts/NAME …" of a picocli command on a line, up to where its command ends. */
    private static List<String> commandsIn(String line) {
        List<String> commands = new ArrayList<>();
        for (int at = line.indexOf("scripts/"); at >= 0; at = line.indexOf("scripts/", at + 1)) {
            if (at > 0 && !Character.isWhitespace(line.charAt(at - 1)) && line.charAt(at - 1) != '(') continue;
            String rest = line.substring(at);
            Matcher end = END_OF_COMMAND.matcher(rest);
            String command = (end.find() ? rest.substring(0, end.start()) : rest).strip();
            if (scriptOf(command) != null) commands.add(command);
        }
        return commands;
    }

    /** The longest script name the command starts with ("scripts/train --task stance" before "scripts/train"). */
    private static String scriptOf(String command) {
        return COMMANDS.keySet().stream().filter(s -> command.equals(s) || command.startsWith(s + " "))
                .max(Comparator.comparingInt(String::length)).orElse(null);
    }

    /**
     * A shell line's command is parsed whole; inline code is prose (`scripts/evaluate --task stance --compare OLD`,
     * with placeholders and ellipses), so only its option names are looked up.
     */
    private static List<String> refusal(String where, String command, boolean whole) {
        String script = scriptOf(command);
        List<String> args = new ArrayList<>();
        for (String word : command.substring(script.length()).strip().split("\\s+"))
            if (!word.isEmpty()) args.add(word.replaceAll("^[\"']|[\"']$", ""));
        CommandLine line = COMMANDS.get(script).get();
        if (whole) {
            if (script.equals("scripts/word-counts")) args.addAll(List.of("--output", "counts.tsv.gz")); // the script gives it
            try {
                line.parseArgs(args.toArray(String[]::new));
                return List.of();
            } catch (CommandLine.ParameterException e) {
                return List.of(where + command + ": " + e.getMessage());
            }
        }
        List<String> unknown = new ArrayList<>();
        for (String word : args) {
            String name = word.replaceAll("^\\[", "").replaceAll("[=\\]].*$", "");
            if (name.startsWith("--") && line.getCommandSpec().findOption(name) == null)
                unknown.add(where + command + ": no option " + name);
        }
        return unknown;
    }
}
