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
        SiteChanges changes = new SiteChanges(jdbi);

        assertEquals(List.of(), changes.page(CommentStoreTest.SITE, null, T0.plusSeconds(30), 10),
                "the policy's decisions at arrival are not listed: the site has them");
        assertEquals(List.of("c 2"), shown(changes.page(CommentStoreTest.SITE, null, T0.plusSeconds(65), 10)), "a's not settled yet");
        List<SiteChanges.Change> all = changes.page(CommentStoreTest.SITE, null, T0.plusSeconds(100), 10);
        assertEquals(List.of("c 2", "a 2"), shown(all), "each comment once, where it stands, by when it was last decided");
        assertEquals(new SiteChanges.Change("c", Status.REJECTED, 2, Decider.MODERATOR, "threat", T0.plusSeconds(60)), all.get(0));
        assertNull(all.get(1).reason());
        assertEquals(List.of("c 2", "a 2"), shown(changes.page(CommentStoreTest.SITE, null, T0.plusSeconds(70), 10)),
                "a change at the settled time itself is listed");
        assertEquals(List.of("a 2"), shown(changes.page(CommentStoreTest.SITE, new SiteChanges.After(T0.plusSeconds(60), "c"),
                T0.plusSeconds(100), 1)));

        for (String id : List.of("d", "b"))  // one time: in id order
            store.decide(CommentStoreTest.key(id), Verdict.ESCALATE, null, null, "bob", true, 1, T0.plusSeconds(80));
        assertEquals(List.of("d 2"), shown(changes.page(CommentStoreTest.SITE, new SiteChanges.After(T0.plusSeconds(80), "b"),
                T0.plusSeconds(100), 10)), "resumed inside one time, by id");
        assertEquals(List.of(), changes.page(CommentStoreTest.SITE, new SiteChanges.After(T0.plusSeconds(80), "d"), T0.plusSeconds(100), 10));
        assertEquals(List.of(), changes.page(OTHER, null, T0.plusSeconds(100), 10), "another site's: its a undecided");
        store.decide(CommentStore.key(OTHER, "a"), Verdict.APPROVE, null, null, "bob", true, 1, T0.plusSeconds(90));
        assertEquals(List.of("a 2"), shown(changes.page(OTHER, null, T0.plusSeconds(100), 10)));
    }

    @org.junit.jupiter.api.Test
    void aTokenReadsBackAsItsPlaceAndNothingElseIsOne() {
        SiteChanges.After after = new SiteChanges.After(Instant.parse("2026-12-07T10:00:00.123456Z"), "c/1\nx");
        assertEquals(after, SiteChanges.After.parse(after.token()).orElseThrow());
        for (String bad : List.of("", "!!", java.util.Base64.getUrlEncoder().encodeToString("2026-12-07T10:00:00Z".getBytes()),
                java.util.Base64.getUrlEncoder().encodeToString("1999-12-07T10:00:00Z\nc".getBytes()),
                java.util.Base64.getUrlEncoder().encodeToString("2026-12-07T10:00:00Z\nc\0".getBytes()),
                java.util.Base64.getUrlEncoder().encodeToString("yesterday\nc".getBytes())))
            assertTrue(SiteChanges.After.parse(bad).isEmpty(), bad);
    }

    private static List<String> shown(List<SiteChanges.Change> changes) {
        return changes.stream().map(c -> c.id() + " " + c.version()).toList();
    }
}
