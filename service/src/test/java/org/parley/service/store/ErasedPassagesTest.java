package org.parley.service.store;

import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.parley.label.Attribute;
import org.parley.policy.Action;
import org.parley.service.moderation.Decider;
import org.parley.service.moderation.NewComment;
import org.parley.service.moderation.StoredComment;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/**
 * An erasure takes its comment's passages out of the quotes that hold them further down (ErasedPassages), on both
 * databases, read back with SQL: a second quoted passage and a quoted quote's inner one, as import-page writes them
 * ("Putin is right.\n\n5.Dana Smith wrote:\n\nYou are all idiots."), with the marker naming the author. Until the
 * forty-sixth session only the replies whose parent the comment is (by id or number) or whose parent author it was lost
 * their copies; these kept the erased words and name.
 */
class ErasedPassagesTest {
    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");
    private static final String SITE = "news.example", OTHER = "blog.example";
    private static final String DANA = "You are all idiots.";
    /** 8 quotes 6 (its parent, Seqenenre), then 5 (Dana Smith). */
    private static final String SECOND = "Putin is right.\n\n5.Dana Smith wrote:\n\n" + DANA;
    /** 9 quotes 7 (its parent, Frank), who quoted 5 (Dana Smith): the inner passage first, then Frank's. */
    private static final String INNER = "5.Dana Smith wrote:\n\n" + DANA + "\n\nFrank's words.";

    @TempDir Path dir;

    private static NewComment comment(String site, String article, String id, Integer number, Integer parentNumber,
                                      String author, String quote, String parentAuthor) {
        float[] s = new float[Attribute.COUNT];
        s[Attribute.TOXICITY.ordinal()] = 0.7f;
        return new NewComment(id, article, "Talks stall", number, null, parentNumber, author, "text of " + id, quote, 1, 2, s,
                Attribute.TOXICITY, "[]", null, new StoredComment.ModelRef("parley-toxicity", "v1", "abc123"), Action.PUBLISH,
                null, parentAuthor, "[]", site);
    }

