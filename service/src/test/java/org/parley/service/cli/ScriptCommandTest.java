package org.parley.service.cli;

import net.sourceforge.argparse4j.ArgumentParsers;
import net.sourceforge.argparse4j.inf.ArgumentParser;
import net.sourceforge.argparse4j.inf.ArgumentParserException;
import net.sourceforge.argparse4j.inf.Subparser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.service.JarCommands;
import org.parley.service.ParleyApplication;
import org.parley.service.store.TestDatabases;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/**
 * A wrong or missing option to scripts/add-moderator, remove-moderator or erase names the problem, then the script's
 * usage, and exits 2. Until the fortieth session it showed argparse4j's usage of {@code java -jar
 * parley-service-0.1.0-SNAPSHOT.jar NAME … [file]} (a file the script gives), bracketed erase's required --site,
 * and exited 1. The jar's export-decisions did so (exit 2) until the forty-first session (scripts/export-decisions
 * checks its options itself). Input a command refuses once its options parse (a blank --site) exits 2 too since the
 * forty-second session; a failure (no config, no database) 1.
 */
class ScriptCommandTest {
    private static final String ADD = "usage: scripts/add-moderator --username NAME [--role moderator|admin] [--site NAME|*]...";
    private static final String REMOVE = "usage: scripts/remove-moderator --username NAME";
    private static final String ERASE = "usage: scripts/erase --site SITE (--author NAME | --id ID... | --ids FILE) | --from-log LOG... [--since WHEN]";
    private static final String EXPORT = "usage: scripts/export-decisions [--config FILE] [--out FILE] [--site NAME]...";

    @TempDir Path dir;

    @Test
    void aWrongOrMissingOptionNamesTheProblemAndShowsTheScriptsUsage() {
        String[][] cases = {
                {"add-moderator", "unrecognized arguments: '--no-such-option'", ADD, "--username", "ada", "--no-such-option"},
                {"add-moderator", "argument --username is required", ADD},
                {"add-moderator", "argument --role: invalid choice: 'boss' (choose from {moderator,admin})", ADD,
                        "--username", "ada", "--role", "boss"},
                {"remove-moderator", "unrecognized arguments: '--no-such-option'", REMOVE, "--username", "ada", "--no-such-option"},
                {"remove-moderator", "argument --username is required", REMOVE},
                {"erase", "unrecognized arguments: '--no-such-option'", ERASE, "--site", "a", "--id", "1", "--no-such-option"},
                {"erase", "argument --site is required", ERASE, "--id", "c-1042"},
                {"erase", "argument --site: expected one argument", ERASE, "--id", "c-1042", "--site"},
                {"erase", "one of the arguments --author --id --ids --from-log is required", ERASE, "--site", "a"},
                {"erase", "argument --ids: not allowed with argument --author", ERASE, "--site", "a", "--author", "b", "--ids", "ids.txt"},
                {"erase", "argument --site: not allowed with argument --from-log (its lines name their sites)", ERASE,
                        "--from-log", "parley.log", "--site", "a"},
                {"export-decisions", "unrecognized arguments: '--no-such-option'", EXPORT, "--no-such-option"},
                {"export-decisions", "argument --out: expected one argument", EXPORT, "--out"}};
        for (String[] c : cases) {
            JarCommands commands = new JarCommands();
            List<String> args = new ArrayList<>(List.of(c[0], "service/config.yml"));
            args.addAll(List.of(c).subList(3, c.length));
            Optional<Throwable> failed = commands.run(args.toArray(String[]::new));
            String said = commands.err();
            assertInstanceOf(ArgumentParserException.class, failed.orElse(null), args + ": " + said);
            List<String> lines = said.lines().toList();
            assertEquals(List.of(c[1], c[2]), lines.subList(0, 2), args + ": the problem, then the script's usage:\n" + said);
            assertTrue(said.contains("--help"), args + ": the help names no --help:\n" + said);
            assertFalse(said.contains("java -jar") || said.contains("file"), args + ": the jar's usage or the file the script gives:\n" + said);
        }
    }

