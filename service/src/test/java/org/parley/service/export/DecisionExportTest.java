package org.parley.service.export;

import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.parley.corpus.Example;
import org.parley.corpus.LabelledFile;
import org.parley.label.Attribute;
import org.parley.policy.Action;
import org.parley.service.moderation.NewComment;
import org.parley.service.moderation.Reason;
import org.parley.service.moderation.StoredComment;
import org.parley.service.moderation.Verdict;
import org.parley.service.store.CommentStore;
import org.parley.service.store.FeedbackStore;
import org.parley.service.store.TestDatabases;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.ExtendWith;
import org.parley.service.store.KeptOpenDatabases;

import static org.junit.jupiter.api.Assertions.*;

/** The export format on both databases: exactly the expected lines, readable by the training reader. */
@ExtendWith(KeptOpenDatabases.class) // H2 kept open between handles
class DecisionExportTest {
    private static final Instant T0 = Instant.parse("2026-11-30T10:00:00Z");
    private static final String NONE = "{\"TOXICITY\":0.0,\"SEVERE_TOXICITY\":0.0,\"IDENTITY_ATTACK\":0.0,\"INSULT\":0.0,\"PROFANITY\":0.0,\"THREAT\":0.0}";

    @TempDir Path dir;

    private static NewComment comment(String id, Action action) {
        return comment(id, action, null, "news.example");
    }

    /** @param language as stored for a comment that looks foreign (null: English) */
    private static NewComment comment(String id, Action action, String language, String site) {
        float[] s = new float[Attribute.COUNT];
        s[Attribute.TOXICITY.ordinal()] = action == Action.PUBLISH ? 0.05f : 0.7f;
        return new NewComment(id, "a1", "Article", null, null, null, null, "text of " + id, null, null, null, s,
                Attribute.TOXICITY, "[]", null, new StoredComment.ModelRef("m", "v1", "sum"), action, language, null, "[\"TOXICITY in [0.50, 0.90) -> REVIEW\"]",
                site);
    }

    /** The store's key of a comment of news.example's, the site of {@link #comment(String, Action)}. */
    private static String key(String id) {
        return CommentStore.key("news.example", id);
    }

    /** Stores {@code id} on {@code site} (null: none, as before sites were kept) and approves it. */
    private static void approved(CommentStore store, String id, String site) {
        store.insert(comment(id, Action.REVIEW, null, site), T0);
        store.decide(CommentStore.key(site, id), Verdict.APPROVE, null, null, "alice", true, 1, T0.plusSeconds(1));
    }

    /** The line of news.example's comment {@code id}, without its decidedAt ({@link #lines}). */
    private static String line(String id, String labels) {
        return line("news.example", id, labels);
    }

    private static String line(String site, String id, String labels) {
        return "{\"id\":\"" + site + "/" + id + "\",\"source\":\"moderator-decisions\",\"text\":\"text of " + id + "\",\"labels\":"
                + labels + "}";
    }

    /** The withdrawal of news.example's comment {@code id}, without its decidedAt ({@link #lines}): no text, no labels. */
    private static String withdrawal(String id, String why) {
        return "{\"id\":\"news.example/" + id + "\",\"source\":\"moderator-decisions\",\"withdrawn\":\"" + why + "\"}";
    }

