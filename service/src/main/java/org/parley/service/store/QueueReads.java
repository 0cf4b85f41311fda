package org.parley.service.store;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.StatementCustomizer;
import org.parley.service.access.Sites;
import org.parley.service.moderation.Queue;
import org.parley.service.moderation.StoredComment;

import org.postgresql.PGStatement;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The moderators' lists, read: a queue's pages and counts, how long its oldest has waited, and the articles and sites
 * with work. Each runs {@link QueueQueries}' SQL in a handle of its own; nothing here writes.
 */
public final class QueueReads {
    /**
     * Where counting stops: a queue, or an article's, that holds more is counted as this many. Counting
     * every row made /v1/queue/counts take 0.5 s at 400,000 comments, nearly all published; the exact size
     * of a decided queue tells a moderator nothing, and an open queue is rarely this long.
     */
    public static final int COUNT_LIMIT = 10_000;

    private final Jdbi jdbi;
    private final int countLimit;

    public QueueReads(Jdbi jdbi) {
        this(jdbi, COUNT_LIMIT);
    }

    /** @param countLimit where counts stop ({@link #COUNT_LIMIT}; tests lower it) */
    QueueReads(Jdbi jdbi, int countLimit) {
        this.jdbi = jdbi;
        this.countLimit = countLimit;
    }

    /** One page of a queue, and how many the whole queue holds, up to the count limit. */
    public record Page(List<StoredComment> comments, int total) {}

    /**
     * What a moderator's lists are narrowed to: some sites' comments (a moderator of those sites, or a filter),
     * one article id's, one author's (as the site sent the name, exactly: changeset 23 reads them by index), those a
     * search finds ({@link #search}), any of these together, or none. An article id is each site's own (changelog
     * 16-article-local-id): it narrows to the articles with that id of the sites narrowed to, all of them where several
     * use it. Its condition is fixed SQL, the values bound: one site as {@code :site},
     * so that its queries read that site's indexes (changeset 10); several as a list, {@code site IN (…)}.
     *
     * @param search null, or what a moderator looks for: the comment whose id the site gave is this, and every comment
     *               whose text holds it, letter case aside ({@code %} and {@code _} as themselves), where it has a
     *               word ({@link #WORD}). On PostgreSQL the texts' trigrams (changeset 25) and comments_local_id find the
     *               few a rare word matches; a common one is read in the queue's order (QueuePlansTest,
     *               scripts/benchmark-queue).
     */
    public record Narrowing(Sites sites, String articleId, String author, String search) {
        public static final Narrowing NONE = new Narrowing(Sites.EVERY, null);
        /**
         * What a search needs for its text to be read: three letters or digits in a row, a trigram. One without (a
         * letter or two, punctuation) has none to look up and read every comment's text, each of the counts' seven
         * queues in turn (3 s at 185,000 comments, an operator's audit, sixty-eighth session): it is an id alone.
         */
        static final java.util.regex.Pattern WORD = java.util.regex.Pattern.compile("[\\p{L}\\p{N}]{3}");

        /** Every comment of an author (or every author's), nothing searched for. */
        public Narrowing(Sites sites, String articleId, String author) {
            this(sites, articleId, author, null);
        }

        /** Every author's comments. */
        public Narrowing(Sites sites, String articleId) {
            this(sites, articleId, null);
        }

        public static Narrowing article(String articleId) {
            return new Narrowing(Sites.EVERY, articleId);
        }

        String condition() {
            return CommentStore.ofSites("c.site", sites) + (articleId == null ? ""
                    : " AND c.article_id IN (SELECT art.id FROM articles art WHERE art.local_id = :article)")
                    + (author == null ? "" : " AND c.author = :author")
                    + (search == null ? "" : words() ? " AND (c.local_id = :search OR LOWER(c.text) LIKE LOWER(:searched) ESCAPE '!')"
                    : " AND c.local_id = :search");
        }

        /** Whether the search reads the texts too, not the ids alone: it has a {@link #WORD}. */
        public boolean words() {
            return search != null && WORD.matcher(search).find();
        }

        Query bind(Query q) {
            CommentStore.bindSites(q, sites);  // only the names the condition holds: Jdbi refuses unused ones
            if (articleId != null) q.bind("article", articleId);
            if (author != null) q.bind("author", author);
            // Lower-cased by the database, as the text is: Java's ROOT rules differ from PostgreSQL's (a final Σ, a
            // Turkish İ: a word copied from the comment found nothing, a moderator's audit, sixty-eighth session).
            if (search != null) q.bind("search", search);
            if (words()) q.bind("searched", "%" + literal(search) + "%").addCustomizer(PLANNED_EACH_TIME);
            return q;
        }

