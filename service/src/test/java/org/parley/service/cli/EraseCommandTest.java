package org.parley.service.cli;

import io.dropwizard.db.DataSourceFactory;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.parley.label.Attribute;
import org.parley.policy.Action;
import org.parley.service.JarCommands;
import org.parley.service.moderation.AlsoQuoted;
import org.parley.service.moderation.Decider;
import org.parley.service.moderation.NewComment;
import org.parley.service.moderation.Status;
import org.parley.service.moderation.StoredComment;
import org.parley.service.store.CommentStore;
import org.parley.service.store.Database;
import org.parley.service.store.KeptOpenDatabases;
import org.parley.service.store.TestDatabases;

import com.fasterxml.jackson.databind.ObjectMapper;
import net.sourceforge.argparse4j.inf.ArgumentParserException;
import org.parley.service.moderation.ErasureLogLine;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.*;

/**
 * {@code java -jar parley-service.jar erase CONFIG --site SITE (--author NAME | --id ID... | --ids FILE) | --from-log LOG},
 * as scripts/erase runs it, on both databases. Until the forty-second session it took one --id a run, a JVM start each
 * (9 to 10 s) when an operator re-applied a log's erasures after a restore.
 */
@ExtendWith(KeptOpenDatabases.class) // H2 kept open between the test's handles and the command's pool
class EraseCommandTest {
    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");
    private static final String SITE = "news.example";

    @TempDir Path dir;
    private final JarCommands commands = new JarCommands();
    private Path config;
    private DataSourceFactory source;
    private Jdbi jdbi;

    private static NewComment comment(String site, String id, String author) {
        float[] s = new float[Attribute.COUNT];
        return new NewComment(id, "a1", null, null, null, null, author, "text of " + id, null, null, null, s, Attribute.TOXICITY,
                "[]", null, new StoredComment.ModelRef("m", "v1", "sum"), Action.PUBLISH, null, null, null, site);
    }

    private CommentStore store(TestDatabases db) throws Exception {
        DataSourceFactory f = source = db.fresh(dir);
        config = Files.writeString(dir.resolve("config.yml"), """
                database:
                  driverClass: %s
                  url: "%s"
                  user: %s
                logging:
                  appenders: []   # what the script prints alone: its erasure lines are kept at INFO whatever the level
                """.formatted(f.getDriverClass(), f.getUrl(), f.getUser()));
        jdbi = Jdbi.create(TestDatabases.keptOpen(f.getUrl()), f.getUser(), f.getPassword());
        Database.migrate(jdbi);
        return new CommentStore(jdbi);
    }

    /** Runs erase with the options; what it printed is {@link #printed}. */
    private Optional<Throwable> erase(String... options) {
        String[] all = new String[options.length + 2];
        all[0] = "erase";
        all[1] = config.toString();
        System.arraycopy(options, 0, all, 2, options.length);
        return commands.run(all);
    }

