package org.parley.service.resources;

import com.codahale.metrics.annotation.ExceptionMetered;
import com.codahale.metrics.annotation.Timed;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import org.parley.service.api.ErrorBody;
import org.parley.service.api.moderation.BulkDecisionRequest;
import org.parley.service.api.moderation.BulkDecisionResponse;
import org.parley.service.api.moderation.QueuePage;
import org.parley.service.auth.Caller;
import org.parley.service.access.Role;
import org.parley.service.access.Sites;
import org.parley.service.core.RequestChecks;
import org.parley.service.errors.ApiException;
import org.parley.service.errors.DatabaseExceptionMapper;
import org.parley.service.errors.UnstorableCharacters;
import org.jdbi.v3.core.JdbiException;
import org.parley.service.moderation.Checks;
import org.parley.service.moderation.CommentViews;
import org.parley.service.moderation.EscalationRule;
import org.parley.service.moderation.Queue;
import org.parley.service.moderation.StoredComment;
import org.parley.service.store.CommentStore;
import org.parley.service.store.QueueReads;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The moderator's lists, per article or overall, and decisions on several comments at once. */
@Path("/v1")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.MODERATOR_NAME)
public final class QueueResource {
    public static final int MAX_PAGE = 200;
    public static final int MAX_BULK = 200;
    /** A search's length: a comment id's (the longest thing looked for), more than any phrase a moderator types. */
    public static final int MAX_SEARCH = RequestChecks.MAX_ID;
    /** Around a search, what shows as nothing: every Unicode space (a no-break one), control and zero-width characters. */
    private static final java.util.regex.Pattern SPACES_AROUND =
            java.util.regex.Pattern.compile("^[\\s\\p{Z}\\p{Cc}\\p{Cf}]+|[\\s\\p{Z}\\p{Cc}\\p{Cf}]+$");

    private final CommentStore store;
    private final QueueReads queues;
    private final CommentViews views;
    private final EscalationRule escalations;
    private final Clock clock;

    public QueueResource(CommentStore store, QueueReads queues, CommentViews views, EscalationRule escalations, Clock clock) {
        this.store = store;
        this.queues = queues;
        this.views = views;
        this.escalations = escalations;
        this.clock = clock;
    }

    /**
     * One page of a queue, of some sites, an article, an author or a search if asked: open queues highest risk first,
     * decided ones newest first.
     */
    @GET
    @Path("/queue")
    @Timed(name = "queue")
    @ExceptionMetered(name = "queue")
    public QueuePage queue(@QueryParam("status") String status, @QueryParam("site") String site,
                           @QueryParam("articleId") String articleId, @QueryParam("author") String author,
                           @QueryParam("q") String q, @QueryParam("limit") Integer limit, @QueryParam("offset") Integer offset,
                           @QueryParam("after") String after, @Context SecurityContext security) {
        Queue queue = queue(status == null ? "PENDING" : status);
        int l = limit(limit, 50, MAX_PAGE);
        int o = offset == null ? 0 : offset;
        if (o < 0) throw new ApiException(400, "offset", 0, "offset must not be negative");
        RequestChecks.optional(articleId, "articleId", RequestChecks.MAX_ID);
        RequestChecks.optional(after, "after", Checks.MAX_CURSOR);
        Queue.Position from = after == null ? null : Queue.Position.parse(after).orElseThrow(() -> new ApiException(
                400, "after", null, "after must be the next value of the page before, as the server gave it"));
        QueueReads.Narrowing in = narrowing(security, site, articleId, author, q);
        QueueReads.Page page = queues.page(queue, in, l, o, from);
        List<StoredComment> shown = page.comments();
        // A full page may have more behind it; a shorter one is the end of the queue.
        String next = shown.size() < l ? null : Queue.Position.of(shown.get(shown.size() - 1)).token();
        return new QueuePage(queue.name(), in.sites().only(), shown(in.sites()), articleId, in.author(), in.search(), page.total(), o, l, next,
                shown.stream().map(views::of).toList());
    }

    /** How many comments each queue holds. */
    @GET
    @Path("/queue/counts")
    @Timed(name = "queue-counts")
    @ExceptionMetered(name = "queue-counts")
    public Map<String, Integer> counts(@QueryParam("site") String site, @QueryParam("articleId") String articleId,
                                       @QueryParam("author") String author, @QueryParam("q") String q,
                                       @Context SecurityContext security) {
        Map<String, Integer> out = new LinkedHashMap<>();
        queues.counts(narrowing(security, site, articleId, author, q)).forEach((queue, n) -> out.put(queue.name(), n));
        return out;
    }