    /** The lines written, each without its decidedAt, which {@link #eachLineSaysWhenItsDecisionWasMade} checks. */
    private static List<String> lines(StringWriter out) {
        return out.toString().lines().map(l -> l.replaceFirst(",\"decidedAt\":\"[^\"]+\"}$", "}")).toList();
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void writesTheLatestHumanDecisionPerCommentAndTheFeedbackAsLabelledLines(TestDatabases db) throws Exception {
        Jdbi jdbi = db.migrated(dir);
        CommentStore store = new CommentStore(jdbi);
        FeedbackStore feedback = new FeedbackStore(jdbi);
        int[] t = {0};
        java.util.function.Function<String, Instant> insert = id -> {
            store.insert(comment(id, id.startsWith("policy") ? Action.PUBLISH : Action.REVIEW), T0.plusSeconds(t[0]++));
            return T0.plusSeconds(t[0]++);
        };
        // The policy's decisions only: never exported.
        insert.apply("policy-published");
        store.insert(comment("policy-rejected", Action.REJECT), T0);
        record D(String id, Verdict v, Reason r) {}
        for (D d : List.of(new D("approved", Verdict.APPROVE, null), new D("insult", Verdict.REJECT, Reason.INSULT),
                new D("threat", Verdict.REJECT, Reason.THREAT), new D("identity", Verdict.REJECT, Reason.IDENTITY_ATTACK),
                new D("profanity", Verdict.REJECT, Reason.PROFANITY), new D("severe", Verdict.REJECT, Reason.SEVERE_TOXICITY),
                new D("toxicity", Verdict.REJECT, Reason.TOXICITY), new D("spam", Verdict.REJECT, Reason.SPAM),
                new D("off-topic", Verdict.REJECT, Reason.OFF_TOPIC), new D("escalated", Verdict.ESCALATE, null),
                new D("revised", Verdict.REJECT, Reason.INSULT)))
            store.decide(key(d.id()), d.v(), d.r(), null, "alice", true, 1, insert.apply(d.id()));
        // A revision supersedes: rejected for insult, then approved on appeal.
        store.decide(key("revised"), Verdict.APPROVE, null, "on appeal", "bob", true, 2, T0.plusSeconds(100));
        // And the other way: approved, then escalated, then rejected as a threat.
        store.decide(key("approved"), Verdict.ESCALATE, null, null, "bob", true, 2, T0.plusSeconds(101));
        store.decide(key("approved"), Verdict.REJECT, Reason.THREAT, null, "carol", true, 3, T0.plusSeconds(102));
        Map<Attribute, Double> suggested = new EnumMap<>(Attribute.class);
        suggested.put(Attribute.TOXICITY, 0.8);
        suggested.put(Attribute.INSULT, 1.0);
        String feedbackId = feedback.append("You people never listen.", suggested, "website-1", T0.plusSeconds(200)).orElseThrow();

        StringWriter out = new StringWriter();
        DecisionExport.Summary summary = new DecisionExport(jdbi).write(out);

        String insultLabels = "{\"TOXICITY\":1.0,\"INSULT\":1.0}";
        List<String> expected = List.of(
                line("insult", insultLabels),
                line("threat", "{\"TOXICITY\":1.0,\"THREAT\":1.0}"),
                line("identity", "{\"TOXICITY\":1.0,\"IDENTITY_ATTACK\":1.0}"),
                line("profanity", "{\"TOXICITY\":1.0,\"PROFANITY\":1.0}"),
                line("severe", "{\"TOXICITY\":1.0,\"SEVERE_TOXICITY\":1.0}"),
                line("toxicity", "{\"TOXICITY\":1.0}"),
                withdrawal("spam", "reject:spam"),
                withdrawal("off-topic", "reject:off_topic"),
                withdrawal("escalated", "escalate"),
                line("revised", NONE),
                line("approved", "{\"TOXICITY\":1.0,\"THREAT\":1.0}"),
                "{\"id\":\"" + feedbackId + "\",\"source\":\"suggestscore\",\"text\":\"You people never listen.\",\"labels\":{\"TOXICITY\":0.8,\"INSULT\":1.0}}");
        assertEquals(expected, lines(out));
        assertEquals(new DecisionExport.Summary(8, 1, 3, Map.of("escalate", 1, "reject:off_topic", 1, "reject:spam", 1)), summary);
        assertEquals(9, summary.exported());
        assertEquals(3, summary.skippedTotal());

        Path file = dir.resolve("decisions.jsonl");
        Files.writeString(file, out.toString());
        List<Example> read = LabelledFile.read(file);
        assertEquals(9, read.size());
        Example revised = read.get(6);
        assertEquals("news.example/revised", revised.id());
        assertEquals(DecisionExport.DECISIONS_SOURCE, revised.source());
        for (Attribute a : Attribute.values()) assertEquals(0f, revised.labels().get(a), a.name());
        assertFalse(read.get(0).labels().has(Attribute.THREAT), "an insult says nothing about THREAT");
        assertEquals(DecisionExport.FEEDBACK_SOURCE, read.get(8).source());
        assertEquals(0.8f, read.get(8).labels().get(Attribute.TOXICITY), 1e-6);
    }

    /** The model reads English only: a foreign comment's verdict would label its words as English. */
    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void aCommentStoredAsForeignIsNotExported(TestDatabases db) throws Exception {
        Jdbi jdbi = db.migrated(dir);
        CommentStore store = new CommentStore(jdbi);
        store.insert(comment("dutch", Action.REVIEW, "nl", "news.example"), T0);
        store.insert(comment("english", Action.REVIEW), T0);
        store.decide(key("dutch"), Verdict.APPROVE, null, null, "alice", true, 1, T0.plusSeconds(1));
        store.decide(key("english"), Verdict.APPROVE, null, null, "alice", true, 1, T0.plusSeconds(2));

        StringWriter out = new StringWriter();
        DecisionExport.Summary summary = new DecisionExport(jdbi).write(out);
        assertEquals(List.of(line("english", NONE)), lines(out));
        assertEquals(Map.of("foreign language", 1), summary.skipped());
    }

    /** A comment its site withdrew (or an operator erased) is no training example, whatever a moderator decided on it. */
    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void anErasedCommentIsNotExported(TestDatabases db) throws Exception {
        Jdbi jdbi = db.migrated(dir);
        CommentStore store = new CommentStore(jdbi);
        store.insert(comment("withdrawn", Action.REVIEW), T0);
        store.insert(comment("kept", Action.REVIEW), T0);
        store.decide(key("withdrawn"), Verdict.REJECT, Reason.INSULT, null, "alice", true, 1, T0.plusSeconds(1));
        store.decide(key("kept"), Verdict.APPROVE, null, null, "alice", true, 1, T0.plusSeconds(2));
        store.erase(key("withdrawn"), "site-key", org.parley.service.moderation.Decider.WEBSITE, T0.plusSeconds(3));

        StringWriter out = new StringWriter();
        DecisionExport.Summary summary = new DecisionExport(jdbi).write(out);
        assertEquals(List.of(withdrawal("withdrawn", "erased"), line("kept", NONE)), lines(out), "no text, no labels: a withdrawal");
        assertEquals(Map.of("erased", 1), summary.skipped());
    }

    /**
     * A data scientist's second audit: a comment readers reported after a moderator approved it was exported as
     * approved (every label 0). It waits for the decision that closes the reports; a rejection keeps its label.
     */
    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void anApprovalReadersReportedSinceWaitsForTheNextDecision(TestDatabases db) throws Exception {
        Jdbi jdbi = db.migrated(dir);
        CommentStore store = new CommentStore(jdbi);
        for (String id : List.of("approved", "reported", "rejected")) store.insert(comment(id, Action.REVIEW), T0);
        store.decide(key("approved"), Verdict.APPROVE, null, null, "alice", true, 1, T0.plusSeconds(1));
        store.decide(key("reported"), Verdict.APPROVE, null, null, "alice", true, 1, T0.plusSeconds(2));
        store.decide(key("rejected"), Verdict.REJECT, Reason.INSULT, null, "alice", true, 1, T0.plusSeconds(3));
        store.report(key("reported"), "abusive", "website-1", null, T0.plusSeconds(4));
        store.report(key("rejected"), "spam", "website-1", null, T0.plusSeconds(5));
        DecisionExport export = new DecisionExport(jdbi);

        StringWriter out = new StringWriter();
        DecisionExport.Summary summary = export.write(out);
        assertEquals(List.of(line("approved", NONE), withdrawal("reported", "approve, reported since"),
                line("rejected", "{\"TOXICITY\":1.0,\"INSULT\":1.0}")), lines(out));
        assertEquals(Map.of("approve, reported since", 1), summary.skipped());

        // The moderator reads the report and rejects: that decision is the label now.
        int version = store.byKey(key("reported")).orElseThrow().version();
        store.decide(key("reported"), Verdict.REJECT, Reason.INSULT, null, "bob", true, version, T0.plusSeconds(6));
        out = new StringWriter();
        assertEquals(Map.of(), export.write(out).skipped());
        assertTrue(lines(out).contains(line("reported", "{\"TOXICITY\":1.0,\"INSULT\":1.0}")), out.toString());
    }

    /**
     * A moderator's third audit: a decision undone (REOPEN: the comment back in PENDING, unread) must not become training
     * data. Its comment is skipped as "reopen", written as a withdrawal (an earlier export may hold the undone label), until
     * a moderator decides again: that decision exports as any other.
     */
    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void aReopenedCommentsUndoneDecisionIsWithdrawnAndTheDecisionAfterItExported(TestDatabases db) throws Exception {
        Jdbi jdbi = db.migrated(dir);
        CommentStore store = new CommentStore(jdbi);
        for (String id : List.of("undone", "kept", "redecided")) store.insert(comment(id, Action.REVIEW), T0);
        store.decide(key("undone"), Verdict.REJECT, Reason.INSULT, null, "alice", true, 1, T0.plusSeconds(1));
        store.decide(key("undone"), Verdict.REOPEN, null, "rejected by mistake", "alice", true, 2, T0.plusSeconds(2));
        store.decide(key("kept"), Verdict.REJECT, Reason.INSULT, null, "alice", true, 1, T0.plusSeconds(3));
        store.decide(key("redecided"), Verdict.APPROVE, null, null, "alice", true, 1, T0.plusSeconds(4));
        store.decide(key("redecided"), Verdict.REOPEN, null, null, "alice", true, 2, T0.plusSeconds(5));
        store.decide(key("redecided"), Verdict.REJECT, Reason.THREAT, null, "bob", true, 3, T0.plusSeconds(6));

        StringWriter out = new StringWriter();
        DecisionExport.Summary summary = new DecisionExport(jdbi).write(out);

        assertEquals(List.of(withdrawal("undone", "reopen"), line("kept", "{\"TOXICITY\":1.0,\"INSULT\":1.0}"),
                line("redecided", "{\"TOXICITY\":1.0,\"THREAT\":1.0}")), lines(out));
        assertEquals(new DecisionExport.Summary(2, 0, 1, Map.of("reopen", 1)), summary);
        assertTrue(out.toString().lines().findFirst().orElseThrow().contains("\"decidedAt\":\"" + T0.plusSeconds(2) + "\""),
                "as of the reopen, later than the undone label: " + out);
        String format = Files.readString(Path.of("..", "docs", "labelled-data-format.md"));
        assertTrue(format.substring(format.indexOf("| latest decision | labels |"), format.indexOf("The policy's own decisions"))
                .contains("\"reopen\""), "in the format's table");
    }

    /**
     * One site's moderators could teach the model every site shares (an approval of "What a stupid idiot you are"
     * exported with every label 0): --site keeps the decisions on the chosen sites' comments, and leaves out the
     * suggested scores, which carry no site.
     */
    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void sitesNarrowTheExportToTheirOwnDecisions(TestDatabases db) throws Exception {
        Jdbi jdbi = db.migrated(dir);
        CommentStore store = new CommentStore(jdbi);
        FeedbackStore feedback = new FeedbackStore(jdbi);
        for (String site : List.of("news.example", "blog.example", "forum.example")) approved(store, "on-" + site, site);
        approved(store, "no-site", null);  // stored before sites were kept: no site's
        feedback.append("You people never listen.", Map.of(Attribute.TOXICITY, 0.8), "website-1", T0.plusSeconds(2));

        StringWriter out = new StringWriter();
        DecisionExport.Summary summary = new DecisionExport(jdbi)
                .write(out, java.util.Set.of("news.example", "forum.example"));
        assertEquals(List.of(line("on-news.example", NONE), line("forum.example", "on-forum.example", NONE)), lines(out));
        assertEquals(new DecisionExport.Summary(2, 0, 0, Map.of("another site", 2, "suggestion of another site", 1)), summary,
                "the comment and the suggestion stored without a site are no site's");

        StringWriter all = new StringWriter();
        assertEquals(5, new DecisionExport(jdbi).write(all).exported(), "without sites: every decision and the suggestion");
    }

    /**
     * A data scientist's second audit: suggestions carried no site, so an export of one site left every one of them out;
     * now each keeps the site of the key that suggested it, and an export of that site holds it.
     */
    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void anExportOfSitesHoldsTheSuggestionsOfTheirKeys(TestDatabases db) throws Exception {
        Jdbi jdbi = db.migrated(dir);
        CommentStore store = new CommentStore(jdbi);
        FeedbackStore feedback = new FeedbackStore(jdbi);
        store.insert(comment("on-news", Action.REVIEW, null, "news.example"), T0);
        store.decide(key("on-news"), Verdict.APPROVE, null, null, "alice", true, 1, T0.plusSeconds(1));
        String news = feedback.append("You people never listen.", Map.of(Attribute.TOXICITY, 0.8), "website-1", null, "news.example",
                T0.plusSeconds(2)).orElseThrow();
        feedback.append("Nobody reads this rag.", Map.of(Attribute.TOXICITY, 0.6), "website-2", null, "blog.example", T0.plusSeconds(3));
        feedback.append("An old one.", Map.of(Attribute.TOXICITY, 0.1), "website-1", T0.plusSeconds(4));  // stored before sites were kept
        String suggestsOnly = feedback.append("Only suggestions here.", Map.of(Attribute.TOXICITY, 0.2), "website-3", null, "forum.example",
                T0.plusSeconds(5)).orElseThrow();

        StringWriter out = new StringWriter();
        DecisionExport.Summary summary = new DecisionExport(jdbi).write(out, java.util.Set.of("news.example"));
        assertEquals(List.of("news.example/on-news", news), LabelledFile.read(Files.writeString(dir.resolve("news.jsonl"), out.toString()))
                .stream().map(Example::id).toList());
        assertEquals(new DecisionExport.Summary(1, 1, 0, Map.of("suggestion of another site", 3)), summary);

        StringWriter forum = new StringWriter();
        assertEquals(new DecisionExport.Summary(0, 1, 0, Map.of("another site", 1, "suggestion of another site", 3)),
                new DecisionExport(jdbi).write(forum, java.util.Set.of("forum.example")),
                "a site that only suggests is a site with something to export");
        assertTrue(forum.toString().contains(suggestsOnly));
        assertEquals(5, new DecisionExport(jdbi).write(new StringWriter()).exported(), "every site's, and the old one");
    }

    /** A data scientist's second audit: a suggestion in another language was exported, a comment in one is not. */
    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void aSuggestionStoredAsForeignIsSkippedAsAForeignCommentIs(TestDatabases db) throws Exception {
        Jdbi jdbi = db.migrated(dir);
        FeedbackStore feedback = new FeedbackStore(jdbi);
        feedback.append("Jullie zijn allemaal idioten en dat weet iedereen.", Map.of(Attribute.TOXICITY, 0.0), "website-1", "nl", null, T0);
        String english = feedback.append("You people never listen.", Map.of(Attribute.TOXICITY, 0.8), "website-1", null, null, T0.plusSeconds(1)).orElseThrow();

        StringWriter out = new StringWriter();
        DecisionExport.Summary summary = new DecisionExport(jdbi).write(out);

        assertEquals(List.of(english), LabelledFile.read(Files.writeString(dir.resolve("out.jsonl"), out.toString()))
                .stream().map(Example::id).toList());
        assertEquals(new DecisionExport.Summary(0, 1, 0, Map.of("suggestion in a foreign language", 1)), summary);
    }

    /**
     * A data scientist's second audit: "--site blog.exmaple" (or "Blog.Example": names are lowercase) wrote an empty
     * file and exit status 0, every decision skipped as "another site".
     */
    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void aSiteThatNoStoredCommentHasIsRefusedNamingTheSitesThatHaveSome(TestDatabases db) throws Exception {
        Jdbi jdbi = db.migrated(dir);
        CommentStore store = new CommentStore(jdbi);
        for (String site : List.of("news.example", "blog.example")) approved(store, "on-" + site, site);
        DecisionExport export = new DecisionExport(jdbi);
        StringWriter out = new StringWriter();

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> export.write(out, java.util.Set.of("news.example", "blog.exmaple")));
        assertEquals("--site blog.exmaple: no stored comment or suggestion has this site; sites with some: blog.example, news.example",
                e.getMessage());
        assertEquals("", out.toString());
        assertThrows(IllegalArgumentException.class, () -> export.write(out, java.util.Set.of("Blog.Example")));
        assertEquals(1, export.write(new StringWriter(), java.util.Set.of("blog.example")).exported());
    }