    private String printed() {
        return commands.out();
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void erasesAnAuthorsCommentsOnTheSiteAsAnOperatorAndSaysHowMany(TestDatabases db) throws Exception {
        CommentStore store = store(db);
        store.insert(comment(SITE, "d1", "dana"), T0);
        store.insert(comment(SITE, "d2", "dana"), T0.plusSeconds(1));
        store.insert(comment(SITE, "k1", "kim"), T0);
        store.insert(comment("blog.example", "d1", "dana"), T0);

        assertEquals(Optional.empty(), erase("--site", SITE, "--author", "dana"), commands.err());

        assertTrue(printed().contains("erased 2 comments of site news.example by 'dana': \"d1\", \"d2\""), printed());
        for (String id : List.of("d1", "d2")) {
            StoredComment c = store.find(SITE, id).orElseThrow();
            assertEquals(Status.ERASED, c.status());
            assertEquals("", c.text());
            assertNull(c.author());
            var last = store.history(c.key()).get(store.history(c.key()).size() - 1);
            assertEquals("ERASE", last.decision());
            assertEquals(Decider.OPERATOR, last.actorKind());
            assertEquals(System.getProperty("user.name"), last.actor());
        }
        assertEquals("kim", store.find(SITE, "k1").orElseThrow().author());
        assertEquals("dana", store.find("blog.example", "d1").orElseThrow().author(), "another site's dana");

        assertEquals(Optional.empty(), erase("--site", SITE, "--author", "dana"));
        assertTrue(printed().contains("erased 0 comments of site news.example by 'dana'\n"), printed());
    }

    /**
     * A fourth penetration test (forty-sixth session): a site's ids reached the operator's terminal raw when --author
     * named what it erased, so an id could clear the screen (ESC [2J), retitle the window (ESC ]0;…BEL) or write a line
     * of its own ("erased 0 comments") with a carriage return or a line break. They are JSON strings, as --ids says them.
     */
    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void anAuthorsErasedIdsArePrintedAsJsonStringsNeverAsTerminalControls(TestDatabases db) throws Exception {
        CommentStore store = store(db);
        String[] ids = {"e1\u001b]0;pwned\u0007", "e2\u001b[2J\u001b[H", "e3\rerased 0 comments", "e4\nerased 0 comments", "e5\u009b31m"};
        for (String id : ids) store.insert(comment(SITE, id, "eve"), T0);

        assertEquals(Optional.empty(), erase("--site", SITE, "--author", "eve"), commands.err());

        String said = printed();
        assertTrue(said.startsWith("erased 5 comments of site news.example by 'eve': \""), said);
        for (String shown : List.of("\"e1\\u001B]0;pwned\\u0007\"", "\"e2\\u001B[2J\\u001B[H\"", "\"e3\\rerased 0 comments\"",
                "\"e4\\nerased 0 comments\"", "\"e5\\u009B31m\""))
            assertTrue(said.contains(shown), shown + " in " + said);
        assertEquals(1, said.strip().lines().count(), said);
        assertTrue(said.chars().noneMatch(c -> c < 0x20 && c != '\n' || c >= 0x7f && c <= 0x9f), said);
        for (String id : ids) assertErased(store, SITE, id);
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void erasesOneCommentByIdAndRefusesAMissingOrBlankSiteOrAuthor(TestDatabases db) throws Exception {
        CommentStore store = store(db);
        store.insert(comment(SITE, "k1", "kim"), T0);

        assertEquals(Optional.empty(), erase("--site", SITE, "--id", "k1"), commands.err());
        assertTrue(printed().contains("erased 1 comment of site news.example: k1"), printed());
        assertEquals(Status.ERASED, store.find(SITE, "k1").orElseThrow().status());
        assertEquals(Optional.empty(), erase("--site", SITE, "--id", "k1"));
        assertTrue(printed().contains("erased 0 comments: comment 'k1' of site news.example was erased before"), printed());

        assertTrue(erase("--site", SITE, "--id", "nope").isPresent());
        assertTrue(commands.err().contains("erase: site news.example has no comment 'nope'"), commands.err());
        store.insert(comment(SITE, "k2", "kim"), T0);
        assertTrue(erase("--author", "kim").isPresent());
        assertTrue(commands.err().contains("argument --site is required\nusage: scripts/erase --site SITE"), commands.err());
        assertTrue(erase("--site", " ", "--author", "kim").isPresent());
        assertTrue(commands.err().contains("erase: --site must not be blank"), commands.err());
        assertTrue(erase("--site", SITE, "--author", "").isPresent());
        assertTrue(commands.err().contains("erase: --author must not be blank"), commands.err());
        assertTrue(erase("--site", SITE, "--id", " ").isPresent());
        assertTrue(commands.err().contains("erase: --id must not be blank"), commands.err());
        assertEquals(List.of(new ErasureList.Target(SITE, "k".repeat(200))), ErasureList.ids(SITE, List.of("k".repeat(200))),
                "an id of exactly 200 characters, the most a site's may have");
        assertTrue(erase("--site", SITE).isPresent(), "neither --author nor --id");
        assertTrue(erase("--site", SITE, "--author", "kim", "--id", "k2").isPresent(), "both");
        assertFalse(commands.err().contains("\tat "), commands.err());
        assertEquals("kim", store.find(SITE, "k2").orElseThrow().author(), "nothing erased by a refused command");
    }

    private Path file(String name, String text) throws Exception {
        return Files.writeString(dir.resolve(name), text);
    }

    private void assertErased(CommentStore store, String site, String id) {
        assertEquals(Status.ERASED, store.find(site, id).orElseThrow().status(), site + " " + id);
    }

    private void assertNotErased(CommentStore store, String site, String id) {
        assertEquals("kim", store.find(site, id).orElseThrow().author(), site + " " + id);
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void erasesTheIdsOfARepeatedIdOrAFileInOneRunSayingWhatBecameOfEachAndHowMany(TestDatabases db) throws Exception {
        CommentStore store = store(db);
        for (String id : List.of("a1", "a2", "a3", " a4", "b1", "b2", "b3", "c1")) store.insert(comment(SITE, id, "kim"), T0);
        store.insert(comment("blog.example", "a1", "kim"), T0);
        assertEquals(Optional.empty(), erase("--site", SITE, "--id", "a3"));
        commands.clearOut();

        assertEquals(Optional.empty(), erase("--site", SITE, "--id", "a1", "--id", "nope", "--id", "a2", "--id", "a3"), commands.err());
        assertEquals("""
                erased: comment "a1" of site "news.example"
                unknown: comment "nope" of site "news.example"
                erased: comment "a2" of site "news.example"
                erased before: comment "a3" of site "news.example"
                erased 2, erased before 1, unknown 1, failed 0 (of 4)
                """, printed());
        assertNotErased(store, "blog.example", "a1");

        commands.clearOut();
        // Blank lines skipped, the others ids exactly (" a4" is not "a4"), CRLF line ends taken as line ends.
        Path ids = file("ids.txt", "b1\r\n\n  \n a4\nb1\n");
        assertEquals(Optional.empty(), erase("--site", SITE, "--ids", ids.toString()), commands.err());
        assertEquals("""
                erased: comment "b1" of site "news.example"
                erased: comment " a4" of site "news.example"
                erased before: comment "b1" of site "news.example"
                erased 2, erased before 1, unknown 0, failed 0 (of 3)
                """, printed());
        assertErased(store, SITE, " a4");
        assertNotErased(store, SITE, "b2");

        commands.clearOut();
        InputStream stdin = System.in;
        System.setIn(new ByteArrayInputStream("b2\nb3\n".getBytes(StandardCharsets.UTF_8)));
        try {
            assertEquals(Optional.empty(), erase("--site", SITE, "--ids", "-"), commands.err());
        } finally {
            System.setIn(stdin);
        }
        assertTrue(printed().endsWith("erased 2, erased before 0, unknown 0, failed 0 (of 2)\n"), printed());
        assertErased(store, SITE, "b3");
        assertNotErased(store, SITE, "c1");
        var history = store.history(store.find(SITE, "b3").orElseThrow().key());
        assertEquals(Decider.OPERATOR, history.get(history.size() - 1).actorKind());
    }

    /** A line as the service's log has it (config.yml's logFormat), as CommentsResource writes it. */
    private static String logged(String site, String id) {
        return "INFO  [2026-12-04 10:00:00,000] " + ErasureLogLine.LOGGER + ": " + new ErasureLogLine(site, id).message("key:1a2b3c4d")
                + " request=r-7";
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void reappliesTheServiceLogsErasuresEachOnItsOwnSiteWithIdsThatHoldQuotesAndLineBreaks(TestDatabases db) throws Exception {
        CommentStore store = store(db);
        // An id that a regular expression over the quotes reads as "x" of site "blog.example".
        String tricky = "x\" of site \"blog.example\" \\ é\n\u2028", other = "blog.example";
        for (String site : List.of(SITE, other))
            for (String id : List.of("x", "k1", "k2", tricky)) store.insert(comment(site, id, "kim"), T0);
        String json = new ObjectMapper().createObjectNode().put("timestamp", 1733306400000L).put("level", "INFO")
                .put("thread", "dw-17").put("logger", ErasureLogLine.LOGGER).put("message", new ErasureLogLine(other, "k2").message("key:9f"))
                .put("requestId", "r-8").toString();
        Path log = file("parley.log", String.join("\n",
                "INFO  [2026-12-04 09:59:59,000] org.parley.service.store.Database: database schema up to date",
                logged(SITE, tricky),
                "127.0.0.1 [04/Dec/2026:10:00:00 +0000] r-7 \"DELETE /v1/comments/k1 HTTP/1.1\" 200 180 12",
                "WARN  [2026-12-04 10:00:01,000] org.parley.service.errors.DatabaseExceptionMapper: erased comment \"k1\" of site \"news.example\"",
                "! java.lang.IllegalStateException: erased comment \"k1\" of site \"news.example\"",
                logged(other, "k1"),
                json,
                "{\"logger\":\"org.parley.service.tasks.RetentionTask\",\"message\":\"erased comment \\\"k1\\\" of site \\\"news.example\\\"\"}",
                logged(SITE, "gone"),
                logged(SITE, tricky)) + "\n");

        assertEquals(Optional.empty(), erase("--from-log", log.toString()), commands.err());
        assertEquals("""
                erased: comment "x\\" of site \\"blog.example\\" \\\\ é\\n\\u2028" of site "news.example"
                erased: comment "k1" of site "blog.example"
                erased: comment "k2" of site "blog.example"
                unknown: comment "gone" of site "news.example"
                erased before: comment "x\\" of site \\"blog.example\\" \\\\ é\\n\\u2028" of site "news.example"
                erased 3, erased before 1, unknown 1, failed 0 (of 5)
                """, printed());
        assertErased(store, SITE, tricky);
        assertErased(store, other, "k1");
        assertErased(store, other, "k2");
        for (String id : List.of("x", "k1", "k2")) assertNotErased(store, SITE, id);
        assertNotErased(store, other, "x");
        assertNotErased(store, other, tricky);
    }

    /** A config for {@code f}'s database whose logging, as a service's could, writes INFO and up to the file {@code log}. */
    private Path loggingConfig(DataSourceFactory f, Path log, String format) throws Exception {
        return loggingConfig(f, log, format, "INFO");
    }

    /** As above, at the logging level {@code level}. */
    private Path loggingConfig(DataSourceFactory f, Path log, String format, String level) throws Exception {
        return Files.writeString(dir.resolve("config-" + format + "-" + level + ".yml"), """
                database:
                  driverClass: %s
                  url: "%s"
                  user: %s
                logFormat: %s
                logging:
                  level: %s
                  loggers:
                    liquibase: WARN
                  appenders:
                    - type: file
                      currentLogFilename: "%s"
                      archive: false
                """.formatted(f.getDriverClass(), f.getUrl(), f.getUser(), format, level, log));
    }

    /**
     * The erasure lines are the record an operator re-applies after a restore, and a {@code logging.level} above INFO
     * wrote none (the forty-third session's follow-up): the operator's logger is kept at INFO, saying so, and the rest of
     * the logging stays where the config puts it.
     */
    @Test
    void theOperatorsErasuresAreLoggedAtALoggingLevelAboveInfo() throws Exception {
        CommentStore store = store(TestDatabases.H2);
        store.insert(comment(SITE, "k1", "kim"), T0);
        Path log = dir.resolve("parley.log");
        config = loggingConfig(source, log, "text", "WARN");
        assertEquals(Optional.empty(), erase("--site", SITE, "--id", "k1"), commands.err());
        String text = Files.readString(log);
        List<String> lines = text.lines().filter(l -> l.startsWith("INFO ")).toList();
        assertEquals(1, lines.size(), text);
        assertEquals(Optional.of(new ErasureLogLine(SITE, "k1")), ErasureLogLine.read(lines.get(0)), lines.get(0));
        assertTrue(text.contains("WARN  ") && text.contains(ErasureLogLine.OPERATOR_LOGGER + " is kept at INFO"), text);
    }

    /** The store of a second database, migrated: a copy restored from a backup taken before the erasures under test. */
    private static CommentStore migrated(DataSourceFactory copy) {
        Jdbi jdbi = Jdbi.create(copy.getUrl(), copy.getUser(), copy.getPassword());
        Database.migrate(jdbi);
        return new CommentStore(jdbi);
    }

    /**
     * A restored copy holds a reply whose stored alsoQuotes entry (comment_quotes, no marker in its quote) names a comment
     * erased after the backup: --from-log's line for that comment clears the entry's name and passage again and takes the
     * passage out of the reply's quote, as the erasure did on the original; the reply's other entry stays.
     */
    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void fromLogClearsARestoredRepliesStoredEntriesNamingAnErasedComment(TestDatabases db) throws Exception {
        DataSourceFactory copy = db.fresh(dir);
        CommentStore store = store(db), restored = migrated(copy);
        String dana = "You are all idiots.", quote = "Putin is right.\n\n" + dana + "\n\nFrank's.";
        NewComment reply = new NewComment("r1", "a1", null, 9, null, 6, "kim", "Calm down.", quote, null, null, new float[Attribute.COUNT],
                Attribute.TOXICITY, "[]", null, new StoredComment.ModelRef("m", "v1", "sum"), Action.PUBLISH, null, "Seqenenre", null,
                SITE, 0f, List.of(new AlsoQuoted("d5", null, "Dana Smith", dana), new AlsoQuoted(null, 7, "Frank", "Frank's.")));
        for (CommentStore s : List.of(store, restored)) { // the copy: a backup taken before the erasure below
            s.insert(comment(SITE, "d5", "Dana Smith"), T0);
            s.insert(reply, T0);
        }
        Path log = dir.resolve("parley.log");
        config = loggingConfig(source, log, "text");
        assertEquals(Optional.empty(), erase("--site", SITE, "--id", "d5"), commands.err());
        List<AlsoQuoted> cleared = List.of(new AlsoQuoted("d5", null, null, null), new AlsoQuoted(null, 7, "Frank", "Frank's."));
        assertEquals(cleared, store.alsoQuotes(CommentStore.key(SITE, "r1")), "the original, erased");
        assertEquals(dana, restored.alsoQuotes(CommentStore.key(SITE, "r1")).get(0).passage(), "the copy holds it again");

        commands.clearOut();
        config = loggingConfig(copy, dir.resolve("copy.log"), "text");
        assertEquals(Optional.empty(), erase("--from-log", log.toString()), commands.err());
        assertTrue(printed().endsWith("erased 1, erased before 0, unknown 0, failed 0 (of 1)\n"), printed());
        assertErased(restored, SITE, "d5");
        assertEquals(cleared, restored.alsoQuotes(CommentStore.key(SITE, "r1")));
        StoredComment r1 = restored.find(SITE, "r1").orElseThrow();
        assertEquals(store.find(SITE, "r1").orElseThrow().quote(), r1.quote(), "as on the original");
        assertFalse(r1.quote().contains(dana), r1.quote());
        assertTrue(r1.quote().contains("Frank's."), r1.quote());
    }

    /**
     * The operator's erasures, by --author, --id and --ids, each logged through the config's logging as a site's DELETE
     * is, a line a comment (no author), so that --from-log re-applies them to a copy restored from a backup older than
     * them, in text and in JSON; a comment --id finds erased before is logged again, said to be a repeat
     * ({@link #aRunAgainAfterAnErasureCommittedAsTheConnectionBrokeLogsTheErasure}). Until the forty-third session
     * scripts/erase logged none: the restored copy kept them.
     */
    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void theOperatorsErasuresAreLoggedAndReappliedFromTheLogToARestoredCopy(TestDatabases db) throws Exception {
        DataSourceFactory copy = db.fresh(dir);
        CommentStore store = store(db), restored = migrated(copy);
        for (CommentStore s : List.of(store, restored)) { // the copy: a backup taken before the erasures below
            for (String id : List.of("d1", "d2")) s.insert(comment(SITE, id, "dana"), T0);
            for (String id : List.of("k1", "k2", "k3", "k4")) s.insert(comment(SITE, id, "kim"), T0);
            s.insert(comment("blog.example", "d1", "dana"), T0);
        }
        Path log = dir.resolve("parley.log"), json = dir.resolve("parley.json.log");
        config = loggingConfig(source, log, "text");

        assertEquals(Optional.empty(), erase("--site", SITE, "--author", "dana"), commands.err());
        assertEquals(Optional.empty(), erase("--site", SITE, "--id", "k1"), commands.err());
        assertEquals(Optional.empty(), erase("--site", SITE, "--id", "k1"), commands.err()); // erased before: logged again
        assertEquals(Optional.empty(), erase("--site", SITE, "--id", "k2", "--id", "k1", "--id", "nope"), commands.err()); // k1 again
        String text = Files.readString(log), user = System.getProperty("user.name");
        List<String> lines = text.lines().filter(l -> l.contains("erased comment")).toList();
        List<String> ids = List.of("d1", "d2", "k1", "k1", "k2", "k1"), said = List.of("", "", "", ErasureLogLine.AGAIN, "", ErasureLogLine.AGAIN);
        assertEquals(ids.size(), lines.size(), text);
        for (int i = 0; i < ids.size(); i++)
            assertTrue(lines.get(i).matches("INFO  \\[[-0-9 :,]+\\] " + java.util.regex.Pattern.quote(ErasureLogLine.OPERATOR_LOGGER
                    + ": erased comment \"" + ids.get(i) + "\" of site \"news.example\" (the operator's scripts/erase, by " + user + said.get(i) + "): ")
                    + ".*"), lines.get(i));
        assertFalse(text.contains("dana"), "the author is not logged: " + text);

        // JSON (PARLEY_LOG_FORMAT=json): the same message, under the logger's name.
        config = loggingConfig(source, json, "json");
        assertEquals(Optional.empty(), erase("--site", SITE, "--ids", file("ids.txt", "k3\n").toString()), commands.err());
        var logged = new ObjectMapper().readTree(Files.readString(json).lines().filter(l -> l.contains("erased comment")).findFirst().orElseThrow());
        assertEquals(ErasureLogLine.OPERATOR_LOGGER, logged.get("logger").asText());
        assertEquals(new ErasureLogLine(SITE, "k3").operatorMessage(user), logged.get("message").asText());

        commands.clearOut();
        config = loggingConfig(copy, dir.resolve("copy.log"), "text");
        InputStream stdin = System.in;
        System.setIn(new ByteArrayInputStream((Files.readString(log) + Files.readString(json)).getBytes(StandardCharsets.UTF_8)));
        try {
            assertEquals(Optional.empty(), erase("--from-log", "-"), commands.err());
        } finally {
            System.setIn(stdin);
        }
        // k1's two repeats read as its erasure again, found erased before.
        assertTrue(printed().endsWith("erased 5, erased before 2, unknown 0, failed 0 (of 7)\n"), printed());
        for (String id : List.of("d1", "d2", "k1", "k2", "k3")) assertErased(restored, SITE, id);
        assertNotErased(restored, SITE, "k4");
        assertEquals("dana", restored.find("blog.example", "d1").orElseThrow().author(), "another site's dana");
    }

    /** The erasures a log file records, as --from-log reads them, in order. */
    private static List<ErasureLogLine> erasures(Path log) throws Exception {
        return Files.readAllLines(log).stream().map(ErasureLogLine::read).flatMap(Optional::stream).toList();
    }

    /**
     * A database outage audit (forty-eighth session), scripts/erase's share of the hole a site's DELETE had: an --id or
     * --ids run whose erasure committed as its connection broke failed (for --ids its line {@code failed:}) and logged
     * nothing, and run again it found the comment erased before and logged nothing either, so the erasure log, the one
     * record a restore re-applies, lacked the erasure. A run again logged it from then on; since the sixty-first
     * session the line is written before the commit, so the broken run has logged it, and a run again logs a repeat
     * ({@link ErasureLogLine#AGAIN}). --from-log re-applies them to a copy restored from a backup older than them. The
     * commit breaks in the JDBC connection ({@link CommitThenBreakDriver}).
     */
    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void anErasureCommittedAsTheConnectionBrokeHasItsLineAndARunAgainLogsARepeat(TestDatabases db) throws Exception {
        DataSourceFactory copy = db.fresh(dir);
        CommentStore store = store(db), restored = migrated(copy);
        for (CommentStore s : List.of(store, restored)) // the copy: a backup taken before the erasures below
            for (String id : List.of("k1", "k2", "k3")) s.insert(comment(SITE, id, "kim"), T0);
        Path log = dir.resolve("parley.log"), ids = file("ids.txt", "k2\nk3\n");
        config = loggingConfig(CommitThenBreakDriver.breaking(source), log, "text");

        CommitThenBreakDriver.arm(source, 1);
        Optional<Throwable> failed = erase("--site", SITE, "--id", "k1");
        assertTrue(failed.isPresent() && !(failed.get() instanceof ArgumentParserException), "exit 1: " + failed);
        assertTrue(commands.err().contains("erase: An I/O error occurred while sending to the backend; it may be done all the same, if the"
                + " connection broke as it committed: its erasure line was written before the commit, so the erasure log has it"
                + " either way; run it again to know (erased before, if it committed)"), commands.err());
        CommitThenBreakDriver.arm(source, 1);
        failed = erase("--site", SITE, "--ids", ids.toString());
        assertTrue(failed.isPresent() && !(failed.get() instanceof ArgumentParserException), "exit 1: " + failed);
        assertEquals("""
                failed: comment "k2" of site "news.example": An I/O error occurred while sending to the backend
                erased: comment "k3" of site "news.example"
                erased 1, erased before 0, unknown 0, failed 1 (of 2)
                """, printed());
        assertTrue(commands.err().contains("; run those again: one that committed all the same as its connection broke is then erased"
                + " before, and logged"), commands.err());
        for (String id : List.of("k1", "k2", "k3")) assertErased(store, SITE, id); // committed all the same
        List<ErasureLogLine> kim = List.of("k1", "k2", "k3").stream().map(id -> new ErasureLogLine(SITE, id)).toList();
        assertEquals(kim, erasures(log), "the two that broke, logged before their commits");

        commands.clearOut();
        assertEquals(Optional.empty(), erase("--site", SITE, "--id", "k1"), commands.err());
        assertEquals(Optional.empty(), erase("--site", SITE, "--ids", ids.toString()), commands.err());
        assertTrue(printed().endsWith("erased 0, erased before 2, unknown 0, failed 0 (of 2)\n"), printed());
        assertEquals(java.util.stream.Stream.concat(kim.stream(), kim.stream()).toList(), erasures(log), "each found erased before, logged again");
        List<String> again = Files.readAllLines(log).stream().filter(l -> l.contains(ErasureLogLine.AGAIN)).toList();
        assertEquals(3, again.size(), again.toString());
        assertTrue(again.get(0).endsWith(ErasureLogLine.OPERATOR_LOGGER + ": "
                + new ErasureLogLine(SITE, "k1").operatorAgainMessage(System.getProperty("user.name"))), again.get(0));

        commands.clearOut();
        config = loggingConfig(copy, dir.resolve("copy.log"), "text");
        assertEquals(Optional.empty(), erase("--from-log", log.toString()), commands.err());
        assertEquals("""
                erased: comment "k1" of site "news.example"
                erased: comment "k2" of site "news.example"
                erased: comment "k3" of site "news.example"
                erased before: comment "k1" of site "news.example"
                erased before: comment "k2" of site "news.example"
                erased before: comment "k3" of site "news.example"
                erased 3, erased before 3, unknown 0, failed 0 (of 6)
                """, printed());
        for (String id : List.of("k1", "k2", "k3")) assertErased(restored, SITE, id);
        assertEquals(kim, erasures(dir.resolve("copy.log")), "--from-log logs no repeat: its lines are in the log already");
    }

    /**
     * --author's share of the same hole, closed in the sixty-first session: its erasure committed as the connection broke,
     * and a second run finds no comment of the author (erased, they keep none) and can log none; until then the failure
     * said to keep the site and author with the backups. Its lines are written before the commit now, and --from-log
     * re-applies them to a restored copy, where the author's comments are whole again.
     */
    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void anAuthorsRunWhoseErasureCommittedAsTheConnectionBrokeHasItsLines(TestDatabases db) throws Exception {
        DataSourceFactory copy = db.fresh(dir);
        CommentStore store = store(db), restored = migrated(copy);
        for (CommentStore s : List.of(store, restored))
            for (String id : List.of("d1", "d2")) s.insert(comment(SITE, id, "dana"), T0);
        Path log = dir.resolve("parley.log");
        config = loggingConfig(CommitThenBreakDriver.breaking(source), log, "text");

        CommitThenBreakDriver.arm(source, 1);
        Optional<Throwable> failed = erase("--site", SITE, "--author", "dana");
        assertTrue(failed.isPresent() && !(failed.get() instanceof ArgumentParserException), "exit 1: " + failed);
        assertTrue(commands.err().contains("erase: An I/O error occurred while sending to the backend; it may be done all the same, if the"
                + " connection broke as it committed: their erasure lines were written before the commit, so the erasure log"
                + " has them either way, for a restore to re-apply; run it again to know (it finds none if it committed: an"
                + " erased comment keeps no author)"), commands.err());
        for (String id : List.of("d1", "d2")) assertErased(store, SITE, id);
        List<ErasureLogLine> dana = List.of(new ErasureLogLine(SITE, "d1"), new ErasureLogLine(SITE, "d2"));
        assertEquals(dana, erasures(log), "logged before the commit");
        assertEquals(Optional.empty(), erase("--site", SITE, "--author", "dana"), commands.err());
        assertEquals("erased 0 comments of site news.example by 'dana'\n", printed());

        config = loggingConfig(copy, dir.resolve("copy.log"), "text");
        assertEquals(Optional.empty(), erase("--from-log", log.toString()), commands.err());
        for (String id : List.of("d1", "d2")) assertErased(restored, SITE, id);
    }

    /**
     * config.yml's erasure log (forty-fourth session): the operator's erasures go to its operator-YYYY-MM.log, which holds
     * them alone (not the migration's or any other line the run writes), and --from-log given the directory, the
     * service's sites.log and archives beside them, re-applies exactly those to a restored copy. Until then they were on
     * scripts/erase's standard output and in whatever main log the config named.
     */
    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void theOperatorsErasuresGoToTheErasureLogWhichFromLogReadsWhole(TestDatabases db) throws Exception {
        DataSourceFactory copy = db.fresh(dir);
        CommentStore store = store(db), restored = migrated(copy);
        for (CommentStore s : List.of(store, restored)) {
            for (String id : List.of("k1", "k2", "k3", "s1", "s2")) s.insert(comment(SITE, id, "kim"), T0);
            s.insert(comment("blog.example", "k1", "kim"), T0);
        }
        Path erasures = dir.resolve("erasures"), main = dir.resolve("parley.log");
        config = erasureLogConfig(source, erasures, main, "parley-config.yml");

        assertEquals(Optional.empty(), erase("--site", SITE, "--id", "k1"), commands.err());
        assertEquals(Optional.empty(), erase("--site", SITE, "--id", "k2", "--id", "k1", "--id", "nope"), commands.err());
        String month = java.time.YearMonth.now(java.time.ZoneOffset.UTC).toString();
        Path operator = erasures.resolve("operator-" + month + ".log");
        List<String> lines = Files.readAllLines(operator);
        assertEquals(List.of(new ErasureLogLine(SITE, "k1"), new ErasureLogLine(SITE, "k2"), new ErasureLogLine(SITE, "k1")), // k1 again
                lines.stream().map(l -> ErasureLogLine.read(l).orElseThrow(() -> new AssertionError("not an erasure line: " + l))).toList());
        String mainLog = Files.readString(main);
        assertTrue(mainLog.contains("org.parley.service.store.Database: ") && lines.stream().allMatch(mainLog::contains),
                "the main log has the erasure lines too, and the rest: " + mainLog);
        assertEquals(0, Files.size(erasures.resolve("sites.log")), "the service's file, opened by this process too, unwritten");

        // What the service wrote beside it: sites.log and a month's archive.
        Files.writeString(erasures.resolve("sites.log"), logged(SITE, "s1") + "\n");
        try (var gz = new java.util.zip.GZIPOutputStream(Files.newOutputStream(erasures.resolve("sites-2026-11.log.gz")))) {
            gz.write((logged("blog.example", "k1") + "\n").getBytes(StandardCharsets.UTF_8));
        }
        Path older = file("parley-2026-10.log", logged(SITE, "s2") + "\n"); // and a main log of before the erasure log

        commands.clearOut();
        config = erasureLogConfig(copy, dir.resolve("copy-erasures"), dir.resolve("copy.log"), "copy-config.yml");
        assertEquals(Optional.empty(), erase("--from-log", erasures.toString(), older.toString()), commands.err());
        assertEquals("""
                erased: comment "k1" of site "news.example"
                erased: comment "k2" of site "news.example"
                erased before: comment "k1" of site "news.example"
                erased: comment "k1" of site "blog.example"
                erased: comment "s1" of site "news.example"
                erased: comment "s2" of site "news.example"
                erased 5, erased before 1, unknown 0, failed 0 (of 6)
                """, printed());
        for (String id : List.of("k1", "k2", "s1", "s2")) assertErased(restored, SITE, id);
        assertErased(restored, "blog.example", "k1");
        assertNotErased(restored, SITE, "k3");
        assertEquals(5, Files.readAllLines(dir.resolve("copy-erasures").resolve("operator-" + month + ".log")).size(),
                "the copy's erasure log holds them again, for a later restore; --from-log logs no repeat, its lines are in the log");
    }

    /**
     * The operator's past months are compressed as the service's are, at scripts/erase's start: until the forty-fifth
     * session operator-YYYY-MM.log stayed plain text for good. An empty month (the service's idle file) goes; this
     * month's stays open for writing, and --from-log reads the archive back.
     */
    @Test
    void theOperatorsPastMonthsAreCompressedAtTheScriptsStartAndReadBack() throws Exception {
        CommentStore store = store(TestDatabases.H2);
        store.insert(comment(SITE, "k1", "kim"), T0);
        Path erasures = Files.createDirectories(dir.resolve("erasures"));
        String before = "INFO  [2001-01-31 23:59:59,000] " + ErasureLogLine.OPERATOR_LOGGER + ": "
                + new ErasureLogLine("blog.example", "old").operatorMessage("ops");
        Files.writeString(erasures.resolve("operator-2001-01.log"), before + "\n");
        Files.createFile(erasures.resolve("operator-2001-02.log"));
        config = erasureLogConfig(source, erasures, dir.resolve("parley.log"), "parley-config.yml");

        assertEquals(Optional.empty(), erase("--site", SITE, "--id", "k1"), commands.err());
        String month = java.time.YearMonth.now(java.time.ZoneOffset.UTC).toString();
        try (var files = Files.list(erasures)) {
            assertEquals(List.of("operator-2001-01.log.gz", "operator-" + month + ".log", "sites.log"),
                    files.map(f -> f.getFileName().toString()).sorted().toList());
        }
        try (var in = new java.util.zip.GZIPInputStream(Files.newInputStream(erasures.resolve("operator-2001-01.log.gz")))) {
            assertEquals(before + "\n", new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        assertEquals(List.of(new ErasureList.Target("blog.example", "old"), new ErasureList.Target(SITE, "k1")),
                ErasureList.log(List.of(erasures.toString())));
    }

    /**
     * A full disk audit (forty-eighth session): a site's DELETE is refused while the erasure log has no room, and
     * scripts/erase erased all the same, its lines lost as quietly as the sites' were (logback's appender says nothing).
     * Every mode that erases (--from-log too: what it re-applies is logged again, for a later restore) now refuses first,
     * exit 1, naming the directory and its free bytes, and erases nothing; with room, the same run erases.
     */
    @Test
    void everyModeRefusesToEraseWhileTheErasureLogHasNoRoom() throws Exception {
        CommentStore store = store(TestDatabases.H2);
        for (String id : List.of("k1", "k2", "k3")) store.insert(comment(SITE, id, "kim"), T0);
        Path erasures = dir.resolve("erasures");
        config = erasureLogConfig(source, erasures, dir.resolve("parley.log"), "parley-config.yml");
        Path ids = file("ids.txt", "k1\nk2\n"), log = file("sites.log", logged(SITE, "k3") + "\n");
        String[][] modes = {{"--site", SITE, "--id", "k1"}, {"--site", SITE, "--id", "k1", "--id", "k2"},
                {"--site", SITE, "--ids", ids.toString()}, {"--site", SITE, "--author", "kim"}, {"--from-log", log.toString()}};
        var usable = EraseCommand.usable;
        EraseCommand.usable = d -> 4096;
        try {
            for (String[] mode : modes) {
                Optional<Throwable> failed = erase(mode);
                assertTrue(failed.isPresent() && !(failed.get() instanceof ArgumentParserException), String.join(" ", mode) + ": exit 1, " + failed);
                assertTrue(commands.err().endsWith("erase: erased nothing: the erasure log " + erasures + " is full (4096 bytes free,"
                        + " under 1048576), and an erasure with no line there would come back with a restore; run it again once it has room\n"),
                        commands.err());
                for (String id : List.of("k1", "k2", "k3")) assertNotErased(store, SITE, id);
            }
        } finally {
            EraseCommand.usable = usable;
        }
        String month = java.time.YearMonth.now(java.time.ZoneOffset.UTC).toString();
        assertEquals(List.of(), erasures(erasures.resolve("operator-" + month + ".log")));
        assertEquals("", printed());

        assertEquals(Optional.empty(), erase("--from-log", log.toString()), commands.err()); // room again (the real disk's)
        assertErased(store, SITE, "k3");
        assertEquals(List.of(new ErasureLogLine(SITE, "k3")), erasures(erasures.resolve("operator-" + month + ".log")));
    }

    /**
     * An erasure whose line the erasure log does not take (the disk filled after the room was checked: the operator's file
     * is /dev/full here) is rolled back and fails the run, saying so: --id erases nothing, --ids stops at it and tries
     * no more, --author erases none of the author's comments. Run again with room, each is erased and logged. A comment
     * erased before whose repeat line is not taken stays erased, and the run says so. Until the fifty-ninth session
     * logback kept the failed write quiet and the run said "erased"; until the sixty-first the line came after the
     * commit, so the comment was erased with no line until a run again logged it (--author's could not: a second run
     * finds no author on an erased comment).
     */
    @Test
    void anErasureWhoseLineIsNotWrittenIsRolledBackAndTheRunSaysSo() throws Exception {
        Path full = Path.of("/dev/full");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isWritable(full), "no /dev/full here");
        CommentStore store = store(TestDatabases.H2);
        for (String id : List.of("k1", "k2", "k3", "k4", "k5")) store.insert(comment(SITE, id, "kim"), T0);
        Path erasures = Files.createDirectories(dir.resolve("erasures"));
        config = erasureLogConfig(source, erasures, dir.resolve("parley.log"), "parley-config.yml");
        Path operator = erasures.resolve("operator-" + java.time.YearMonth.now(java.time.ZoneOffset.UTC) + ".log");
        Files.createSymbolicLink(operator, full);
        java.util.function.Supplier<String> said = () -> commands.err().lines().reduce((first, last) -> last).orElse(""); // the run's
        String not = "line was not written (the erasure log " + operator + " does not hold the line it was given";
        String room = "run it again once the erasure log has room";

        assertTrue(erase("--site", SITE, "--id", "k1").isPresent());
        assertTrue(said.get().startsWith("erase: erased nothing: the erasure line of comment \"k1\" of site " + SITE + " was not written ("),
                said.get());
        assertTrue(said.get().contains(" was not written (the erasure log " + operator + " does not hold the line it was given")
                && said.get().endsWith("), so it was not erased; " + room), said.get());
        assertNotErased(store, SITE, "k1");

        assertTrue(erase("--site", SITE, "--id", "k2", "--id", "k3").isPresent());
        assertTrue(said.get().startsWith("erase: comment \"k2\" of site \"" + SITE + "\" was not erased: its erasure " + not), said.get());
        assertTrue(said.get().endsWith("); stopped there, the comments after it not tried: " + room), said.get());
        assertNotErased(store, SITE, "k2");
        assertNotErased(store, SITE, "k3");

        assertTrue(erase("--site", SITE, "--author", "kim").isPresent());
        assertTrue(said.get().startsWith("erase: erased nothing: an erasure line of site " + SITE + "'s comments by 'kim' was not"
                + " written (the erasure log " + operator), said.get());
        assertTrue(said.get().endsWith("), so none of them was erased; " + room), said.get());
        for (String id : List.of("k1", "k2", "k3", "k4", "k5")) assertNotErased(store, SITE, id);

        Files.delete(operator); // room again
        assertEquals(Optional.empty(), erase("--site", SITE, "--author", "kim"), commands.err());
        List<String> lines = Files.readAllLines(operator);
        assertEquals(List.of("k1", "k2", "k3", "k4", "k5"), lines.stream().map(l -> ErasureLogLine.read(l).orElseThrow().id()).toList());
        assertTrue(lines.stream().noneMatch(l -> l.contains(ErasureLogLine.AGAIN)), lines.toString());
        for (String id : List.of("k1", "k2", "k3", "k4", "k5")) assertErased(store, SITE, id);

        Files.delete(operator);
        Files.createSymbolicLink(operator, full);
        assertTrue(erase("--site", SITE, "--id", "k1").isPresent());
        assertTrue(said.get().startsWith("erase: comment \"k1\" of site " + SITE + " was erased before, but its erasure line was not"
                + " written again (the erasure log " + operator), said.get());
        assertTrue(said.get().endsWith("): " + room), said.get());
        assertTrue(erase("--site", SITE, "--id", "k1", "--id", "k2").isPresent());
        assertTrue(said.get().startsWith("erase: comment \"k1\" of site \"" + SITE + "\" was erased before, but its erasure line"
                + " was not written again ("), said.get());
        assertErased(store, SITE, "k1");
    }

    /** {@code f}'s database, a main log file at INFO ({@link #loggingConfig}), and config.yml's erasure log in {@code erasures}. */
    private Path erasureLogConfig(DataSourceFactory f, Path erasures, Path main, String name) throws Exception {
        var tree = (com.fasterxml.jackson.databind.node.ObjectNode) org.parley.service.ErasureLogs.YAML
                .readTree(loggingConfig(f, main, "text").toFile());
        org.parley.service.ErasureLogs.withErasureLog(tree, erasures);
        return Files.writeString(dir.resolve(name), org.parley.service.ErasureLogs.YAML.writeValueAsString(tree));
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void refusesBadInputWithExitTwoBeforeErasingAnything(TestDatabases db) throws Exception {
        CommentStore store = store(db);
        store.insert(comment(SITE, "k1", "kim"), T0);
        String tooLong = "k".repeat(201);
        String[][] cases = {
                {"erase: --ids " + dir.resolve("empty.txt") + " holds no id (one a line)", "--site", SITE, "--ids", file("empty.txt", "").toString()},
                {"erase: --ids " + dir.resolve("blank.txt") + " holds no id (one a line)", "--site", SITE, "--ids", file("blank.txt", "\n \n").toString()},
                {"erase: --ids " + dir.resolve("long.txt") + ": line 2: an id is at most 200 characters (this one 201)",
                        "--site", SITE, "--ids", file("long.txt", "k1\n" + tooLong + "\n").toString()},
                {"erase: --ids: " + dir.resolve("missing.txt") + ": no such file or directory", "--site", SITE, "--ids", dir.resolve("missing.txt").toString()},
                {"erase: --ids: " + dir.resolve("latin1.txt") + " is not UTF-8 text", "--site", SITE, "--ids",
                        Files.write(dir.resolve("latin1.txt"), new byte[]{'k', '1', '\n', (byte) 0xe9, '\n'}).toString()},
                {"erase: --id: an id is at most 200 characters (this one 201)", "--site", SITE, "--id", "k1", "--id", tooLong},
                {"erase: --id: an id must not be blank", "--site", SITE, "--id", "k1", "--id", " "},
                {"argument --ids: not allowed with argument --author\nusage: scripts/erase", "--site", SITE, "--author", "kim", "--ids", "x.txt"},
                {"argument --site: not allowed with argument --from-log (its lines name their sites)\nusage: scripts/erase",
                        "--site", SITE, "--from-log", "x.log"},
                {"erase: --from-log " + dir.resolve("other.log") + " holds no line 'erased comment \"ID\" of site \"SITE\"' of the service's log"
                        + " (1 lines): nothing to re-apply, or not the service's log",
                        "--from-log", file("other.log", "127.0.0.1 \"DELETE /v1/comments/k1 HTTP/1.1\" 200\n").toString()},
                {"erase: --from-log " + dir.resolve("cut.log") + ": line 2: not an erasure line",
                        "--from-log", file("cut.log", logged(SITE, "k1") + "\n" + logged(SITE, "k2").substring(0, 112) + "\n").toString()},
                {"erase: --from-log " + dir.resolve("journal.log") + ": line 2: an erasure line must begin as the service writes it",
                        "--from-log", file("journal.log", logged(SITE, "k1") + "\nDec 04 10:00:00 host parley[12]: " + logged(SITE, "k1")).toString()}};
        for (String[] c : cases) {
            Optional<Throwable> failed = erase(java.util.Arrays.copyOfRange(c, 1, c.length));
            assertInstanceOf(ArgumentParserException.class, failed.orElse(null), String.join(" ", c) + ": exit 2\n" + commands.err());
            assertTrue(commands.err().contains(c[0]), c[0] + "\n" + commands.err());
            assertFalse(commands.err().contains("\tat "), commands.err());
            assertNotErased(store, SITE, "k1");
        }
    }

    /**
     * --since skips the erasure lines written before it, by their time (text or JSON), so that years of erasures need not
     * be re-applied after a recent backup, a transaction each; a line whose time it cannot read is refused, as are a bad
     * --since and one without --from-log. Until the forty-fifth session --from-log re-applied every line it was given.
     */
    @Test
    void sinceSkipsTheErasureLinesWrittenBeforeIt() throws Exception {
        CommentStore store = store(TestDatabases.H2);
        for (String id : List.of("k1", "k2", "k3", "k4")) store.insert(comment(SITE, id, "kim"), T0);
        String json = "{\"timestamp\":" + java.time.Instant.parse("2026-11-15T00:00:00Z").toEpochMilli() + ",\"level\":\"INFO\",\"logger\":\""
                + ErasureLogLine.LOGGER + "\",\"message\":" + new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(
                new ErasureLogLine(SITE, "k3").message("key:1a2b3c4d")) + "}";
        Path log = file("parley.log", logged(SITE, "k1").replace("2026-12-04 10:00:00,000", "2026-10-31 23:59:59,999") + "\n"
                + logged(SITE, "k2").replace("2026-12-04 10:00:00,000", "2026-11-01 00:00:00,000") + "\n" + json + "\n"
                + "{\"timestamp\":1,\"logger\":\"other\",\"message\":\"not one\"}\n");

        assertEquals(Optional.empty(), erase("--from-log", log.toString(), "--since", "2026-11"), commands.err());
        assertEquals("""
                --since 2026-11-01T00:00:00Z: skipped 1 erasure line written before it
                erased: comment "k2" of site "news.example"
                erased: comment "k3" of site "news.example"
                erased 2, erased before 0, unknown 0, failed 0 (of 2)
                """, printed());
        assertNotErased(store, SITE, "k1");
        assertErased(store, SITE, "k2");
        assertErased(store, SITE, "k3");
        commands.clearOut();
        assertEquals(Optional.empty(), erase("--since", "2026-11-15", "--from-log", log.toString()), commands.err());
        assertTrue(printed().startsWith("--since 2026-11-15T00:00:00Z: skipped 2 erasure lines written before it\n"
                + "erased before: comment \"k3\" of site \"news.example\"\n"), printed());

        String[][] refused = {
                {"erase: --from-log " + dir.resolve("untimed.log") + ": line 1: --since cannot tell when this erasure line was written",
                        "--from-log", file("untimed.log", logged(SITE, "k4").replace("[2026-12-04 10:00:00,000]", "[04/Dec/2026]")).toString(),
                        "--since", "2026-11"},
                {"erase: argument --since: '2026-13' is no month YYYY-MM or day YYYY-MM-DD", "--from-log", log.toString(), "--since", "2026-13"},
                {"argument --since: only with argument --from-log", "--site", SITE, "--id", "k4", "--since", "2026-11"}};
        for (String[] c : refused) {
            Optional<Throwable> failed = erase(java.util.Arrays.copyOfRange(c, 1, c.length));
            assertInstanceOf(ArgumentParserException.class, failed.orElse(null), String.join(" ", c) + ": exit 2\n" + commands.err());
            assertTrue(commands.err().contains(c[0]), c[0] + "\n" + commands.err());
            assertNotErased(store, SITE, "k4");
        }
    }

    /**
     * The full disk of the forty-eighth session's audit: {@code s20}'s line cut, {@code s21}–{@code s39}'s lost, and
     * {@code s40}'s written glued to the cut one. --from-log refused the directory at it until then, exit 2 ({@code line
     * 13: not an erasure line}), and re-applied nothing; where the cut fell after the site, it erased {@code s20} and lost
     * {@code s40} unsaid. Now every whole line's erasure is re-applied, the cut one's where its id and site are whole, the
     * cut lines are counted and named, and the run exits 3 (ReviewNeeded). Cut in the time, the marker, the id, the
     * site, and after the site.
     */
    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void aCutErasureLineGluedToTheNextIsNamedAndTheWholeLinesAreReapplied(TestDatabases db) throws Exception {
        CommentStore store = store(db);
        Path erasures = Files.createDirectories(dir.resolve("erasures"));
        for (String where : List.of("time", "marker", "id", "site", "after the site")) {
            commands.clearOut();
            String s19 = "s19 " + where, s20 = "s20 " + where, s40 = "s40 " + where, s41 = "s41 " + where;
            for (String id : List.of(s19, s20, s40, s41)) store.insert(comment(SITE, id, "kim"), T0);
            String cut = logged(SITE, s20);
            String text = cut.substring(0, switch (where) {
                case "time" -> 20;
                case "marker" -> cut.indexOf("erased comment") + 5;
                case "id" -> cut.indexOf(s20) + 3;
                case "site" -> cut.indexOf("news.example") + 4;
                default -> cut.indexOf("news.example\"") + 20;
            });
            Files.writeString(erasures.resolve("sites.log"), logged(SITE, s19) + "\n" + text + logged(SITE, s40) + "\n");
            Files.writeString(erasures.resolve("operator-2026-12.log"), "");
            Files.writeString(erasures.resolve("sites-2026-11.log"), logged(SITE, s41) + "\n" + text);   // a month rolled cut

            Optional<Throwable> failed = erase("--from-log", erasures.toString());
            assertInstanceOf(ReviewNeeded.class, failed.orElse(null), text + "\n" + commands.err());
            assertEquals(3, org.parley.service.ParleyApplication.exitCode(failed.get()));
            for (String id : List.of(s19, s40, s41)) assertErased(store, SITE, id);
            if (where.equals("after the site")) assertErased(store, SITE, s20);
            else assertNotErased(store, SITE, s20);
            String said = where.equals("after the site") ? "its id and site are whole, re-applied (comment \"" + s20 + "\" of site \"news.example\")"
                    : where.equals("site") ? "comment \"" + s20 + "\", its site cut: not re-applied"
                    : where.equals("id") ? "its id cut: not re-applied" : "cut before its id: not re-applied";
            assertTrue(printed().contains("cut lines 2 (a write that failed half-way, on a full disk: lines near them may be lost):\n"
                    + "cut: --from-log " + erasures.resolve("sites-2026-11.log") + ": line 2: cut short " + ErasureLogLine.quoted(text) + ": " + said + "\n"
                    + "cut: --from-log " + erasures.resolve("sites.log") + ": line 2: cut short " + ErasureLogLine.quoted(text) + ": " + said + "\n"),
                    where + "\n" + printed());
            assertTrue(commands.err().contains("erase: re-applied every whole erasure line; the logs hold 2 cut erasure lines (the lines"
                    + " 'cut:' above): erase by hand what a cut one names whose site or id is cut"), commands.err());
        }
    }

    /** An id whose erasure fails in the database (a constraint here) is said, the others are erased, and the run exits 1. */
    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void anIdThatFailsForAnotherReasonIsSaidTheRestAreErasedAndTheRunFails(TestDatabases db) throws Exception {
        CommentStore store = store(db);
        for (String id : List.of("k1", "k2", "k3")) store.insert(comment(SITE, id, "kim"), T0);
        jdbi.useHandle(h -> h.execute("ALTER TABLE comments ADD CONSTRAINT no_erasing_k2 CHECK (local_id <> 'k2' OR status <> 'ERASED')"));

        Optional<Throwable> failed = erase("--site", SITE, "--ids", file("ids.txt", "k1\nk2\nk3\n").toString());
        assertTrue(failed.isPresent() && !(failed.get() instanceof ArgumentParserException), "exit 1: " + failed);
        assertTrue(printed().startsWith("erased: comment \"k1\" of site \"news.example\"\nfailed: comment \"k2\" of site \"news.example\": "), printed());
        assertTrue(printed().endsWith("erased: comment \"k3\" of site \"news.example\"\nerased 2, erased before 0, unknown 0, failed 1 (of 3)\n"), printed());
        assertTrue(commands.err().contains("erase: 1 of 3 failed (the lines 'failed:' above); the rest are done"), commands.err());
        assertErased(store, SITE, "k1");
        assertErased(store, SITE, "k3");
        assertNotErased(store, SITE, "k2");
    }
}