    /**
     * A list's narrowing: the sites of {@link #sites}, an article id, an author's name as the site sent it (exactly; a
     * blank one is left out, as a form's empty field), a search (its ends' spaces left out: pasted with them, it found
     * nothing). A name is its site's: without a site, every site's author of it.
     */
    private static QueueReads.Narrowing narrowing(SecurityContext security, String site, String articleId, String author,
                                                  String q) {
        RequestChecks.optional(articleId, "articleId", RequestChecks.MAX_ID);
        // A NUL is a 400 first, as in every query (it read as blank, and the whole site's lists came back: a penetration test).
        UnstorableCharacters.check(author, "author");
        String by = RequestChecks.blankAsAbsent(author, "author", RequestChecks.MAX_ID);
        // Its ends' spaces out first: the limit is the search's (a 198-character one between spaces was a 400).
        UnstorableCharacters.check(q, "q");  // a NUL a 400 first, not left out as a space
        String stripped = q == null ? null : SPACES_AROUND.matcher(q).replaceAll("");
        String search = RequestChecks.blankAsAbsent(stripped, "q", MAX_SEARCH);
        return new QueueReads.Narrowing(sites(security, site), articleId, by, search);
    }

    /** The articles moderators can filter by, most pending first. */
    @GET
    @Path("/articles")
    @Timed(name = "articles")
    @ExceptionMetered(name = "articles")
    public List<QueueReads.ArticleSummary> articles(@QueryParam("site") String site, @QueryParam("limit") Integer limit,
                                                    @Context SecurityContext security) {
        return queues.articles(sites(security, site), limit(limit, 100, 1000));
    }

    /** The sites with open work, most pending first: for a moderator of some sites, theirs alone. */
    @GET
    @Path("/sites")
    @Timed(name = "sites")
    @ExceptionMetered(name = "sites")
    public List<QueueReads.SiteSummary> sites(@QueryParam("limit") Integer limit, @Context SecurityContext security) {
        return queues.sites(sites(security, null), limit(limit, 100, 1000));
    }

    /** The {@code limit} asked for, else {@code fallback}; outside 1 to {@code most} a 400 naming it. */
    static int limit(Integer limit, int fallback, int most) {
        int l = limit == null ? fallback : limit;
        if (l < 1 || l > most) throw new ApiException(400, "limit", most, "limit must be 1 to " + most + " (was " + l + ")");
        return l;
    }

    /**
     * The sites a moderator's lists are narrowed to: the one asked for, else those they moderate (every site, for a
     * moderator of every site). A moderator of some sites who asks for another is refused, not shown an empty list.
     */
    static Sites sites(SecurityContext security, String asked) {
        RequestChecks.optional(asked, "site", RequestChecks.MAX_ID);
        Sites own = ((Caller) security.getUserPrincipal()).moderatedSites();
        if (asked == null) return own;
        if (!own.includes(asked))
            throw new ApiException(403, "site", null, "this moderator works on " + (own.only() != null ? "site " : "sites ")
                    + String.join(", ", own.names().stream().map(n -> "'" + n + "'").toList()) + " only");
        return Sites.stored(asked);
    }

    /** The sites a page is narrowed to, as the API lists them: null (absent) for every site. */
    static List<String> shown(Sites sites) {
        return sites.every() ? null : sites.names();
    }