    /** The refusal names twenty of the sites that have comments, and counts the rest. */
    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void aRefusalNamesTwentySitesAndCountsTheRest(TestDatabases db) throws Exception {
        Jdbi jdbi = db.migrated(dir);
        CommentStore store = new CommentStore(jdbi);
        List<String> sites = java.util.stream.IntStream.range(0, 21).mapToObj(i -> String.format("s%02d.example", i)).toList();
        for (String site : sites.subList(0, 20)) approved(store, "c", site);
        DecisionExport export = new DecisionExport(jdbi);
        String twenty = String.join(", ", sites.subList(0, 20));
        assertEquals("--site x: no stored comment or suggestion has this site; sites with some: " + twenty,
                assertThrows(IllegalArgumentException.class, () -> export.write(new StringWriter(), java.util.Set.of("x"))).getMessage());
        approved(store, "c", sites.get(20));
        assertEquals("--site x: no stored comment or suggestion has this site; sites with some: " + twenty + " and 1 more",
                assertThrows(IllegalArgumentException.class, () -> export.write(new StringWriter(), java.util.Set.of("x"))).getMessage());
    }

    /** What the export wrote has reached its writer when write returns: the caller need not flush a buffered one. */
    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void theLinesAreFlushedToTheWriterByTheTimeWriteReturns(TestDatabases db) throws Exception {
        Jdbi jdbi = db.migrated(dir);
        approved(new CommentStore(jdbi), "c1", "news.example");
        StringWriter under = new StringWriter();
        java.io.BufferedWriter buffered = new java.io.BufferedWriter(under, 1 << 16);
        assertEquals(1, new DecisionExport(jdbi).write(buffered).exported());
        assertEquals(1, lines(under).size(), under.toString());
    }

