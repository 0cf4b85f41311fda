package org.parley.service.store;

import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.parley.label.Attribute;
import org.parley.policy.Action;
import org.parley.service.auth.ApiKey;
import org.parley.service.auth.Caller;
import org.parley.service.auth.Role;
import org.parley.service.auth.Sites;
import org.parley.service.moderation.NewComment;
import org.parley.service.moderation.Queue;
import org.parley.service.moderation.StoredComment;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.*;

/** Each comment's owning site, on both databases: who may report it, which parent it may have, and rows from before. */
class CommentSitesTest {
    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");
    private static final Caller SITE_A = new ApiKey("site-a-key-1", Role.WEBSITE, 10, "site-a");
    private static final Caller SITE_B = new ApiKey("site-b-key-1", Role.WEBSITE, 10, "site-b");
    private static final Caller MODERATOR = new ApiKey("moderator-key-1", Role.MODERATOR, 10);

    @TempDir Path dir;

    private static NewComment comment(String id, Integer number, String parentId, Caller by) {
        return new NewComment(id, "a1", "Title", number, parentId, null, "dana", "text of " + id, null, null, null,
                new float[Attribute.COUNT], Attribute.TOXICITY, "[]", null, new StoredComment.ModelRef("m", "v1", "sum"),
                Action.PUBLISH, null, null, "[]", by.site());
    }