    /**
     * The same decision for each listed comment, each applied on its own: a stale one is a 409 in place, an
     * escalated one the caller may not decide a 403 in place. A rejection's reason may differ per comment.
     */
    @POST
    @Path("/decisions")
    @Timed(name = "bulk-decisions")
    @ExceptionMetered(name = "bulk-decisions")
    public BulkDecisionResponse bulk(BulkDecisionRequest body, @Context SecurityContext security) {
        if (body == null || body.comments() == null)
            throw ApiException.badField("comments", "comments is required: [{\"id\": …, \"expectedVersion\": …}]");
        if (body.comments().isEmpty()) throw new ApiException(400, "comments", 1, "comments must not be empty");
        if (body.comments().size() > MAX_BULK)
            throw new ApiException(413, "comments", MAX_BULK, "at most " + MAX_BULK + " comments per call (was " + body.comments().size() + ")");
        Checks.shared(body.decision(), body.reason(), body.note());  // once, not once per item
        Caller caller = (Caller) security.getUserPrincipal();
        boolean senior = escalations.senior(caller.role());
        List<BulkDecisionResponse.Item> out = new ArrayList<>();
        for (int i = 0; i < body.comments().size(); i++) {
            BulkDecisionRequest.Target t = body.comments().get(i);
            String prefix = "comments[" + i + "].";
            try {
                if (t == null) throw ApiException.badField("comments[" + i + "]", "each item must be an object");
                String id = RequestChecks.required(t.id(), prefix + "id", Checks.MAX_STORED_ID);
                RequestChecks.optional(t.site(), prefix + "site", RequestChecks.MAX_ID);
                Checks.Decision d = Checks.decision(body.decision(), t.reason() != null ? t.reason() : body.reason(),
                        t.expectedVersion(), body.note(), prefix);
                Optional<StoredComment> target = CommentLookup.find(store, id, t.site(), caller, prefix + "site");
                CommentStore.Outcome outcome = target.isEmpty() ? new CommentStore.Outcome.NotFound()
                        : store.decide(target.get().key(), d.verdict(), d.reason(), d.note(), caller.actor(), senior,
                        d.expectedVersion(), clock.instant());
                out.add(item(outcome, id, target.map(StoredComment::site).orElse(t.site()), d.expectedVersion(), prefix));
            } catch (ApiException e) {
                out.add(new BulkDecisionResponse.Item(t == null ? null : t.id(), t == null ? null : t.site(), e.status(), null,
                        new ErrorBody(e.status(), e.getMessage(), e.field(), e.limit())));
            } catch (JdbiException e) {
                // Each item is its own transaction: once one is applied, a whole 503 ("most likely not applied") would hide
                // it, and the page said none was. The items from here on are answered in place as not applied.
                if (!DatabaseExceptionMapper.isOutage(e) || out.stream().noneMatch(item -> item.status() == 200)) throw e;
                boolean atCommit = DatabaseExceptionMapper.atCommit(e);
                for (int k = i; k < body.comments().size(); k++)
                    out.add(notApplied(body.comments().get(k), k, k > i ? Failed.NOT_TRIED : atCommit ? Failed.AT_COMMIT : Failed.BEFORE));
                break;
            }
        }
        return new BulkDecisionResponse(out);
    }

    /** One comment's answer in place: the comment as decided, else the refusal that one decision alone would be answered with. */
    private BulkDecisionResponse.Item item(CommentStore.Outcome outcome, String id, String site, int expectedVersion, String prefix) {
        if (outcome instanceof CommentStore.Outcome.Decided ok)
            return new BulkDecisionResponse.Item(id, site, 200, views.of(ok.comment()), null);
        if (outcome instanceof CommentStore.Outcome.Conflict c) {
            var conflict = CommentsResource.conflictBody(views.of(c.current()), expectedVersion, c.decided());
            return new BulkDecisionResponse.Item(id, site, 409, conflict.current(),
                    new ErrorBody(409, conflict.message(), prefix + "expectedVersion", null));
        }
        if (outcome instanceof CommentStore.Outcome.AlreadyPending pending) {
            var conflict = CommentsResource.alreadyPending(views.of(pending.current()));
            return new BulkDecisionResponse.Item(id, site, 409, conflict.current(),
                    new ErrorBody(409, conflict.message(), prefix + "decision", null));
        }
        if (outcome instanceof CommentStore.Outcome.Reserved reserved) {
            ApiException e = escalations.refusal(reserved.current());
            return new BulkDecisionResponse.Item(id, site, 403, views.of(reserved.current()),
                    new ErrorBody(403, e.getMessage(), prefix + "decision", null));
        }
        return new BulkDecisionResponse.Item(id, site, 404, null,
                new ErrorBody(404, CommentsResource.notFound(id).getMessage(), prefix + "id", null));
    }

    /** Where the database failed an item: before its commit, as it committed (applied or not), or at an item before it. */
    private enum Failed {
        BEFORE("most likely not applied (it may have been, if the connection broke as it committed)"),
        AT_COMMIT("may have been applied: the database did not answer as it committed it"),
        NOT_TRIED("not applied (not tried)");

        final String said;

        Failed(String said) {
            this.said = said;
        }
    }

    /**
     * An item not applied, or not known to be, for want of the database: a 503 in place, to be sent again (a decision
     * counts once). The one the database failed on may have been applied if it failed as it committed; those after it
     * were not tried.
     */
    private static BulkDecisionResponse.Item notApplied(BulkDecisionRequest.Target t, int index, Failed failed) {
        String message = failed.said + ": the database is unavailable; send it again after "
                + DatabaseExceptionMapper.RETRY_AFTER_SECONDS + " s (a decision counts once)";
        return new BulkDecisionResponse.Item(t == null ? null : t.id(), t == null ? null : t.site(), 503, null,
                new ErrorBody(503, message, "comments[" + index + "]", null));
    }

    private static Queue queue(String name) {
        try {
            return Queue.valueOf(name.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.badField("status", "status must be one of " + Arrays.toString(Queue.values()) + " (was '" + ApiException.shown(name) + "')");
        }
    }
}