    private static Map<String, Object> row(Jdbi jdbi, String site, String id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM comments WHERE id = :key")
                .bind("key", CommentStore.key(site, id)).mapToMap().one());
    }

    private static void assertQuote(Jdbi jdbi, String site, String id, String quote, String parentAuthor) {
        Map<String, Object> r = row(jdbi, site, id);
        assertEquals(quote, r.get("quote"), id + "'s quote");
        assertEquals(parentAuthor, r.get("parent_author"), id + "'s parent author");
        assertEquals("text of " + id, r.get("text"), id + "'s own words stay");
        assertEquals(1, ((Number) r.get("version")).intValue(), id + ": a reply's version changes only with a decision");
    }

    /** The thread of the page: 5 by Dana Smith (a site that names authors), 6 and 7 quoted first, 8 and 9 quoting 5 further down. */
    private static CommentStore thread(Jdbi jdbi) {
        CommentStore store = new CommentStore(jdbi);
        store.insertAll(List.of(
                comment(SITE, "a1", "c5", 5, null, "Dana Smith", null, null),
                comment(SITE, "a1", "c6", 6, null, "Seqenenre", null, null),
                comment(SITE, "a1", "c7", 7, 5, "Frank", DANA, "Dana Smith"),
                comment(SITE, "a1", "c8", 8, 6, "Kamose", SECOND, "Seqenenre"),
                comment(SITE, "a1", "c9", 9, 7, "Kamose", INNER, "Frank"),
                // On another article 5 is another comment; another site's is that site's.
                comment(SITE, "a2", "b8", 8, 6, "Kamose", SECOND.replace("Dana Smith", "Tao"), "Seqenenre"),
                comment(OTHER, "a1", "c5", 5, null, "Dana Smith", null, null),
                comment(OTHER, "a1", "c8", 8, 6, "Kamose", SECOND, "Seqenenre")), T0, (r, i) -> {});
        return store;
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void erasingACommentTakesItsPassageQuotedSecondOrInsideAQuoteOutAndKeepsTheOthers(TestDatabases db) {
        Jdbi jdbi = db.migrated(dir);
        CommentStore store = thread(jdbi);

        CommentStore.Erasure e = store.erase(CommentStore.key(SITE, "c5"), "site-key", Decider.WEBSITE, T0.plusSeconds(60)).orElseThrow();

        assertTrue(e.erased());
        assertQuote(jdbi, SITE, "c7", null, null);  // its reply, as before
        assertQuote(jdbi, SITE, "c8", "Putin is right.", "Seqenenre");
        assertQuote(jdbi, SITE, "c9", "Frank's words.", "Frank");
        assertQuote(jdbi, SITE, "b8", SECOND.replace("Dana Smith", "Tao"), "Seqenenre");
        assertQuote(jdbi, OTHER, "c8", SECOND, "Seqenenre");
        // The erasure is c5's alone: one ERASE decision, none on the replies it rewrote.
        assertEquals(List.of("ERASE"), jdbi.withHandle(h -> h.createQuery("SELECT decision FROM decisions WHERE decision = 'ERASE'")
                .mapTo(String.class).list()));
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void erasingAnAuthorTakesOutEveryPassageAMarkerGivesTheirName(TestDatabases db) {
        Jdbi jdbi = db.migrated(dir);
        CommentStore store = thread(jdbi);
        // A comment of hers never stored, quoted second on another article; someone else of a like name.
        store.insertAll(List.of(
                comment(SITE, "a3", "d4", 4, 3, "Kamose", "Agreed.\n\n2.Dana Smith wrote:\n\nMore of hers.", "Tao"),
                comment(SITE, "a3", "d5", 5, 3, "Kamose", "Agreed.\n\n2.Dana Smithers wrote:\n\nHis.", "Tao")), T0, (r, i) -> {});

        List<StoredComment> erased = store.eraseAuthor(SITE, "Dana Smith", "root", Decider.OPERATOR, T0.plusSeconds(60));

        assertEquals(List.of("c5"), erased.stream().map(StoredComment::id).toList());
        assertQuote(jdbi, SITE, "c7", null, null);
        assertQuote(jdbi, SITE, "c8", "Putin is right.", "Seqenenre");
        assertQuote(jdbi, SITE, "c9", "Frank's words.", "Frank");
        assertQuote(jdbi, SITE, "d4", "Agreed.", "Tao");
        assertQuote(jdbi, SITE, "d5", "Agreed.\n\n2.Dana Smithers wrote:\n\nHis.", "Tao");
        assertQuote(jdbi, SITE, "b8", SECOND.replace("Dana Smith", "Tao"), "Seqenenre");
        assertQuote(jdbi, OTHER, "c8", SECOND, "Seqenenre");
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void aReplyStoredAfterTheErasureKeepsNoPassageOfItFurtherDownItsQuote(TestDatabases db) {
        Jdbi jdbi = db.migrated(dir);
        CommentStore store = new CommentStore(jdbi);
        store.insertAll(List.of(comment(SITE, "a1", "c5", 5, null, null, null, null),
                comment(SITE, "a1", "c6", 6, null, null, null, null)), T0, (r, i) -> {});
        store.erase(CommentStore.key(SITE, "c5"), "site-key", Decider.WEBSITE, T0.plusSeconds(1));

        store.insertAll(List.of(comment(SITE, "a1", "c8", 8, 6, "Kamose", SECOND, "Seqenenre"),
                comment(SITE, "a1", "c10", 10, 6, "Kamose", "Putin is right.\n\n6.Seqenenre wrote:\n\nAgain.", "Seqenenre")),
                T0.plusSeconds(2), (r, i) -> {});

        assertQuote(jdbi, SITE, "c8", "Putin is right.", "Seqenenre");
        assertQuote(jdbi, SITE, "c10", "Putin is right.\n\n6.Seqenenre wrote:\n\nAgain.", "Seqenenre");
    }
}
