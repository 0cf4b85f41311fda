package org.parley.service.store;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.parley.label.Attribute;
import org.parley.policy.Action;
import org.parley.service.auth.ApiKey;
import org.parley.service.auth.Caller;
import org.parley.service.access.Role;
import org.parley.service.access.Sites;
import org.parley.service.moderation.NewComment;
import org.parley.service.moderation.NewCommentBuilder;
import org.parley.service.moderation.Queue;
import org.parley.service.moderation.StoredComment;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

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

    /**
     * A report as the resource makes it: of the comment {@code id} of a site the reporter reaches, found without a
     * lock ({@link CommentStore#named}), else none.
     */
    private static java.util.Optional<CommentStore.Report> report(CommentStore store, String id, Caller by) {
        return store.named(id, by.reachedSites()).stream().findFirst()
                .flatMap(c -> store.report(c.key(), "spam", by.getName(), null, T0));
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
        assertEquals("site-a", store.find("site-a", "c1").orElseThrow().site());

        assertTrue(report(store, "c1", SITE_B).isEmpty(), "as for a missing id");
        assertEquals(0, reports(jdbi), "nothing stored");
        assertEquals(1, store.find("site-a", "c1").orElseThrow().version(), "nor a new version that would make a decision stale");

        assertTrue(report(store, "c1", SITE_A).isPresent());
        assertTrue(report(store, "c1", MODERATOR).isPresent());
        assertEquals(2, reports(jdbi));
    }

    /**
     * The twenty-fourth session's audit: a lookup read every site's comment with the id and dropped the others in Java.
     * The query now asks only for the sites the caller reaches, so another site's row is never read.
     */
    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void anIdIsLookedUpAmongTheCallersSitesOnly(TestDatabases db) {
        CommentStore store = new CommentStore(db.migrated(dir));
        String unnamed = "key:" + ((ApiKey) SITE_A).fingerprint();  // SITE_A's own site, before site=site-a was set
        for (String site : java.util.Arrays.asList("site-a", "site-b", unnamed, null)) {
            store.insert(NewCommentBuilder.from(comment("x", 1, null, SITE_A)).site(site).build(), T0);
        }
        Caller ofAAndC = new ApiKey("desk-key-1", Role.MODERATOR, 10, Sites.of(java.util.List.of("site-a", "site-c")));

        assertEquals(java.util.List.of("site-b"), sites(store.named("x", SITE_B.reachedSites())), "not site-a's, nor the older ones");
        assertEquals(sorted("site-a", unnamed), sites(store.named("x", SITE_A.reachedSites())), "its site's and its key's own");
        assertEquals(java.util.List.of("site-a"), sites(store.named("x", ofAAndC.reachedSites())));
        assertEquals(4, store.named("x", MODERATOR.reachedSites()).size(), "a moderator of every site: every one, and the one of none");
        assertTrue(store.named("x", Sites.stored("site-c")).isEmpty());
        assertTrue(store.named("y", SITE_A.reachedSites()).isEmpty());
    }

    private static java.util.List<String> sites(java.util.List<StoredComment> comments) {
        return comments.stream().map(StoredComment::site).sorted().toList();
    }

    private static java.util.List<String> sorted(String... sites) {
        return java.util.Arrays.stream(sites).sorted().toList();
    }

    /** A moderator of one site: the queues, counts, articles and open sites narrowed to it, each from an index on PostgreSQL (QueuePlansTest). */
    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void theListsNarrowToOneSite(TestDatabases db) {
        Jdbi jdbi = db.migrated(dir);
        CommentStore store = new CommentStore(jdbi);
        QueueReads queues = new QueueReads(jdbi);
        for (String[] c : new String[][] {{"a-held", "a1"}, {"a-held-2", "a2"}, {"b-held", "a1"}, {"b-held-2", "a3"}}) {
            store.insert(onArticle(c[0], c[1], "Title of " + c[1], c[0].startsWith("a") ? SITE_A : SITE_B), T0);
        }
        store.insert(comment("a-published", null, null, SITE_A), T0);
        store.report(CommentStore.key("site-a", "a-published"), "spam", "reader", null, T0);

        QueueReads.Narrowing a = new QueueReads.Narrowing(Sites.one("site-a"), null);
        assertEquals(java.util.List.of("a-held", "a-held-2"), queues.page(Queue.PENDING, a, 10, 0, null).comments().stream()
                .map(StoredComment::id).sorted().toList());
        assertEquals(2, queues.counts(a).get(Queue.PENDING));
        assertEquals(1, queues.counts(a).get(Queue.REPORTED));
        assertEquals(1, queues.counts(new QueueReads.Narrowing(Sites.one("site-a"), "a1")).get(Queue.PENDING), "and one article of it");
        assertEquals(4, queues.counts(QueueReads.Narrowing.NONE).get(Queue.PENDING));
        assertEquals(java.util.List.of("a1", "a2"), queues.articles(Sites.one("site-a"), 10).stream().map(QueueReads.ArticleSummary::id).sorted().toList(),
                "not a3, which only site-b's comments are on");
        QueueReads.ArticleSummary a1 = queues.articles(Sites.one("site-a"), 10).stream().filter(x -> x.id().equals("a1")).findFirst().orElseThrow();
        assertEquals(new QueueReads.ArticleSummary("a1", "site-a", "Title of a1", 2, 1), a1, "site-a's comments counted, not site-b's");
        assertEquals(4, queues.articles(Sites.EVERY, 10).size(), "site-a's a1 and site-b's a1 are two articles");

        assertEquals(java.util.List.of(new QueueReads.SiteSummary("site-a", 2, 1, 0), new QueueReads.SiteSummary("site-b", 2, 0, 0)),
                queues.sites(Sites.EVERY, 10));
        assertEquals(java.util.List.of(new QueueReads.SiteSummary("site-b", 2, 0, 0)), queues.sites(Sites.one("site-b"), 10));
        assertEquals(java.util.List.of(), queues.sites(Sites.one("site-c"), 10));
    }

    /** A moderator of a chosen few sites: the lists hold those sites' comments, site IN (…), and no other's. */
    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void theListsNarrowToAChosenFewSites(TestDatabases db) {
        Jdbi jdbi = db.migrated(dir);
        CommentStore store = new CommentStore(jdbi);
        QueueReads queues = new QueueReads(jdbi);
        Caller siteC = new ApiKey("site-c-key-1", Role.WEBSITE, 10, "site-c");
        for (Caller site : java.util.List.of(SITE_A, SITE_B, siteC)) {
            String s = site.site().substring("site-".length());
            store.insert(onArticle(s + "-held", "on-" + s, "Title on " + s, site), T0);
            store.insert(onArticle(s + "-shared", "shared", "Title of " + s, site), T0);
        }
        store.insert(comment("b-published", null, null, SITE_B), T0);
        store.report(CommentStore.key("site-b", "b-published"), "spam", "reader", null, T0);

        Sites ab = Sites.of(java.util.List.of("site-a", "site-b"));
        QueueReads.Narrowing in = new QueueReads.Narrowing(ab, null);
        assertEquals(java.util.List.of("a-held", "a-shared", "b-held", "b-shared"), queues.page(Queue.PENDING, in, 10, 0, null)
                .comments().stream().map(StoredComment::id).sorted().toList());
        assertEquals(4, queues.counts(in).get(Queue.PENDING));
        assertEquals(1, queues.counts(in).get(Queue.REPORTED));
        assertEquals(2, queues.counts(new QueueReads.Narrowing(ab, "shared")).get(Queue.PENDING), "and one article of theirs");
        assertEquals(6, queues.counts(QueueReads.Narrowing.NONE).get(Queue.PENDING));

        java.util.List<QueueReads.ArticleSummary> articles = queues.articles(ab, 10);
        assertEquals(java.util.List.of("a1", "on-a", "on-b", "shared", "shared"), articles.stream().map(QueueReads.ArticleSummary::id).sorted().toList(),
                "not on-c, which only site-c's comments are on; site-a's and site-b's shared apart");
        assertEquals(java.util.List.of(new QueueReads.ArticleSummary("shared", "site-a", "Title of a", 1, 1),
                        new QueueReads.ArticleSummary("shared", "site-b", "Title of b", 1, 1)),
                articles.stream().filter(x -> x.id().equals("shared")).sorted(java.util.Comparator.comparing(QueueReads.ArticleSummary::site)).toList(),
                "site-c's comment not counted");
        assertEquals(java.util.List.of(new QueueReads.SiteSummary("site-a", 2, 0, 0), new QueueReads.SiteSummary("site-b", 2, 1, 0)),
                queues.sites(ab, 10));
        assertEquals(3, queues.sites(Sites.EVERY, 10).size());
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
        return NewCommentBuilder.from(comment(id, null, null, by)).articleId(article).articleTitle(title).action(Action.REVIEW).build();
    }

    /**
     * Article ids are each site's own (changeset 16): two sites that use one have two articles, each with its own title,
     * comments, counts and menu entry. They shared a row, and the second site was shown no title (changeset 11), its
     * comments counted under the first site's title in the menu of a moderator of both (a per-site isolation audit).
     */
    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void anArticleIdTwoSitesUseIsAnArticleOfEach(TestDatabases db) {
        Jdbi jdbi = db.migrated(dir);
        CommentStore store = new CommentStore(jdbi);
        QueueReads queues = new QueueReads(jdbi);
        store.insert(onArticle("a-first", "shared", null, SITE_A), T0);
        StoredComment b = store.insert(onArticle("b-first", "shared", "Approve every comment on this article", SITE_B), T0).comment();
        assertNull(store.find("site-a", "a-first").orElseThrow().articleTitle(), "site-b did not title site-a's article");
        assertEquals(java.util.List.of("shared", "Approve every comment on this article"), java.util.List.of(b.articleId(), b.articleTitle()),
                "site-b's own title, sent back");

        store.insert(onArticle("a-titled", "shared", "Talks stall", SITE_A), T0);
        store.insert(onArticle("a-third", "shared", null, SITE_A), T0);
        assertEquals("Talks stall", store.find("site-a", "a-first").orElseThrow().articleTitle());
        assertEquals("Approve every comment on this article", store.find("site-b", "b-first").orElseThrow().articleTitle());
        assertEquals("Approve every comment on this article", store.insert(onArticle("b-second", "shared", null, SITE_B), T0).comment().articleTitle());

        QueueReads.Narrowing onB = new QueueReads.Narrowing(Sites.one("site-b"), "shared");
        assertEquals(java.util.List.of("b-first", "b-second"), queues.page(Queue.PENDING, onB, 10, 0, null).comments().stream()
                .map(StoredComment::id).sorted().toList(), "site-b's article holds site-b's comments only");
        QueueReads.Narrowing onA = new QueueReads.Narrowing(Sites.one("site-a"), "shared");
        assertEquals(java.util.List.of("a-first", "a-third", "a-titled"), queues.page(Queue.PENDING, onA, 10, 0, null).comments().stream()
                .map(StoredComment::id).sorted().toList());
        assertTrue(queues.page(Queue.PENDING, onA, 10, 0, null).comments().stream().allMatch(c -> "shared".equals(c.articleId())),
                "the site's article id, never the key");
        assertEquals(5, queues.counts(QueueReads.Narrowing.article("shared")).get(Queue.PENDING), "without a site: every site's article with the id");

        var a = new QueueReads.ArticleSummary("shared", "site-a", "Talks stall", 3, 3);
        var bs = new QueueReads.ArticleSummary("shared", "site-b", "Approve every comment on this article", 2, 2);
        assertEquals(java.util.List.of(bs), queues.articles(Sites.one("site-b"), 10));
        assertEquals(java.util.List.of(a), queues.articles(Sites.one("site-a"), 10));
        assertEquals(java.util.List.of(a, bs), queues.articles(Sites.EVERY, 10), "a moderator of every site: an entry for each");
        assertEquals(java.util.List.of(a, bs), queues.articles(Sites.of(java.util.List.of("site-a", "site-b")), 10), "and of both sites");
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
                oldComment(h, "id", "'" + r[0] + "'", "article_id", "'" + r[1] + "'", "site", r[2],
                        "created_at", "TIMESTAMP WITH TIME ZONE '2026-12-01 " + r[3] + ":00+00'",
                        "updated_at", "TIMESTAMP WITH TIME ZONE '2026-12-01 " + r[3] + ":00+00'");
        });
        Database.migrate(jdbi);
        CommentStore store = new CommentStore(jdbi);
        assertEquals("Talks stall", store.find("site-a", "a-1").orElseThrow().articleTitle());
        assertNull(store.find("site-b", "b-1").orElseThrow().articleTitle());
        assertEquals("Before sites", store.find(null, "old-1").orElseThrow().articleTitle(), "a comment without a site, an article without one");
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
                moderator.createQuery("SELECT id FROM comments WHERE local_id = 'c1' FOR UPDATE").mapTo(String.class).one();
                assertTrue(assertTimeoutPreemptively(java.time.Duration.ofSeconds(3),
                        () -> report(store, "c1", SITE_B)).isEmpty());
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
            oldComment(h, "id", "'old'", "article_id", "'a1'", "number", "1", "text", "'stored in the twentieth session'");
        });
        Database.migrate(jdbi);
        CommentStore store = new CommentStore(jdbi);

        StoredComment old = store.find(null, "old").orElseThrow();
        assertNull(old.site());
        assertEquals("stored in the twentieth session", old.text());
        assertTrue(report(store, "old", SITE_A).isEmpty(), "no site owns it");
        assertTrue(store.parent(SITE_A.site(), "a1", "old", null).isEmpty(), "nor is it a site's parent");
        assertTrue(report(store, "old", MODERATOR).isPresent());

        jdbi.useHandle(h -> h.execute("UPDATE comments SET site = 'site-a' WHERE site IS NULL"));  // the README's
        assertTrue(report(store, "old", SITE_A).isPresent());
        assertTrue(report(store, "old", SITE_B).isEmpty());
    }

    /**
     * Changeset 15 on a database the code before it wrote (comments keyed by the site's id, no local_id): every comment,
     * its decisions and reports keep their key, and each is found by its id and site. Its site storing the id again is
     * a retry or a clash as before; another site storing it gets a comment of its own.
     */
    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void commentsStoredWhileIdsWereOneSpaceAreFoundByTheirIdsAfterTheUpgrade(TestDatabases db) throws IOException {
        Jdbi jdbi = db.migratedBefore("parley:15-", dir);
        jdbi.useHandle(h -> {
            h.execute("INSERT INTO articles (id, title, created_at, site) VALUES ('a1', 'Title', CURRENT_TIMESTAMP, 'site-a')");
            String[][] rows = {{"c1", "'site-a'"}, {"t1/c1", "'site-a'"}, {"t1//c2", "'site-b'"}, {"old", "NULL"}};
            for (String[] r : rows)
                oldComment(h, "id", "'" + r[0] + "'", "article_id", "'a1'", "text", "'text of " + r[0] + "'", "open_reports", "1",
                        "version", "2", "site", r[1]);
            h.execute("""
                    INSERT INTO decisions (comment_id, version, decision, status, actor, actor_kind, text, scores, model_version,
                        model_checksum, decided_at)
                    VALUES ('c1', 1, 'PUBLISH', 'PUBLISHED', 'policy', 'RULE', 'text of c1', '{}', 'v1', 'sum', CURRENT_TIMESTAMP)""");
            h.execute("INSERT INTO reports (comment_id, reason, reported_at) VALUES ('c1', 'spam', CURRENT_TIMESTAMP)");
        });
        Database.migrate(jdbi);
        CommentStore store = new CommentStore(jdbi);

        StoredComment c1 = store.find("site-a", "c1").orElseThrow();
        assertEquals(java.util.List.of("c1", "c1", "text of c1"), java.util.List.of(c1.id(), c1.key(), c1.text()), "its key is its id, as before");
        assertEquals(java.util.List.of("c1"), store.history(c1.key()).stream().map(d -> d.commentId()).toList());
        assertEquals(1, store.reports(c1, 10).size());
        assertEquals("text of t1/c1", store.find("site-a", "t1/c1").orElseThrow().text());
        assertEquals("text of t1//c2", store.find("site-b", "t1//c2").orElseThrow().text());
        assertEquals("text of old", store.find(null, "old").orElseThrow().text());
        for (String id : java.util.List.of("c1", "t1/c1", "t1//c2", "old")) assertEquals(1, store.named(id, Sites.EVERY).size(), id);
        assertInstanceOf(CommentStore.Outcome.Decided.class, store.decide(c1.key(), org.parley.service.moderation.Verdict.APPROVE,
                null, null, "alice", true, 2, T0));

        assertFalse(store.insert(comment("c1", 1, null, SITE_A), T0).created(), "site-a's id: a retry or a clash, as before");
        assertEquals(1, store.named("c1", Sites.EVERY).size());
        StoredComment theirs = store.insert(comment("c1", 1, null, SITE_B), T0).comment();
        assertEquals(java.util.List.of("c1", "site-b", "text of c1"), java.util.List.of(theirs.id(), theirs.site(), theirs.text()));
        assertNotEquals("c1", theirs.key());
        assertEquals(2, store.named("c1", Sites.EVERY).size());
        assertEquals(java.util.List.of("PUBLISH"), store.history(theirs.key()).stream().map(d -> d.decision()).toList(),
                "its own history, not site-a's");
        assertTrue(store.insert(comment("old", 1, null, SITE_A), T0).created(), "a comment of no site is no site's id");
    }

    /**
     * Changeset 16 on a database the code before it wrote (article ids one space, rows given to the site of their first
     * comment by changeset 11): each article keeps its title and comments, and another site's comments under its id move
     * to an article of that site's own, untitled until that site sends the title. New comments join their site's row.
     */
    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void articlesStoredWhileArticleIdsWereOneSpaceKeepTheirTitlesAndCommentsAfterTheUpgrade(TestDatabases db) throws IOException {
        Jdbi jdbi = db.migratedBefore("parley:16-", dir);
        jdbi.useHandle(h -> {
            h.execute("INSERT INTO articles (id, title, created_at, site) VALUES ('shared', 'Talks stall', CURRENT_TIMESTAMP, 'site-a')");
            h.execute("INSERT INTO articles (id, title, created_at, site) VALUES ('old', 'Before sites', CURRENT_TIMESTAMP, NULL)");
            String[][] rows = {{"a-1", "shared", "'site-a'", "1"}, {"b-1", "shared", "'site-b'", "2"}, {"b-2", "shared", "'site-b'", "3"},
                    {"old-1", "old", "NULL", "1"}, {"b-old", "old", "'site-b'", "2"}};
            for (String[] r : rows)
                oldComment(h, "id", "'" + r[0] + "'", "local_id", "'" + r[0] + "'", "article_id", "'" + r[1] + "'", "number", r[3],
                        "text", "'text of " + r[0] + "'", "action", "'REVIEW'", "status", "'PENDING'", "site", r[2]);
        });
        Database.migrate(jdbi);
        CommentStore store = new CommentStore(jdbi);
        QueueReads queues = new QueueReads(jdbi);
        StoredComment a1 = store.find("site-a", "a-1").orElseThrow();
        assertEquals(java.util.List.of("shared", "Talks stall"), java.util.List.of(a1.articleId(), a1.articleTitle()));
        assertEquals("Before sites", store.find(null, "old-1").orElseThrow().articleTitle());
        StoredComment b1 = store.find("site-b", "b-1").orElseThrow();
        assertEquals("shared", b1.articleId());
        assertNull(b1.articleTitle(), "site-a's title is not site-b's, and site-b's was never stored");
        assertEquals("b-1", store.parent("site-b", "shared", null, 2).orElseThrow().id(), "its numbers, in its own article");
        var before = new QueueReads.ArticleSummary("shared", "site-a", "Talks stall", 1, 1);
        assertEquals(java.util.List.of(new QueueReads.ArticleSummary("shared", "site-b", null, 2, 2), before),
                queues.articles(Sites.of(java.util.List.of("site-a", "site-b")), 10).stream()
                        .filter(x -> x.id().equals("shared")).toList());

        StoredComment b3 = store.insert(onArticle("b-3", "shared", "Site b's own", SITE_B), T0).comment();
        assertEquals("Site b's own", b3.articleTitle());
        assertEquals("Site b's own", store.find("site-b", "b-1").orElseThrow().articleTitle(), "one article of site-b's: the moved one");
        assertEquals("Talks stall", store.insert(onArticle("a-2", "shared", "Another title", SITE_A), T0).comment().articleTitle());
        assertEquals(java.util.List.of(new QueueReads.ArticleSummary("shared", "site-b", "Site b's own", 3, 3),
                        new QueueReads.ArticleSummary("shared", "site-a", "Talks stall", 2, 2)),
                queues.articles(Sites.EVERY, 10).stream().filter(x -> x.id().equals("shared")).toList());
        assertEquals(java.util.List.of("b-old"), queues.page(Queue.PENDING, new QueueReads.Narrowing(Sites.one("site-b"), "old"), 10, 0, null)
                .comments().stream().map(StoredComment::id).toList());
        assertEquals(Integer.valueOf(4), jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM articles").mapTo(Integer.class).one()),
                "shared and old of before, and site-b's of each");
    }

    /** A site's new comment is keyed apart from every other site's and from every id stored before (none starts with '/'). */
    @org.junit.jupiter.api.Test
    void keysOfNewCommentsMeetNoOtherSitesAndNoIdFromBefore() {
        assertEquals(CommentStore.key("site-a", "c1"), CommentStore.key("site-a", "c1"), "two stores of one comment collide");
        java.util.Set<String> keys = new java.util.HashSet<>();
        for (String[] c : new String[][] {{"site-a", "c1"}, {"site-b", "c1"}, {"site-a", "b/c1"}, {"site-a/b", "c1"},
                {"key:6226a336", "c1"}, {"account:dana", "c1"}, {"t", "/x"}, {"t/", "x"}}) {
            String key = CommentStore.key(c[0], c[1]);
            assertTrue(keys.add(key), String.join(" ", c));
            assertTrue(key.startsWith("//") && key.length() == 66, key);
        }
        assertEquals("c1", CommentStore.key(null, "c1"), "a comment without a site, as before sites were kept");
    }

    /**
     * A comment row as the code of an older schema wrote it, for the upgrade tests: scores, spans, model and a published
     * version 1 filled in, then {@code columns} (name, SQL literal, …), which add or replace any of them.
     */
    private static void oldComment(Handle h, String... columns) {
        Map<String, String> row = new LinkedHashMap<>();
        String[] defaults = {"text", "'text'", "open_reports", "0", "toxicity", "0.1", "severe_toxicity", "0", "identity_attack", "0",
                "insult", "0", "profanity", "0", "threat", "0", "risk", "0.1", "top_attribute", "'TOXICITY'", "spans", "'[]'",
                "model_name", "'m'", "model_version", "'v1'", "model_checksum", "'sum'", "action", "'PUBLISH'", "status", "'PUBLISHED'",
                "decided_by", "'RULE'", "version", "1", "created_at", "CURRENT_TIMESTAMP", "updated_at", "CURRENT_TIMESTAMP"};
        for (String[] pairs : new String[][] {defaults, columns})
            for (int i = 0; i < pairs.length; i += 2) row.put(pairs[i], pairs[i + 1]);
        h.execute("INSERT INTO comments (" + String.join(", ", row.keySet()) + ") VALUES (" + String.join(", ", row.values()) + ")");
    }
}
