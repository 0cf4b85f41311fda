package org.parley.service.store;

import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.parley.policy.Action;
import org.parley.service.moderation.Decider;
import org.parley.service.moderation.NewCommentBuilder;
import org.parley.service.moderation.Reason;
import org.parley.service.moderation.Status;
import org.parley.service.moderation.Verdict;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** A site's decided comments (GET /v1/changes) on both databases: oldest first, up to the settled time, resumed where a page ended. */
@ExtendWith(KeptOpenDatabases.class)
class SiteChangesTest {
    private static final Instant T0 = Instant.parse("2026-11-30T10:00:00Z");
    private static final String OTHER = "other.example";
    @TempDir Path dir;

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void aSitesDecidedCommentsComeOldestFirstOnceSettledAndResumeWhereAPageEnded(TestDatabases db) {
        var jdbi = db.migrated(dir);
        CommentStore store = new CommentStore(jdbi);
        for (String id : List.of("b", "a", "c", "d")) store.insert(CommentStoreTest.comment(id, "a1", 0.7f, Action.REVIEW), T0);
        store.insert(NewCommentBuilder.from(CommentStoreTest.comment("a", "a1", 0.7f, Action.REVIEW)).site(OTHER).build(), T0);
        store.decide(CommentStoreTest.key("c"), Verdict.REJECT, Reason.THREAT, null, "bob", true, 1, T0.plusSeconds(60));
        store.decide(CommentStoreTest.key("a"), Verdict.APPROVE, null, null, "bob", true, 1, T0.plusSeconds(70));
        SiteChanges changes = new SiteChanges(jdbi, false);  // by time, as on H2: on both, the SQL runs on both

        assertEquals(List.of(), changes.page(CommentStoreTest.SITE, null, T0.plusSeconds(30), 10),
                "the policy's decisions at arrival are not listed: the site has them");
        assertEquals(List.of("c 2"), shown(changes.page(CommentStoreTest.SITE, null, T0.plusSeconds(65), 10)), "a's not settled yet");
        List<SiteChanges.Change> all = changes.page(CommentStoreTest.SITE, null, T0.plusSeconds(100), 10);
        assertEquals(List.of("c 2", "a 2"), shown(all), "each comment once, where it stands, by when it was last decided");
        assertEquals(new SiteChanges.Change("c", Status.REJECTED, 2, Decider.MODERATOR, "threat", T0.plusSeconds(60),
                micros(T0.plusSeconds(60))), all.get(0));
        assertNull(all.get(1).reason());
        assertEquals(List.of("c 2", "a 2"), shown(changes.page(CommentStoreTest.SITE, null, T0.plusSeconds(70), 10)),
                "a change at the settled time itself is listed");
        assertEquals(List.of("a 2"), shown(changes.page(CommentStoreTest.SITE, new SiteChanges.After(micros(T0.plusSeconds(60)), "c"),
                T0.plusSeconds(100), 1)));

        for (String id : List.of("d", "b"))  // one time: in id order
            store.decide(CommentStoreTest.key(id), Verdict.ESCALATE, null, null, "bob", true, 1, T0.plusSeconds(80));
        assertEquals(List.of("d 2"), shown(changes.page(CommentStoreTest.SITE, new SiteChanges.After(micros(T0.plusSeconds(80)), "b"),
                T0.plusSeconds(100), 10)), "resumed inside one time, by id");
        assertEquals(List.of(), changes.page(CommentStoreTest.SITE, new SiteChanges.After(micros(T0.plusSeconds(80)), "d"), T0.plusSeconds(100), 10));
        assertEquals(List.of(), changes.page(OTHER, null, T0.plusSeconds(100), 10), "another site's: its a undecided");
        assertEquals(1_796_637_600_123_456L, SiteChanges.micros(Instant.parse("2026-12-07T10:00:00.123456Z")));
        store.decide(CommentStore.key(OTHER, "a"), Verdict.APPROVE, null, null, "bob", true, 1, T0.plusSeconds(90));
        assertEquals(List.of("a 2"), shown(changes.page(OTHER, null, T0.plusSeconds(100), 10)));
    }