    /** Each script as a user runs it, in a copy of the checkout whose build step does nothing and whose java runs these classes. */
    @Test
    void theScriptsExitTwoForAWrongOptionAndOneForAFailure() throws Exception {
        Path checkout = dir.resolve("checkout");
        Files.createDirectories(checkout.resolve("scripts/lib"));
        for (String name : List.of("add-moderator", "remove-moderator", "erase"))
            Files.copy(Path.of("..", "scripts", name), checkout.resolve("scripts").resolve(name));
        executable(checkout.resolve("scripts/lib/build-service"), "#!/bin/sh\nexit 0\n");
        Path bin = Files.createDirectories(dir.resolve("bin"));
        // The scripts run "java -jar JAR NAME CONFIG …". Each of the five runs is a JVM that starts, parses and exits: the
        // client compiler alone and the serial collector start it sooner (what runs is the same code).
        executable(bin.resolve("java"), "#!/bin/sh\nshift 2\nexec '%s' -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp '%s' %s \"$@\"\n".formatted(
                Path.of(System.getProperty("java.home"), "bin", "java"), System.getProperty("java.class.path"),
                ParleyApplication.class.getName()));

        for (String[] c : new String[][]{{"add-moderator", ADD}, {"remove-moderator", REMOVE}, {"erase", ERASE}}) {
            Run r = run(bin, checkout.resolve("scripts").resolve(c[0]), "--no-such-option");
            assertEquals(2, r.exit, c[0] + ": " + r.output);
            assertTrue(r.output.startsWith("unrecognized arguments: '--no-such-option'\n" + c[1] + "\n"), c[0] + ": " + r.output);
        }
        Run noConfig = run(bin, checkout.resolve("scripts/remove-moderator"), "--username", "ada");
        assertEquals(1, noConfig.exit, noConfig.output);
        assertTrue(noConfig.output.startsWith("remove-moderator: "), noConfig.output);

        // A data scientist's third audit: input the command refuses exited 1 where the classifier's scripts exit 2.
        Files.createDirectories(checkout.resolve("service"));
        Files.copy(Path.of("config.yml"), checkout.resolve("service/config.yml"));
        Run blank = run(bin, checkout.resolve("scripts/erase"), "--site", " ", "--id", "c-1");
        assertEquals(2, blank.exit, blank.output);
        assertEquals("erase: --site must not be blank", blank.output.strip().lines().reduce((a, b) -> b).orElse(""), blank.output);
    }

    private record Run(int exit, String output) {}

    private static Run run(Path bin, Path script, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("bash", script.toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("PATH", bin + ":" + System.getenv("PATH"));
        Process p = pb.start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "did not stop: " + out);
        return new Run(p.exitValue(), out);
    }

    private static void executable(Path file, String text) throws Exception {
        Files.writeString(file, text);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    /** Each "Example:" of the scripts' --help (their header) parses, with the checks made before the config is read. */
    @Test
    void theExamplesInTheScriptsHelpParse() throws Exception {
        Map<String, ScriptCommand> commands = Map.of("add-moderator", new AddModeratorCommand(),
                "remove-moderator", new RemoveModeratorCommand(), "erase", new EraseCommand());
        int examples = 0;
        for (var c : commands.entrySet()) {
            String script = " scripts/" + c.getKey() + " ";
            for (String line : Files.readAllLines(Path.of("..", "scripts", c.getKey()))) {
                if (!line.startsWith("# Example:") || !line.contains(script)) continue;
                ArgumentParser parser = ArgumentParsers.newFor("parley").build();
                Subparser sub = parser.addSubparsers().addParser(c.getKey());
                c.getValue().configure(sub);
                List<String> args = new ArrayList<>(List.of(c.getKey(), "service/config.yml"));
                args.addAll(List.of(line.substring(line.indexOf(script) + script.length()).strip().split(" +")));
                c.getValue().check(parser.parseArgs(args.toArray(String[]::new)));
                examples++;
            }
        }
        assertTrue(examples >= 4, examples + " examples");
    }

    /**
     * tomcat-jdbc's warning that a broken connection given back will be closed is one line in a command's log, as in the
     * service's (monitoring.BrokenConnectionWarning); every other line keeps its trace. Until the fiftieth session only
     * the service installed the filter, and each such warning in a command's log came with its ~50-line trace. The
     * commands that use the pool (export-decisions reads without one; add-moderator reads a password first).
     */
    @Test
    void theCommandsWriteThePoolsBrokenConnectionWarningAsOneLine() throws Exception {
        String url = UnclearableWarningsDriver.url(TestDatabases.H2.fresh(dir).getUrl());
        for (String[] c : new String[][]{{"remove-moderator", "--username", "nobody"}, {"erase", "--site", "s", "--id", "c-1"}}) {
            Path log = dir.resolve(c[0] + ".log");
            Path config = Files.writeString(dir.resolve(c[0] + ".yml"), """
                    database:
                      driverClass: %s
                      url: "%s"
                      user: sa
                    logging:
                      level: WARN
                      appenders:
                        - type: file
                          currentLogFilename: "%s"
                          archive: false
                    """.formatted(UnclearableWarningsDriver.class.getName(), url, log));
            List<String> args = new ArrayList<>(List.of(c[0], config.toString()));
            args.addAll(List.of(c).subList(1, c.length));
            JarCommands commands = new JarCommands();
            Optional<Throwable> failed = commands.run(args.toArray(String[]::new)); // no such account, no such comment
            assertTrue(failed.isPresent() && !(failed.get() instanceof ArgumentParserException), c[0] + ": " + commands.err());

            String text = Files.readString(log);
            List<String> warnings = text.lines().filter(l -> l.contains("Unable to clear Warnings")).toList();
            assertFalse(warnings.isEmpty(), c[0] + ": the pool gave connections back:\n" + text);
            for (String w : warnings)
                assertTrue(w.startsWith("WARN ") && w.endsWith("org.apache.tomcat.jdbc.pool.PooledConnection: Unable to clear Warnings,"
                        + " connection will be closed. (java.net.SocketException: Connection reset)"), c[0] + ": " + w);
            assertTrue(text.lines().allMatch(l -> l.matches("[A-Z]+ +\\[.*")), c[0] + ": every line a log line's head, no trace:\n" + text);
        }
    }
}
