package org.parley.service.cli;

import io.dropwizard.db.DataSourceFactory;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.parley.label.Attribute;
import org.parley.policy.Action;
import org.parley.service.JarCommands;
import org.parley.service.moderation.Decider;
import org.parley.service.moderation.NewComment;
import org.parley.service.moderation.Status;
import org.parley.service.moderation.StoredComment;
import org.parley.service.store.CommentStore;
import org.parley.service.store.Database;
import org.parley.service.store.TestDatabases;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.*;

/** {@code java -jar parley-service.jar erase CONFIG --site SITE --author NAME | --id ID}, as scripts/erase runs it, on both databases. */
class EraseCommandTest {
    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");
    private static final String SITE = "news.example";

    @TempDir Path dir;
    private final JarCommands commands = new JarCommands();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private Path config;

    private static NewComment comment(String site, String id, String author) {
        float[] s = new float[Attribute.COUNT];
        return new NewComment(id, "a1", null, null, null, null, author, "text of " + id, null, null, null, s, Attribute.TOXICITY,
                "[]", null, new StoredComment.ModelRef("m", "v1", "sum"), Action.PUBLISH, null, null, null, site);
    }

    private CommentStore store(TestDatabases db) throws Exception {
        DataSourceFactory f = db.fresh(dir);
        config = Files.writeString(dir.resolve("config.yml"), """
                database:
                  driverClass: %s
                  url: "%s"
                  user: %s
                logging:
                  level: WARN
                """.formatted(f.getDriverClass(), f.getUrl(), f.getUser()));
        Jdbi jdbi = Jdbi.create(f.getUrl(), f.getUser(), f.getPassword());
        Database.migrate(jdbi);
        return new CommentStore(jdbi);
    }

    /** Runs erase with the options; what it printed goes to {@link #out}. */
    private Optional<Throwable> erase(String... options) {
        String[] all = new String[options.length + 2];
        all[0] = "erase";
        all[1] = config.toString();
        System.arraycopy(options, 0, all, 2, options.length);
        PrintStream stdout = System.out;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            return commands.run(all);
        } finally {
            System.setOut(stdout);
        }
    }

    private String printed() {
        return out.toString(StandardCharsets.UTF_8);
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

        assertTrue(printed().contains("erased 2 comments of site news.example by 'dana': d1, d2"), printed());
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
        assertTrue(erase("--site", SITE).isPresent(), "neither --author nor --id");
        assertTrue(erase("--site", SITE, "--author", "kim", "--id", "k2").isPresent(), "both");
        assertFalse(commands.err().contains("\tat "), commands.err());
        assertEquals("kim", store.find(SITE, "k2").orElseThrow().author(), "nothing erased by a refused command");
    }
}