    /**
     * A review of the withdrawals: the erased check came before the site filter, so an export for one site wrote a
     * withdrawal naming another site's erased comment (its id and when it was decided), where the per-site isolation
     * audit keeps a site's export to its own comments. Another site's comment is "another site", whatever it is.
     */
    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void anExportForOneSiteNamesNoOtherSitesErasedComment(TestDatabases db) throws Exception {
        Jdbi jdbi = db.migrated(dir);
        CommentStore store = new CommentStore(jdbi);
        store.insert(comment("theirs", Action.REVIEW, null, "blog.example"), T0);
        store.decide(CommentStore.key("blog.example", "theirs"), Verdict.REJECT, Reason.INSULT, null, "alice", true, 1, T0.plusSeconds(1));
        store.erase(CommentStore.key("blog.example", "theirs"), "site-key", org.parley.service.moderation.Decider.WEBSITE, T0.plusSeconds(2));
        approved(store, "ours", "news.example");

        StringWriter out = new StringWriter();
        DecisionExport.Summary summary = new DecisionExport(jdbi).write(out, java.util.Set.of("news.example"));
        assertFalse(out.toString().contains("blog.example"), out.toString());
        assertEquals(Map.of("another site", 1), summary.skipped());
        assertEquals(0, summary.withdrawals());
        StringWriter all = new StringWriter();
        new DecisionExport(jdbi).write(all);
        assertTrue(all.toString().contains("{\"id\":\"blog.example/theirs\",\"source\":\"moderator-decisions\",\"withdrawn\":\"erased\""),
                "an export of every site withdraws it: " + all);
    }