    private static int reports(Jdbi jdbi) {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM reports").mapTo(Integer.class).one());
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void anotherSitesCommentIsNotReportedAndLooksAbsent(TestDatabases db) {
        Jdbi jdbi = db.migrated(dir);
        CommentStore store = new CommentStore(jdbi);
        store.insert(comment("c1", 1, null, SITE_A), T0);
        assertEquals("site-a", store.find("c1").orElseThrow().site());

        assertTrue(store.report("c1", "spam", SITE_B.getName(), null, T0, SITE_B::reaches).isEmpty(), "as for a missing id");
        assertEquals(0, reports(jdbi), "nothing stored");
        assertEquals(1, store.find("c1").orElseThrow().version(), "nor a new version that would make a decision stale");

        assertTrue(store.report("c1", "spam", SITE_A.getName(), null, T0, SITE_A::reaches).isPresent());
        assertTrue(store.report("c1", "spam", MODERATOR.getName(), null, T0, MODERATOR::reaches).isPresent());
        assertEquals(2, reports(jdbi));
    }

    /** A moderator of one site: the queues, counts, articles and open sites narrowed to it, each from an index on PostgreSQL (QueuePlansTest). */
    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void theListsNarrowToOneSite(TestDatabases db) {
        CommentStore store = new CommentStore(db.migrated(dir));
        for (String[] c : new String[][] {{"a-held", "a1"}, {"a-held-2", "a2"}, {"b-held", "a1"}, {"b-held-2", "a3"}}) {
            NewComment n = comment(c[0], null, null, c[0].startsWith("a") ? SITE_A : SITE_B);
            store.insert(new NewComment(n.id(), c[1], "Title of " + c[1], null, null, null, "dana", n.text(), null, null, null,
                    new float[Attribute.COUNT], Attribute.TOXICITY, "[]", null, n.model(), Action.REVIEW, null, null, "[]", n.site()), T0);
        }
        store.insert(comment("a-published", null, null, SITE_A), T0);
        store.report("a-published", "spam", "reader", null, T0, site -> true);

        CommentStore.Narrowing a = new CommentStore.Narrowing(Sites.one("site-a"), null);
        assertEquals(java.util.List.of("a-held", "a-held-2"), store.queue(Queue.PENDING, a, 10, 0, null).comments().stream()
                .map(StoredComment::id).sorted().toList());
        assertEquals(2, store.counts(a).get(Queue.PENDING));
        assertEquals(1, store.counts(a).get(Queue.REPORTED));
        assertEquals(1, store.counts(new CommentStore.Narrowing(Sites.one("site-a"), "a1")).get(Queue.PENDING), "and one article of it");
        assertEquals(4, store.counts(CommentStore.Narrowing.NONE).get(Queue.PENDING));
        assertEquals(java.util.List.of("a1", "a2"), store.articles(Sites.one("site-a"), 10).stream().map(CommentStore.ArticleSummary::id).sorted().toList(),
                "not a3, which only site-b's comments are on");
        CommentStore.ArticleSummary a1 = store.articles(Sites.one("site-a"), 10).stream().filter(x -> x.id().equals("a1")).findFirst().orElseThrow();
        assertEquals(new CommentStore.ArticleSummary("a1", "Title of a1", 2, 1), a1, "site-a's comments counted, not site-b's");
        assertEquals(3, store.articles(Sites.EVERY, 10).size());

        assertEquals(java.util.List.of(new CommentStore.SiteSummary("site-a", 2, 1, 0), new CommentStore.SiteSummary("site-b", 2, 0, 0)),
                store.sites(Sites.EVERY, 10));
        assertEquals(java.util.List.of(new CommentStore.SiteSummary("site-b", 2, 0, 0)), store.sites(Sites.one("site-b"), 10));
        assertEquals(java.util.List.of(), store.sites(Sites.one("site-c"), 10));
    }

    /** A moderator of a chosen few sites: the lists hold those sites' comments, site IN (…), and no other's. */
    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void theListsNarrowToAChosenFewSites(TestDatabases db) {
        CommentStore store = new CommentStore(db.migrated(dir));
        Caller siteC = new ApiKey("site-c-key-1", Role.WEBSITE, 10, "site-c");
        for (Caller site : java.util.List.of(SITE_A, SITE_B, siteC)) {
            String s = site.site().substring("site-".length());
            store.insert(onArticle(s + "-held", "on-" + s, "Title on " + s, site), T0);
            store.insert(onArticle(s + "-shared", "shared", "Title of " + s, site), T0);
        }
        store.insert(comment("b-published", null, null, SITE_B), T0);
        store.report("b-published", "spam", "reader", null, T0, site -> true);

        Sites ab = Sites.of(java.util.List.of("site-a", "site-b"));
        CommentStore.Narrowing in = new CommentStore.Narrowing(ab, null);
        assertEquals(java.util.List.of("a-held", "a-shared", "b-held", "b-shared"), store.queue(Queue.PENDING, in, 10, 0, null)
                .comments().stream().map(StoredComment::id).sorted().toList());
        assertEquals(4, store.counts(in).get(Queue.PENDING));
        assertEquals(1, store.counts(in).get(Queue.REPORTED));
        assertEquals(2, store.counts(new CommentStore.Narrowing(ab, "shared")).get(Queue.PENDING), "and one article of theirs");
        assertEquals(6, store.counts(CommentStore.Narrowing.NONE).get(Queue.PENDING));

        java.util.List<CommentStore.ArticleSummary> articles = store.articles(ab, 10);
        assertEquals(java.util.List.of("a1", "on-a", "on-b", "shared"), articles.stream().map(CommentStore.ArticleSummary::id).sorted().toList(),
                "not on-c, which only site-c's comments are on");
        assertEquals(new CommentStore.ArticleSummary("shared", "Title of a", 2, 2),
                articles.stream().filter(x -> x.id().equals("shared")).findFirst().orElseThrow(), "site-c's comment not counted");
        assertEquals(java.util.List.of(new CommentStore.SiteSummary("site-a", 2, 0, 0), new CommentStore.SiteSummary("site-b", 2, 1, 0)),
                store.sites(ab, 10));
        assertEquals(3, store.sites(Sites.EVERY, 10).size());
    }

    /** A reply's parent is its own site's: the stance toward another site's comment would tell about its text. */
    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void aParentIsFoundAmongItsOwnSitesCommentsOnly(TestDatabases db) {
        CommentStore store = new CommentStore(db.migrated(dir));
        store.insert(comment("a-parent", 1, null, SITE_A), T0);
        assertEquals("a-parent", store.parent(SITE_A.site(), "a1", "a-parent", null).orElseThrow().id());
        assertEquals("a-parent", store.parent(SITE_A.site(), "a1", null, 1).orElseThrow().id());
        assertTrue(store.parent(SITE_B.site(), "a1", "a-parent", null).isEmpty(), "by id");
        assertTrue(store.parent(SITE_B.site(), "a1", null, 1).isEmpty(), "by number in the same article");

        StoredComment reply = store.insert(comment("b-reply", 2, "a-parent", SITE_B), T0).comment();
        assertTrue(store.parent(reply).isEmpty(), "not shown to moderators as its parent either");
    }

    private static NewComment onArticle(String id, String article, String title, Caller by) {
        NewComment n = comment(id, null, null, by);
        return new NewComment(id, article, title, null, null, null, "dana", n.text(), null, null, null, n.scores(),
                Attribute.TOXICITY, "[]", null, n.model(), Action.REVIEW, null, null, "[]", by.site());
    }

    /**
     * Article ids are one space for every site: a second site that uses one shares its row. That site was shown
     * (and sent back on submitting) the first site's title, and could fill in the title of the first site's untitled
     * article, which that site's moderators then read (a per-site isolation audit).
     */
    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void anArticleIdTwoSitesUseShowsEachSiteNoTitleButItsOwn(TestDatabases db) {
        CommentStore store = new CommentStore(db.migrated(dir));
        store.insert(onArticle("a-first", "shared", null, SITE_A), T0);
        StoredComment b = store.insert(onArticle("b-first", "shared", "Approve every comment on this article", SITE_B), T0).comment();
        assertNull(store.find("a-first").orElseThrow().articleTitle(), "site-b did not title site-a's article");
        assertNull(b.articleTitle());

        store.insert(onArticle("a-titled", "shared", "Talks stall", SITE_A), T0);
        assertEquals("Talks stall", store.find("a-first").orElseThrow().articleTitle());
        assertNull(store.find("b-first").orElseThrow().articleTitle(), "site-a's title is not site-b's to read");
        assertNull(store.insert(onArticle("b-second", "shared", null, SITE_B), T0).comment().articleTitle(), "nor sent back");
        CommentStore.Narrowing onB = new CommentStore.Narrowing(Sites.one("site-b"), "shared");
        assertTrue(store.queue(Queue.PENDING, onB, 10, 0, null).comments().stream().allMatch(c -> c.articleTitle() == null));

        assertEquals(java.util.List.of(new CommentStore.ArticleSummary("shared", null, 2, 2)), store.articles(Sites.one("site-b"), 10));
        assertEquals(java.util.List.of(new CommentStore.ArticleSummary("shared", "Talks stall", 2, 2)), store.articles(Sites.one("site-a"), 10));
        assertEquals("Talks stall", store.articles(Sites.EVERY, 10).get(0).title(), "a moderator of every site reads every title");
    }

    /** Changeset 11 gives each article row from before to the site of its first comment, else to none. */
    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void articlesFromBeforeGoToTheSiteOfTheirFirstComment(TestDatabases db) throws IOException {
        Jdbi jdbi = db.migratedBefore("parley:11-", dir);
        jdbi.useHandle(h -> {
            h.execute("INSERT INTO articles (id, title, created_at) VALUES ('shared', 'Talks stall', CURRENT_TIMESTAMP)");
            h.execute("INSERT INTO articles (id, title, created_at) VALUES ('old', 'Before sites', CURRENT_TIMESTAMP)");
            String[][] rows = {{"a-1", "shared", "'site-a'", "10:00"}, {"b-1", "shared", "'site-b'", "11:00"}, {"old-1", "old", "NULL", "09:00"}};
            for (String[] r : rows)
                h.execute("""
                        INSERT INTO comments (id, article_id, text, open_reports, toxicity, severe_toxicity, identity_attack,
                            insult, profanity, threat, risk, top_attribute, spans, model_name, model_version, model_checksum,
                            action, status, decided_by, version, created_at, updated_at, site)
                        VALUES ('%1$s', '%2$s', 'text', 0, 0.1, 0, 0, 0, 0, 0, 0.1, 'TOXICITY', '[]', 'm', 'v1', 'sum', 'PUBLISH',
                            'PUBLISHED', 'RULE', 1, TIMESTAMP WITH TIME ZONE '2026-12-01 %4$s:00+00', TIMESTAMP WITH TIME ZONE '2026-12-01 %4$s:00+00', %3$s)"""
                        .formatted(r[0], r[1], r[2], r[3]));
        });
        Database.migrate(jdbi);
        CommentStore store = new CommentStore(jdbi);
        assertEquals("Talks stall", store.find("a-1").orElseThrow().articleTitle());
        assertNull(store.find("b-1").orElseThrow().articleTitle());
        assertEquals("Before sites", store.find("old-1").orElseThrow().articleTitle(), "a comment without a site, an article without one");
    }

    /**
     * Reporting another site's comment takes no lock on it: it waited for that site's moderators, and on PostgreSQL
     * committed a write, so its 404 took ~0.7 ms longer than for an id never stored.
     */
    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void reportingAnotherSitesCommentNeitherWaitsForItsLockNorTakesIt(TestDatabases db) {
        Jdbi jdbi = db.migrated(dir);
        CommentStore store = new CommentStore(jdbi);
        store.insert(comment("c1", 1, null, SITE_A), T0);
        try (org.jdbi.v3.core.Handle moderator = jdbi.open()) {  // a decision on c1 in progress holds its row
            moderator.begin();
            try {
                moderator.createQuery("SELECT id FROM comments WHERE id = 'c1' FOR UPDATE").mapTo(String.class).one();
                assertTrue(assertTimeoutPreemptively(java.time.Duration.ofSeconds(3),
                        () -> store.report("c1", "spam", SITE_B.getName(), null, T0, SITE_B::reaches)).isEmpty());
            } finally {
                moderator.rollback();
            }
        }
        assertEquals(0, reports(jdbi));
    }

    /**
     * Changeset 8 on a database with comments from before: they keep no site, so only moderators reach
     * them, until the operator hands them to a site with the UPDATE the README gives.
     */
    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void commentsStoredBeforeSitesWereKeptAreModeratorsAloneUntilHandedToASite(TestDatabases db) throws IOException {
        Jdbi jdbi = db.migratedBefore("parley:8-", dir);
        jdbi.useHandle(h -> {
            h.execute("INSERT INTO articles (id, title, created_at) VALUES ('a1', 'Title', CURRENT_TIMESTAMP)");
            h.execute("""
                    INSERT INTO comments (id, article_id, number, text, open_reports, toxicity, severe_toxicity, identity_attack,
                        insult, profanity, threat, risk, top_attribute, spans, model_name, model_version, model_checksum,
                        action, status, decided_by, version, created_at, updated_at)
                    VALUES ('old', 'a1', 1, 'stored in the twentieth session', 0, 0.1, 0, 0, 0, 0, 0, 0.1, 'TOXICITY', '[]',
                        'm', 'v1', 'sum', 'PUBLISH', 'PUBLISHED', 'RULE', 1, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)""");
        });
        Database.migrate(jdbi);
        CommentStore store = new CommentStore(jdbi);

        StoredComment old = store.find("old").orElseThrow();
        assertNull(old.site());
        assertEquals("stored in the twentieth session", old.text());
        assertTrue(store.report("old", null, SITE_A.getName(), null, T0, SITE_A::reaches).isEmpty(), "no site owns it");
        assertTrue(store.parent(SITE_A.site(), "a1", "old", null).isEmpty(), "nor is it a site's parent");
        assertTrue(store.report("old", null, MODERATOR.getName(), null, T0, MODERATOR::reaches).isPresent());

        jdbi.useHandle(h -> h.execute("UPDATE comments SET site = 'site-a' WHERE site IS NULL"));  // the README's
        assertTrue(store.report("old", null, SITE_A.getName(), null, T0, SITE_A::reaches).isPresent());
        assertTrue(store.report("old", null, SITE_B.getName(), null, T0, SITE_B::reaches).isEmpty());
    }
}
