package org.parley;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The scripts that answer --help themselves (not through a Java command: CliExamplesTest has those): the help is the
 * whole comment at the top of the script, with an example, and a wrong option or an argument too many is refused
 * with a message naming it, before anything starts. Until the fortieth session benchmark-queue's help stopped
 * mid-sentence, no help had an example, and benchmark, benchmark-cost, fuzz and soak ignored extra arguments
 * ("scripts/benchmark 10 --port 9000" benchmarked the default port), as check-perspective-client took an option for
 * its KEY.
 */
class ScriptsHelpTest {
    private static final Path SCRIPTS = DocsLinksTest.repositoryRoot().resolve("scripts");
    /** "sed -n '2,12p' "$0"": the help printed from the script's own header, from its second line. */
    private static final String SED_OF_HEADER = ".*sed -n '2,\\d+[^']*' \"\\$0\".*";

    @Test
    void aScriptsHelpIsItsWholeHeaderWithAnExample() throws Exception {
        List<String> checked = new ArrayList<>();
        for (Path script : shellHelped()) {
            String help = run(script, "--help").output;
            String name = script.getFileName().toString();
            assertTrue(help.lines().anyMatch(l -> l.startsWith("Example") && l.contains("scripts/" + name)),
                    name + " --help shows no example:\n" + help);
            List<String> lines = Files.readAllLines(script);
            if (lines.stream().anyMatch(l -> l.matches(SED_OF_HEADER))) {
                int end = 1;
                while (end < lines.size() && lines.get(end).startsWith("#")) end++;
                String header = String.join("\n", lines.subList(1, end).stream().map(l -> l.replaceFirst("^# ?", "")).toList());
                assertEquals(header, help.strip(), name + " --help is not the comment at its top");
            }
            checked.add(name);
        }
        assertTrue(checked.containsAll(List.of("benchmark-queue", "serve", "fuzz", "add-moderator")), checked.toString());
    }