    /**
     * On PostgreSQL a change is listed once every transaction that began deciding before it has ended: a decision held open
     * (its locks waited, say) keeps the later ones back until it commits, then both come, in the order they began. By time,
     * a page read meanwhile passed the first for good.
     */
    @org.junit.jupiter.api.Test
    void onPostgreSqlADecisionStillOpenHoldsBackTheOnesAfterItUntilItCommits() {
        var jdbi = TestDatabases.POSTGRESQL.migrated(dir);
        CommentStore store = new CommentStore(jdbi);
        for (String id : List.of("slow", "quick")) store.insert(CommentStoreTest.comment(id, "a1", 0.7f, Action.REVIEW), T0);
        SiteChanges changes = new SiteChanges(jdbi);
        try (org.jdbi.v3.core.Handle open = jdbi.open()) {
            open.begin();
            open.createUpdate("UPDATE comments SET status = 'PUBLISHED', decided_by = 'MODERATOR', version = version + 1,"
                    + " updated_at = :at WHERE id = :id").bind("at", CommentStore.utc(T0.plusSeconds(1)))
                    .bind("id", CommentStoreTest.key("slow")).execute();
            store.decide(CommentStoreTest.key("quick"), Verdict.REJECT, Reason.INSULT, null, "bob", true, 1, T0.plusSeconds(2));
            assertEquals(List.of(), changes.page(CommentStoreTest.SITE, null, Instant.now(), 10),
                    "quick committed, but slow, which began first, may still commit before it");
            open.commit();
        }
        // Once every transaction on the server that began before them has ended: another test's may still run a moment.
        List<SiteChanges.Change> both = List.of();
        for (long until = System.nanoTime() + 20_000_000_000L; both.size() < 2 && System.nanoTime() < until; ) {
            both = changes.page(CommentStoreTest.SITE, null, Instant.now(), 10);
            if (both.size() < 2) org.junit.jupiter.api.Assertions.assertDoesNotThrow(() -> Thread.sleep(50));
        }
        assertEquals(List.of("slow 2", "quick 2"), shown(both));
        SiteChanges.Change first = both.get(0);
        assertEquals(List.of("quick 2"), shown(changes.page(CommentStoreTest.SITE, new SiteChanges.After(first.place(), first.id()), Instant.now(), 10)));
        assertEquals("insult", both.get(1).reason());
    }

    @org.junit.jupiter.api.Test
    void aTokenReadsBackAsItsPlaceAndNothingElseIsOne() {
        SiteChanges.After after = new SiteChanges.After(1765101600123456L, "c/1\nx");
        assertEquals(after, SiteChanges.After.parse(after.token()).orElseThrow());
        SiteChanges.After last = new SiteChanges.After(253_402_214_400_000_000L, "c");  // the year 9999, as an H2 time
        assertEquals(last, SiteChanges.After.parse(last.token()).orElseThrow());
        java.util.Base64.Encoder b64 = java.util.Base64.getUrlEncoder();
        for (String bad : List.of("", "!!", b64.encodeToString("12".getBytes()), b64.encodeToString("-1\nc".getBytes()),
                b64.encodeToString("12\nc\0".getBytes()), b64.encodeToString("12\n\0c".getBytes()), b64.encodeToString("yesterday\nc".getBytes()),
                b64.encodeToString("1234567890123456789\nc".getBytes()), b64.encodeToString("253402214400000001\nc".getBytes())))
            assertTrue(SiteChanges.After.parse(bad).isEmpty(), bad);
    }

    private static long micros(Instant t) {
        return SiteChanges.micros(t);
    }

    private static List<String> shown(List<SiteChanges.Change> changes) {
        return changes.stream().map(c -> c.id() + " " + c.version()).toList();
    }
}