        /**
         * A search's statement planned for its own words each time, never prepared on the server: after five runs of one
         * SQL the driver names it, and PostgreSQL may then keep one plan for every word, which read PUBLISHED's index
         * whole for a rare one (8.2 s at 400,000 comments, against 5.8 ms planned for it). H2's statements are left as
         * they are.
         */
        private static final StatementCustomizer PLANNED_EACH_TIME = new StatementCustomizer() {
            @Override
            public void beforeExecution(PreparedStatement stmt, StatementContext ctx) throws SQLException {
                if (stmt.isWrapperFor(PGStatement.class)) stmt.unwrap(PGStatement.class).setPrepareThreshold(0);
            }
        };

        /**
         * A LIKE pattern's text taken as it is: its wildcards and the escape character escaped ('!': no backslash rules).
         * A Greek sigma is any character: PostgreSQL lower-cases Σ to σ alone, never to the final ς, so "ΔΡΌΜΟΣ" missed
         * "δρόμος" and "οδος" missed "ΟΔΟΣ" (a check of this session's mends).
         */
        static String literal(String text) {
            return SIGMA.matcher(text.replace("!", "!!").replace("%", "!%").replace("_", "!_")).replaceAll("_");
        }

        private static final java.util.regex.Pattern SIGMA = java.util.regex.Pattern.compile("[Σσς]");
    }

    /** @param after null, or where the page before ended: this one starts after it in the queue's order */
    public Page page(Queue queue, Narrowing in, int limit, int offset, Queue.Position after) {
        return jdbi.withHandle(h -> new Page(
                QueueQueries.page(h, "", queue, in, limit, offset, after).map((rs, ctx) -> CommentStore.comment(rs)).list(),
                count(h, queue, in)));
    }

    private int count(Handle h, Queue queue, Narrowing in) {
        return QueueQueries.count(h, "", queue, in, countLimit).mapTo(Integer.class).one();
    }

    /** How many comments each queue holds, up to the count limit. */
    public Map<Queue, Integer> counts(Narrowing in) {
        Map<Queue, Integer> out = new LinkedHashMap<>();
        jdbi.useHandle(h -> {
            for (Queue q : Queue.values()) out.put(q, count(h, q, in));
        });
        return out;
    }

    /**
     * Since when the comment that has waited longest in an open queue has been in it, every site together: in PENDING
     * since its arrival (or its reopening), in ESCALATED since its escalation; empty while none waits. Read from an index (QueuePlansTest),
     * for the gauges of {@code monitoring.QueueGauges}. REPORTED has none: no index holds when a report came.
     */
    public Optional<Instant> waitingSince(Queue queue) {
        if (queue != Queue.PENDING && queue != Queue.ESCALATED) throw new IllegalArgumentException(queue + " has no waiting time");
        return jdbi.withHandle(h -> QueueQueries.waitingSince(h, "", queue)
                .map((rs, ctx) -> CommentStore.instant(rs, "updated_at")).findOne());
    }

    /**
     * An article with how many comments it has and how many wait for review.
     *
     * @param id   the site's article id (two sites' articles may share it)
     * @param site the site whose article it is; null for one stored before sites were kept
     */
    public record ArticleSummary(String id, String site, String title, int comments, int pending) {}

    /**
     * Articles, those with the most pending comments first, then the newest.
     *
     * @param sites every site; else only the articles these sites have comments on, with their comments counted,
     *              and the title only of those whose row is one of theirs (a row from before holds, beside its site's
     *              comments, those stored before sites were kept). Two sites' articles with one id are two entries.
     */
    public List<ArticleSummary> articles(Sites sites, int limit) {
        return jdbi.withHandle(h -> QueueQueries.articles(h, "", sites, limit)
                .map((rs, ctx) -> new ArticleSummary(rs.getString("local_id"), rs.getString("site"), rs.getString("title"), rs.getInt("comments"),
                        rs.getInt("pending")))
                .list());
    }

    /** A site with open work: its comments pending review, published with open reports, and escalated. */
    public record SiteSummary(String site, int pending, int reported, int escalated) {}

    /** The sites with open work, the most pending first; of {@code sites} only. */
    public List<SiteSummary> sites(Sites sites, int limit) {
        return jdbi.withHandle(h -> QueueQueries.sites(h, "", sites, limit)
                .map((rs, ctx) -> new SiteSummary(rs.getString("site"), rs.getInt("pending"), rs.getInt("reported"),
                        rs.getInt("escalated")))
                .list());
    }
}