    /**
     * The format's table of what is not exported left out "erased" and "approve, reported since", and the summary
     * said every skip was "without labels", erased and foreign comments too: each reason an export counts is in the
     * table, and the summary says only "skipped".
     */
    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void everyReasonTheExportSkipsForIsInTheFormatsTable(TestDatabases db) throws Exception {
        Jdbi jdbi = db.migrated(dir);
        CommentStore store = new CommentStore(jdbi);
        FeedbackStore feedback = new FeedbackStore(jdbi);
        store.insert(comment("dutch", Action.REVIEW, "nl", "news.example"), T0);
        for (String id : List.of("erased", "reported", "escalated", "spam")) store.insert(comment(id, Action.REVIEW), T0);
        store.decide(key("dutch"), Verdict.APPROVE, null, null, "alice", true, 1, T0.plusSeconds(1));
        store.decide(key("erased"), Verdict.REJECT, Reason.INSULT, null, "alice", true, 1, T0.plusSeconds(1));
        store.decide(key("reported"), Verdict.APPROVE, null, null, "alice", true, 1, T0.plusSeconds(1));
        store.decide(key("escalated"), Verdict.ESCALATE, null, null, "alice", true, 1, T0.plusSeconds(1));
        store.decide(key("spam"), Verdict.REJECT, Reason.SPAM, null, "alice", true, 1, T0.plusSeconds(1));
        store.erase(key("erased"), "site-key", org.parley.service.moderation.Decider.WEBSITE, T0.plusSeconds(2));
        store.report(key("reported"), "abusive", "website-1", null, T0.plusSeconds(2));
        approved(store, "elsewhere", "blog.example");
        feedback.append("Jullie zijn allemaal idioten.", Map.of(Attribute.TOXICITY, 1.0), "website-1", "nl", "news.example", T0);
        feedback.append("Nobody reads this rag.", Map.of(Attribute.TOXICITY, 0.6), "website-2", null, "blog.example", T0);

        DecisionExport.Summary summary = new DecisionExport(jdbi).write(new StringWriter(), java.util.Set.of("news.example"));

        assertEquals(new DecisionExport.Summary(0, 0, 4, Map.of("foreign language", 1, "erased", 1, "approve, reported since", 1,
                "escalate", 1, "reject:spam", 1, "another site", 1, "suggestion in a foreign language", 1,
                "suggestion of another site", 1)), summary);
        assertEquals("exported 0 examples (0 moderator decisions, 0 suggested scores); skipped 8 {another site=1, "
                + "approve, reported since=1, erased=1, escalate=1, foreign language=1, reject:spam=1, "
                + "suggestion in a foreign language=1, suggestion of another site=1}, of which 4 written as withdrawals", summary.toString());
        String format = Files.readString(Path.of("..", "docs", "labelled-data-format.md"));
        String table = format.substring(format.indexOf("| latest decision | labels |"), format.indexOf("The policy's own decisions"));
        for (String why : summary.skipped().keySet()) assertTrue(table.contains("\"" + why + "\""), why + " is not in the table");
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void anEmptyDatabaseExportsNothing(TestDatabases db) throws Exception {
        Jdbi jdbi = db.migrated(dir);
        StringWriter out = new StringWriter();
        DecisionExport.Summary summary = new DecisionExport(jdbi).write(out);
        assertEquals("", out.toString());
        assertEquals(0, summary.exported());
    }

    /**
     * Ids are each site's own, and a labelled file's ids unique within a source. A line's id was the comment's id alone,
     * SITE/ID only where another exported comment shared it: "c1" in one site's export, "blog.example/c1" in every
     * site's, so that training could not tell one comment's later decision from another comment. Now SITE/ID in every
     * export; "/ID" for a comment stored before sites were kept.
     */
    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void aLinesIdIsItsCommentsSiteAndIdInEveryExport(TestDatabases db) throws Exception {
        Jdbi jdbi = db.migrated(dir);
        CommentStore store = new CommentStore(jdbi);
        for (String site : List.of("news.example", "blog.example")) approved(store, "c1", site);
        approved(store, "c2", "news.example");
        approved(store, "c3", null);
        StringWriter all = new StringWriter();
        new DecisionExport(jdbi).write(all);
        List<String> ids = LabelledFile.read(Files.writeString(dir.resolve("all.jsonl"), all.toString())).stream().map(Example::id).toList();
        assertEquals(List.of("news.example/c1", "blog.example/c1", "news.example/c2", "/c3"), ids);

        StringWriter one = new StringWriter();
        new DecisionExport(jdbi).write(one, java.util.Set.of("blog.example"));
        assertEquals(List.of(line("blog.example", "c1", NONE)), lines(one), "one site's: the same id as in every site's");
    }

    /**
     * A reviewer's finding: a comment rejected as an insult in one export and approved on appeal before the next trained as
     * an even split of the two (TOXICITY and INSULT unlabelled) when both exports were included. Each line says when
     * its decision was made, and training keeps the later.
     */
    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void eachLineSaysWhenItsDecisionWasMade(TestDatabases db) throws Exception {
        Jdbi jdbi = db.migrated(dir);
        CommentStore store = new CommentStore(jdbi);
        FeedbackStore feedback = new FeedbackStore(jdbi);
        store.insert(comment("r5", Action.REVIEW), T0);
        store.decide(key("r5"), Verdict.REJECT, Reason.INSULT, null, "alice", true, 1, T0.plusSeconds(10));
        feedback.append("You people never listen.", Map.of(Attribute.TOXICITY, 0.8), "website-1", null, "news.example", T0.plusSeconds(20));
        Path jan = dir.resolve("jan.jsonl");
        try (var w = Files.newBufferedWriter(jan)) {
            new DecisionExport(jdbi).write(w);
        }
        List<String> janLines = Files.readAllLines(jan);
        assertTrue(janLines.get(0).endsWith(",\"decidedAt\":\"2026-11-30T10:00:10Z\"}"), janLines.get(0));
        assertTrue(janLines.get(1).endsWith(",\"decidedAt\":\"2026-11-30T10:00:20Z\"}"), "a suggestion: when it was stored: " + janLines.get(1));

        store.decide(key("r5"), Verdict.APPROVE, null, "on appeal", "bob", true, 2, T0.plusSeconds(30));
        Path feb = dir.resolve("feb.jsonl");
        try (var w = Files.newBufferedWriter(feb)) {
            new DecisionExport(jdbi).write(w);
        }
        for (List<Path> files : List.of(List.of(jan, feb), List.of(jan, jan, feb), List.of(feb, jan))) {
            List<Example> trained = org.parley.train.IncludedFiles.read(files, List.of()).examples();
            assertEquals(2, trained.size(), files.toString());
            Example r5 = trained.stream().filter(e -> e.source().equals(DecisionExport.DECISIONS_SOURCE)).findFirst().orElseThrow();
            for (Attribute a : Attribute.values()) assertEquals(0f, r5.labels().get(a), files + ": " + a);
        }
    }
}
