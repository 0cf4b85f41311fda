package org.parley.service.cli;

import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.corpus.Example;
import org.parley.corpus.LabelledFile;
import org.parley.label.Attribute;
import org.parley.service.JarCommands;
import org.parley.service.store.Database;
import org.parley.service.store.FeedbackStore;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** {@code java -jar parley-service.jar export-decisions CONFIG --out FILE}, as scripts/export-decisions runs it. */
class ExportDecisionsCommandTest {
    @TempDir Path dir;

    private final ch.qos.logback.classic.Logger root =
            (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final ch.qos.logback.classic.Level rootLevel = root.getLevel();

    /** The commands run in-process configure logging from their config ("level: OFF"): the tests after them log again. */
    @org.junit.jupiter.api.AfterEach
    void restoreTheRootLevel() {
        root.setLevel(rootLevel);
    }

    @Test
    void theCommandReadsTheConfiguredDatabaseAndWritesTheFile() throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("db") + ";MODE=PostgreSQL;DEFAULT_NULL_ORDERING=HIGH";
        Jdbi jdbi = Jdbi.create(url, "sa", "");
        Database.migrate(jdbi);
        new FeedbackStore(jdbi).append("Thanks, good point.", Map.of(Attribute.TOXICITY, 0.0), "website-1", Instant.now());
        Path config = dir.resolve("config.yml");
        // The password as config.yml has it by default: an unset ${VAR:-}, which reads as null.
        Files.writeString(config, """
                database:
                  driverClass: org.h2.Driver
                  url: "%s"
                  user: sa
                  password: ${PARLEY_TEST_UNSET_PASSWORD:-}
                logging:
                  level: WARN
                """.formatted(url));
        Path out = dir.resolve("out/decisions.jsonl");

        JarCommands commands = new JarCommands();
        assertEquals(java.util.Optional.empty(), commands.run("export-decisions", config.toString(), "--out", out.toString()), commands.err());
        // Nothing skipped is "skipped 0", where an empty map followed it ("skipped 0 {}", a newcomer's fourth audit).
        assertTrue(commands.out().startsWith(out + ": exported 1 examples (0 moderator decisions, 1 suggested scores); skipped 0\n"),
                commands.out());

        List<Example> read = LabelledFile.read(out);
        assertEquals(1, read.size());
        assertEquals("suggestscore", read.get(0).source());
        assertEquals(0f, read.get(0).labels().get(Attribute.TOXICITY));
        try (var files = Files.list(out.getParent())) {
            assertEquals(List.of(out), files.toList(), "no partial file left behind");
        }

        // --site, repeatable, reaches the export: sites that no stored comment has are refused, the file left as it was
        // (a data scientist's second audit: a misspelt site wrote an empty export and exit status 0).
        assertTrue(commands.run("export-decisions", config.toString(), "--out", out.toString(),
                "--site", "news.example", "--site", "blog.example").isPresent());
        assertEquals("export-decisions: --site blog.example, news.example: no stored comment or suggestion has these sites; none names a site",
                commands.err().strip().lines().reduce((a, b) -> b).orElse(""));
        assertEquals(1, LabelledFile.read(out).size());
    }

    /** --out naming a directory wrote the whole export to a .part file beside it, left there, and said only where. */
    @Test
    void anOutThatIsADirectoryIsSaidSoAndLeavesNoPartFile() throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("db") + ";MODE=PostgreSQL;DEFAULT_NULL_ORDERING=HIGH";
        Database.migrate(Jdbi.create(url, "sa", ""));
        Path config = Files.writeString(dir.resolve("config.yml"), """
                database:
                  driverClass: org.h2.Driver
                  url: "%s"
                  user: sa
                logging:
                  level: OFF
                """.formatted(url));
        Path out = Files.createDirectory(dir.resolve("exports"));
        JarCommands commands = new JarCommands();

        assertTrue(commands.run("export-decisions", config.toString(), "--out", out.toString()).isPresent());

        assertEquals("export-decisions: --out " + out + " is a directory: name a file in it", commands.err().strip());
        try (var files = Files.list(dir)) {
            assertEquals(List.of(), files.filter(f -> f.toString().endsWith(".part")).toList(), "no partial file left behind");
        }
    }

    /** An --out below a file said "/etc/passwd: already exists", naming no option. */
    @Test
    void anOutThatCannotBeWrittenIsNamedAsTheOption() throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("db") + ";MODE=PostgreSQL;DEFAULT_NULL_ORDERING=HIGH";
        Database.migrate(Jdbi.create(url, "sa", ""));
        Path config = JarCommands.h2Config(dir, url);
        Path file = Files.writeString(dir.resolve("plain"), "a file");
        JarCommands commands = new JarCommands();

        assertTrue(commands.run("export-decisions", config.toString(), "--out", file.resolve("x.jsonl").toString()).isPresent());

        assertEquals("export-decisions: --out " + file.resolve("x.jsonl") + ": " + file + " is a file, not a directory",
                commands.err().strip());
    }

    /** The help said suggested scores carry no site and --site leaves them out; they keep their key's site. */
    @Test
    void theHelpOfSiteSaysItsSuggestionsAreExported() {
        var parser = net.sourceforge.argparse4j.ArgumentParsers.newFor("parley").build();
        var sub = parser.addSubparsers().addParser("export-decisions");
        new ExportDecisionsCommand().configure(sub);
        String help = sub.formatHelp().replaceAll("\\s+", " ");
        assertFalse(help.contains("carry no site"), help);
        assertTrue(help.contains("the scores this site's keys suggested"), help);
    }

    @Test
    void aDatabaseThatIsNotTheServicesIsOneLineAndLeftUncreated() throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("nowhere") + ";MODE=PostgreSQL";
        Path config = JarCommands.h2Config(dir, url);
        JarCommands commands = new JarCommands();

        assertTrue(commands.run("export-decisions", config.toString(), "--out", dir.resolve("d.jsonl").toString()).isPresent());

        String said = commands.err();
        assertTrue(said.startsWith("export-decisions: "), said);
        assertEquals(1, said.strip().lines().count(), said);
        assertFalse(Files.exists(dir.resolve("nowhere.mv.db")), "reading must not create an empty database");
        assertFalse(Files.exists(dir.resolve("d.jsonl")));
    }

    /** The driver says only "Connection refused"; the person at the terminal needs to know which database. */
    @Test
    void aDatabaseThatCannotBeReachedIsNamed() throws Exception {
        String url = "jdbc:postgresql://127.0.0.1:1/test?connectTimeout=2"; // port 1: nothing listens
        Path config = JarCommands.postgresConfig(dir, url);
        JarCommands commands = new JarCommands();

        assertTrue(commands.run("export-decisions", config.toString(), "--out", dir.resolve("d.jsonl").toString()).isPresent());

        String said = commands.err().strip();
        assertTrue(said.startsWith("export-decisions: cannot open the database " + url + " as postgres (PARLEY_DB_URL, PARLEY_DB_USER, PARLEY_DB_PASSWORD): "), said);
        assertEquals(1, said.lines().count(), said);
        assertFalse(Files.exists(dir.resolve("d.jsonl")));
    }
}
