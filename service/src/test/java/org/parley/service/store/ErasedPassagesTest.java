package org.parley.service.store;

import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.parley.label.Attribute;
import org.parley.policy.Action;
import org.parley.service.moderation.AlsoQuoted;
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
        // 10 quotes 6 (its parent), then 5 and 7 further down: only 5's marker and passage go.
        String kept = "7.Frank wrote:\n\nFrank's words.";
        store.insertAll(List.of(comment(SITE, "a1", "c10", 10, 6, "Kamose", SECOND + "\n\n" + kept, "Seqenenre")), T0, (r, i) -> {});

        CommentStore.Erasure e = store.erase(CommentStore.key(SITE, "c5"), "site-key", Decider.WEBSITE, T0.plusSeconds(60)).orElseThrow();

        assertTrue(e.erased());
        assertQuote(jdbi, SITE, "c7", null, null);  // its reply, as before
        assertQuote(jdbi, SITE, "c8", "Putin is right.", "Seqenenre");
        assertQuote(jdbi, SITE, "c10", "Putin is right.\n\n" + kept, "Seqenenre");
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

        String kept = "7.Frank wrote:\n\nFrank's words.";  // 7: no comment stored, so none erased
        store.insertAll(List.of(comment(SITE, "a1", "c8", 8, 6, "Kamose", SECOND, "Seqenenre"),
                comment(SITE, "a1", "c10", 10, 6, "Kamose", "Putin is right.\n\n6.Seqenenre wrote:\n\nAgain.", "Seqenenre"),
                comment(SITE, "a1", "c11", 11, 6, "Kamose", SECOND + "\n\n" + kept, "Seqenenre")),
                T0.plusSeconds(2), (r, i) -> {});

        assertQuote(jdbi, SITE, "c8", "Putin is right.", "Seqenenre");
        assertQuote(jdbi, SITE, "c11", "Putin is right.\n\n" + kept, "Seqenenre");
        assertQuote(jdbi, SITE, "c10", "Putin is right.\n\n6.Seqenenre wrote:\n\nAgain.", "Seqenenre");
    }

    // Since the forty-seventh session: the stored alsoQuotes (comment_quotes) say which passage quotes whom.

    /** A site's own quote style, no BBC marker: only the stored entry tells that its second paragraph is Dana's. */
    private static final String PLAIN = "Putin is right.\n\n" + DANA;

    private static NewComment quoting(String site, String article, String id, Integer number, String quote, AlsoQuoted... also) {
        return comment(site, article, id, number, 6, "Kamose", quote, "Seqenenre").withAlsoQuotes(List.of(also));
    }

    /** comment_quotes of the comment, in order: [quoted id, number, author, passage] each. */
    private static List<List<Object>> entries(Jdbi jdbi, String site, String id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT quoted_id, quoted_number, author, passage FROM comment_quotes"
                        + " WHERE comment_id = :key ORDER BY position").bind("key", CommentStore.key(site, id))
                .map((rs, ctx) -> entry(rs.getString(1), rs.getObject(2) == null ? null : rs.getInt(2), rs.getString(3), rs.getString(4)))
                .list());
    }

    private static List<Object> entry(String id, Integer number, String author, String passage) {
        return java.util.Arrays.<Object>asList(id, number, author, passage);
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void erasingACommentClearsTheStoredEntriesNamingItAndTakesTheirPassageOutWithoutAMarker(TestDatabases db) {
        Jdbi jdbi = db.migrated(dir);
        CommentStore store = thread(jdbi);
        store.insertAll(List.of(
                quoting(SITE, "a1", "e1", 20, PLAIN, new AlsoQuoted(null, 5, "Dana Smith", DANA)),
                quoting(SITE, "a1", "e2", 21, PLAIN, new AlsoQuoted("c5", null, "Dana", DANA), new AlsoQuoted(null, 7, "Frank", "Frank's.")),
                // 5 of another article, and another site's c5: other comments.
                quoting(SITE, "a2", "e3", 22, PLAIN, new AlsoQuoted(null, 5, "Dana Smith", DANA)),
                quoting(OTHER, "a1", "e4", 23, PLAIN, new AlsoQuoted("c5", 5, "Dana Smith", DANA)),
                quoting(SITE, "a1", "e5", 24, DANA, new AlsoQuoted("c5", null, "Dana", DANA))), T0, (r, i) -> {});

        store.erase(CommentStore.key(SITE, "c5"), "site-key", Decider.WEBSITE, T0.plusSeconds(60)).orElseThrow();

        assertQuote(jdbi, SITE, "e1", "Putin is right.", "Seqenenre");
        assertEquals(List.of(entry(null, 5, null, null)), entries(jdbi, SITE, "e1"), "whom it quotes stays, not their name or words");
        assertQuote(jdbi, SITE, "e2", "Putin is right.", "Seqenenre");
        assertEquals(List.of(entry("c5", null, null, null), entry(null, 7, "Frank", "Frank's.")), entries(jdbi, SITE, "e2"));
        assertQuote(jdbi, SITE, "e3", PLAIN, "Seqenenre");
        assertEquals(List.of(entry(null, 5, "Dana Smith", DANA)), entries(jdbi, SITE, "e3"));
        assertQuote(jdbi, OTHER, "e4", PLAIN, "Seqenenre");
        assertQuote(jdbi, SITE, "e5", null, "Seqenenre");  // all it quoted was hers: no quote, not an empty one
        // The erased comment's own entries copied others' words, as its quote did.
        store.erase(CommentStore.key(SITE, "e2"), "site-key", Decider.WEBSITE, T0.plusSeconds(61)).orElseThrow();
        assertEquals(List.of(entry("c5", null, null, null), entry(null, 7, null, null)), entries(jdbi, SITE, "e2"));
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void erasingAnAuthorClearsEveryStoredEntryGivingTheirName(TestDatabases db) {
        Jdbi jdbi = db.migrated(dir);
        CommentStore store = thread(jdbi);
        // A comment of hers never stored (2 on a3), a name alike, and another site's Dana Smith.
        store.insertAll(List.of(
                quoting(SITE, "a3", "e1", 20, "Agreed.\n\nMore of hers.", new AlsoQuoted(null, 2, "Dana Smith", "More of hers.")),
                quoting(SITE, "a3", "e2", 21, "Agreed.\n\nHis.", new AlsoQuoted(null, 3, "Dana Smithers", "His.")),
                quoting(OTHER, "a3", "e3", 22, "Agreed.\n\nMore of hers.", new AlsoQuoted(null, 2, "Dana Smith", "More of hers."))),
                T0, (r, i) -> {});

        store.eraseAuthor(SITE, "Dana Smith", "root", Decider.OPERATOR, T0.plusSeconds(60));

        assertQuote(jdbi, SITE, "e1", "Agreed.", "Seqenenre");
        assertEquals(List.of(entry(null, 2, null, null)), entries(jdbi, SITE, "e1"));
        assertQuote(jdbi, SITE, "e2", "Agreed.\n\nHis.", "Seqenenre");
        assertEquals(List.of(entry(null, 3, "Dana Smithers", "His.")), entries(jdbi, SITE, "e2"));
        assertQuote(jdbi, OTHER, "e3", "Agreed.\n\nMore of hers.", "Seqenenre");
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void aReplyStoredAfterTheErasureKeepsNoCopyInItsStoredEntries(TestDatabases db) {
        Jdbi jdbi = db.migrated(dir);
        CommentStore store = new CommentStore(jdbi);
        store.insertAll(List.of(comment(SITE, "a1", "c5", 5, null, "Dana Smith", null, null),
                comment(SITE, "a1", "c6", 6, null, null, null, null)), T0, (r, i) -> {});
        store.erase(CommentStore.key(SITE, "c5"), "site-key", Decider.WEBSITE, T0.plusSeconds(1));

        store.insertAll(List.of(quoting(SITE, "a1", "e1", 20, PLAIN, new AlsoQuoted(null, 5, "Dana Smith", DANA)),
                quoting(SITE, "a1", "e2", 21, PLAIN, new AlsoQuoted("c6", null, "Seqenenre", "Putin is right.")),
                // No parent, no quote: only its entry holds a copy.
                comment(SITE, "a1", "e3", 22, null, "Kamose", null, null).withAlsoQuotes(List.of(new AlsoQuoted(null, 5, "Dana Smith", DANA)))),
                T0.plusSeconds(2), (r, i) -> {});

        assertQuote(jdbi, SITE, "e1", "Putin is right.", "Seqenenre");
        assertEquals(List.of(entry(null, 5, null, null)), entries(jdbi, SITE, "e1"));
        assertQuote(jdbi, SITE, "e2", PLAIN, "Seqenenre");
        assertEquals(List.of(entry("c6", null, "Seqenenre", "Putin is right.")), entries(jdbi, SITE, "e2"));
        assertEquals(List.of(entry(null, 5, null, null)), entries(jdbi, SITE, "e3"));
    }
}
