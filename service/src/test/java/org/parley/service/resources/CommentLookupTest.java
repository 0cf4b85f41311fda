package org.parley.service.resources;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.label.Attribute;
import org.parley.policy.Action;
import org.parley.service.auth.ApiKey;
import org.parley.service.auth.Caller;
import org.parley.service.access.Role;
import org.parley.service.access.Sites;
import org.parley.service.errors.ApiException;
import org.parley.service.moderation.NewComment;
import org.parley.service.moderation.StoredComment;
import org.parley.service.store.CommentStore;
import org.parley.service.store.TestDatabases;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** Which comment an id names for each kind of caller, where several sites use the id. */
class CommentLookupTest {
    private static final Instant T0 = Instant.parse("2026-12-03T10:00:00Z");
    /** A site's key, which also reaches the comments it stored before its site was named (key:FINGERPRINT). */
    private static final ApiKey SITE_A = new ApiKey("site-a-key-1", Role.WEBSITE, 10, "site-a");
    private static final Caller BOTH = new ApiKey("desk-key-1", Role.MODERATOR, 10, Sites.of(List.of("site-a", "site-b")));

    @TempDir Path dir;

    private static NewComment comment(String id, String site) {
        return new NewComment(id, "a1", "Title", null, null, null, null, "text of " + id + " on " + site, null, null, null,
                new float[Attribute.COUNT], Attribute.TOXICITY, "[]", null, new StoredComment.ModelRef("m", "v1", "sum"),
                Action.PUBLISH, null, null, "[]", site);
    }

    @Test
    void aSitesKeyMeansItsSitesCommentAndAModeratorOfBothIsAskedWhich() {
        CommentStore store = new CommentStore(TestDatabases.H2.migrated(dir));
        String unnamed = "key:" + SITE_A.fingerprint();  // the key's own site, before site=site-a was set
        for (String site : List.of(unnamed, "site-a", "site-b")) store.insert(comment("x", site), T0);

        assertEquals("site-a", CommentLookup.find(store, "x", null, SITE_A, "site").orElseThrow().site(),
                "its site's, over the one it stored before its site was named");
        assertEquals(unnamed, CommentLookup.find(store, "x", unnamed, SITE_A, "site").orElseThrow().site());
        assertTrue(CommentLookup.find(store, "x", "site-b", SITE_A, "site").isEmpty(), "another site's: as none");

        ApiException asked = assertThrows(ApiException.class, () -> CommentLookup.find(store, "x", null, BOTH, "comments[2].site"));
        assertEquals(List.of(400, "comments[2].site"), List.of(asked.status(), asked.field()));
        assertEquals("id 'x' names a comment of each of the sites 'site-a', 'site-b': give comments[2].site to say which",
                asked.getMessage(), "theirs only, not the unnamed key's");
        assertEquals("site-b", CommentLookup.find(store, "x", "site-b", BOTH, "site").orElseThrow().site());
        assertTrue(CommentLookup.find(store, "x", "", BOTH, "site").isEmpty(), "none of theirs was stored before sites were kept");
        assertTrue(CommentLookup.find(store, "y", null, BOTH, "site").isEmpty());
    }
}
