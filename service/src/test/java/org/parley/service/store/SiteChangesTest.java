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

/** A site's changes (GET /v1/changes) on both databases: oldest first, up to the settled time, resumed where a page ended. */
@ExtendWith(KeptOpenDatabases.class)
class SiteChangesTest {
    private static final Instant T0 = Instant.parse("2026-11-30T10:00:00Z");
    private static final String OTHER = "other.example";
    @TempDir Path dir;

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void aSitesChangesComeOldestFirstOnceSettledAndResumeWhereAPageEnded(TestDatabases db) {
        var jdbi = db.migrated(dir);
        CommentStore store = new CommentStore(jdbi);
        for (String id : List.of("b", "a", "c"))  // one time: in id order
            store.insert(CommentStoreTest.comment(id, "a1", 0.7f, Action.REVIEW), T0);
        store.insert(NewCommentBuilder.from(CommentStoreTest.comment("a", "a1", 0.7f, Action.REVIEW)).site(OTHER).build(), T0);
        store.decide(CommentStoreTest.key("c"), Verdict.REJECT, Reason.THREAT, null, "bob", true, 1, T0.plusSeconds(60));
        store.decide(CommentStoreTest.key("a"), Verdict.APPROVE, null, null, "bob", true, 1, T0.plusSeconds(70));
        SiteChanges changes = new SiteChanges(jdbi);

        assertEquals(List.of("b 1"), shown(changes.page(CommentStoreTest.SITE, null, T0.plusSeconds(30), 10)),
                "a and c changed since: each is listed once its change has settled, where it then stands");
        assertEquals(List.of("b 1", "c 2"), shown(changes.page(CommentStoreTest.SITE, null, T0.plusSeconds(65), 10)));
        List<SiteChanges.Change> all = changes.page(CommentStoreTest.SITE, null, T0.plusSeconds(100), 10);
        assertEquals(List.of("b 1", "c 2", "a 2"), shown(all), "each comment once, where it stands, by when it last changed");
        assertEquals(new SiteChanges.Change("c", Status.REJECTED, 2, Decider.MODERATOR, "threat", T0.plusSeconds(60)), all.get(1));
        assertNull(all.get(2).reason());
        assertEquals(List.of("b 1", "c 2", "a 2"), shown(changes.page(CommentStoreTest.SITE, null, T0.plusSeconds(70), 10)),
                "a change at the settled time itself is listed");

        SiteChanges.After first = new SiteChanges.After(all.get(0).changedAt(), all.get(0).id());
        assertEquals(List.of("c 2"), shown(changes.page(CommentStoreTest.SITE, first, T0.plusSeconds(100), 1)));
        store.insert(CommentStoreTest.comment("d", "a1", 0.7f, Action.REVIEW), T0);
        assertEquals(List.of("d 1"), shown(changes.page(CommentStoreTest.SITE, new SiteChanges.After(T0, "b"), T0, 10)),
                "resumed inside one time, by id: after b, d (a and c have moved on)");
        assertEquals(List.of(), changes.page(CommentStoreTest.SITE, new SiteChanges.After(T0.plusSeconds(70), "a"), T0.plusSeconds(100), 10));
        assertEquals(List.of("a 1"), shown(changes.page(OTHER, null, T0.plusSeconds(100), 10)), "another site's alone");
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