    /**
     * The variables a script reads with a default (${BENCH_PORT:-18080}) are named in its --help, but the service's own
     * PARLEY_* (config.yml and scripts/serve name them): until the forty-sixth session benchmark, benchmark-cost and
     * overload read BENCH_DB_URL without a word of it.
     */
    @Test
    void everyVariableAScriptReadsIsNamedInItsHelp() throws Exception {
        java.util.regex.Pattern read = java.util.regex.Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*):-");
        List<String> unnamed = new ArrayList<>();
        for (Path script : shellHelped()) {
            String help = run(script, "--help").output;
            for (String line : Files.readAllLines(script)) {
                if (line.strip().startsWith("#")) continue;
                for (java.util.regex.Matcher m = read.matcher(line); m.find(); ) {
                    String name = m.group(1);
                    if (!name.startsWith("PARLEY_") && !help.matches("(?s).*\\b" + name + "\\b.*")
                            && !unnamed.contains(script.getFileName() + ": " + name))
                        unnamed.add(script.getFileName() + ": " + name);
                }
            }
        }
        assertTrue(unnamed.isEmpty(), "variables read but not named in --help: " + unnamed);
    }

    @Test
    void aWrongOptionOrAnArgumentTooManyIsRefusedByName() throws Exception {
        String[][] cases = {
                {"benchmark", "--no-such-option"}, {"benchmark", "10", "20"},
                {"benchmark-cost", "--no-such-option"}, {"benchmark-cost", "3", "4"},
                {"benchmark-queue", "--no-such-option"}, {"benchmark-score", "--no-such-option"},
                {"check-perspective-client", "--no-such-option"}, {"check-perspective-client", "http://x", "key-1", "extra"},
                {"export-decisions", "--no-such-option"}, {"fuzz", "--no-such-option"}, {"fuzz", "1", "2", "3"},
                {"overload", "--no-such-option"}, {"serve", "--no-such-option"}, {"soak", "--no-such-option"},
                {"soak", "1", "2", "3"}, {"stance-memory", "--no-such-option"}, {"stance-memory", "1", "2", "3"},
                {"submit-page", "--no-such-option"}, {"mutation-test", "--no-such-option"},
                {"mutation-test", "classifier", "org.parley.eval.*", "org.parley.eval.*", "extra"},
                {"mutation-test", "classifier", "org.parley.eval.*", "org.parley.eval.*,,org.parley.cli.*"}};
        for (String[] c : cases) {
            Result r = run(SCRIPTS.resolve(c[0]), java.util.Arrays.copyOfRange(c, 1, c.length));
            String named = c.length == 2 ? c[1] : c[c.length - 1];
            assertNotEquals(0, r.exit, String.join(" ", c) + " was not refused:\n" + r.output);
            assertTrue(r.output.contains(named) && r.output.contains("--help"),
                    String.join(" ", c) + ": the message names neither the argument nor --help:\n" + r.output);
        }
    }

    @Test
    void theRobustnessSuitesWriterAnswersHelpAndRefusesArguments() throws Exception {
        // The README names it as the suite's writer; until the forty-sixth session --help, or any argument, wrote the
        // 397-line suite to standard output.
        Path writer = SCRIPTS.resolve("lib/robustness-suite.py");
        Result help = python(writer, "--help");
        assertEquals(0, help.exit, help.output);
        assertTrue(help.output.startsWith("Writes docs/robustness-suite.jsonl") && !help.output.contains("\"family\": \""),
                "not the help:\n" + help.output);
        assertTrue(help.output.lines().anyMatch(l -> l.startsWith("Example: python3 scripts/lib/robustness-suite.py")), help.output);
        Result wrong = python(writer, "--no-such-option");
        assertEquals(2, wrong.exit, wrong.output);
        assertTrue(wrong.output.contains("--no-such-option") && wrong.output.contains("--help"), wrong.output);
    }

    private static Result python(Path script, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("python3", script.toString()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        p.getOutputStream().close();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), String.join(" ", command) + " did not stop");
        return new Result(p.exitValue(), output);
    }

    @Test
    void aScriptThatBuildsFirstPrintsNoTerminalCodes() throws Exception {
        // scripts/lib/ensure-built runs "mvn -q -B" before a script's own work; Debian's Maven 3.8.7 wrote four ANSI
        // resets (ESC[0m) even so, and a newcomer's first scripts/score after a pull began with "[0m[0m[0m[0m" in a log.
        // .mvn/jvm.config's -Djansi.noreset=true stops them; Maven's own quiet start is what every build there begins with.
        Process p = new ProcessBuilder("mvn", "-q", "-B", "-N", "validate").directory(SCRIPTS.getParent().toFile())
                .redirectErrorStream(true).start();
        p.getOutputStream().close();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "mvn -q -B -N validate did not stop");
        assertEquals(0, p.exitValue(), output);
        assertTrue(output.indexOf('\u001b') < 0, "terminal codes in Maven's quiet output: " + output.replace("\u001b", "ESC"));
    }

    @Test
    void submitPageTakesTheThreadsId() throws Exception {
        // "--id" was refused as an unknown option: every page of a thread went in as its own article, named after its
        // file, and a reply to a comment on another page found no parent. Without a key it stops before any work.
        ProcessBuilder pb = new ProcessBuilder("bash", SCRIPTS.resolve("submit-page").toString(), "--id", "syria-g20", "page-15.txt")
                .redirectErrorStream(true);
        pb.environment().remove("PARLEY_KEY");
        Process p = pb.start();
        p.getOutputStream().close();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "submit-page did not stop without a key");
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertNotEquals(0, p.exitValue(), output);
        assertTrue(output.contains("set PARLEY_KEY"), "--id was not taken:\n" + output);
    }

    @Test
    void submitPagePassesTheTitleToImportPage(@TempDir Path dir) throws Exception {
        // "--title" was refused as an unknown option, so a page of comments saved without its article could not be sent
        // at all (import-page refused it for want of a title). Run beside a stand-in import-page that says what it got.
        Path scripts = Files.createDirectories(dir.resolve("scripts"));
        Path submit = Files.copy(SCRIPTS.resolve("submit-page"), scripts.resolve("submit-page"));
        Files.writeString(scripts.resolve("import-page"), "#!/usr/bin/env bash\nprintf '%s|' \"$@\" >&2\nexit 3\n");
        scripts.resolve("import-page").toFile().setExecutable(true);
        ProcessBuilder pb = new ProcessBuilder("bash", submit.toString(), "--id", "syria-g20", "--title",
                "Syria crisis: Russia and US no closer", "comments.txt").redirectErrorStream(true);
        pb.environment().put("PARLEY_KEY", "dev-key");
        Process p = pb.start();
        p.getOutputStream().close();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "submit-page did not stop");
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(3, p.exitValue(), "import-page's refusal is submit-page's:\n" + output);
        assertEquals("--id|syria-g20|--title|Syria crisis: Russia and US no closer|comments.txt|", output.strip());
    }

    /** The scripts whose --help is answered in the shell: a sed of their header, or a here-document. */
    private static List<Path> shellHelped() throws Exception {
        try (Stream<Path> files = Files.list(SCRIPTS)) {
            return files.filter(Files::isRegularFile).sorted().filter(f -> {
                try {
                    String text = Files.readString(f);
                    return text.lines().anyMatch(l -> l.matches(SED_OF_HEADER)) || text.contains("<<'USAGE'");
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).toList();
        }
    }

    private record Result(int exit, String output) {}

    /** A refusal comes before any work; the bound only keeps a regression (a benchmark that starts) from hanging the build. */
    private static Result run(Path script, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("bash", script.toString()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        p.getOutputStream().close();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.descendants().forEach(ProcessHandle::destroy);
            p.destroy();
            throw new AssertionError(String.join(" ", command) + " did not stop within 60 s: it started work");
        }
        return new Result(p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }
}
