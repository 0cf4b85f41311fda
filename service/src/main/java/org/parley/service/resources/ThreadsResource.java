package org.parley.service.resources;

import com.codahale.metrics.annotation.ExceptionMetered;
import com.codahale.metrics.annotation.Timed;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import org.parley.service.api.moderation.CommentView;
import org.parley.service.api.moderation.ThreadResult;
import org.parley.service.auth.Caller;
import org.parley.service.auth.RateLimiter;
import org.parley.service.access.Role;
import org.parley.service.core.RequestChecks;
import org.parley.service.errors.ApiException;
import org.parley.service.errors.PercentEncoding;
import org.parley.service.monitoring.UnreadableQueries;
import org.parley.service.moderation.AlsoQuoted;
import org.parley.service.moderation.CommentViews;
import org.parley.service.moderation.IdTaken;
import org.parley.service.moderation.Submission;
import org.parley.service.intake.Ingestion;
import org.parley.service.intake.TooManyTargets;
import org.parley.service.moderation.Status;
import org.parley.service.store.CommentStore;
import org.parley.label.Stance;
import org.parley.policy.Action;
import org.parley.service.api.ThreadSummary;
import org.parley.stance.ReplyContext;
import org.parley.stance.StanceLimits;
import org.parley.stance.TargetStance;
import org.parley.thread.Comment;
import org.parley.thread.CommentThread;
import org.parley.thread.QuotedComment;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * POST /v1/threads: a whole thread in the JSON thread format (docs/thread-format.md), each comment
 * scored, stored and routed as by POST /v1/comments. Comment ids are unique only within a thread,
 * so they are stored as {@code THREAD/COMMENT}; the article id is the article's, else the thread's.
 * {@code ?target=…} (repeatable) stores each comment's stance on those targets; a stored comment sent again is read
 * against those it holds no stance on, and only those. The answer says which targets were read, and sums the comments
 * up per target as /v1/score/thread does ({@link ThreadSummary}). No targets are proposed from the article, as
 * /v1/score/thread may: each would be read and charged on every comment of every thread stored, and shown to moderators,
 * unasked; a site takes /v1/score/thread's proposals ({@code targets.used}) and names those it wants here.
 */
@Path("/v1/threads")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.WEBSITE_NAME)
public final class ThreadsResource {
    private final Ingestion ingestion;
    private final CommentViews views;
    private final int maxComments;
    private final RateLimiter limiter;

    /** No charge for stance beyond the body's (the resource tests). */
    public ThreadsResource(Ingestion ingestion, CommentViews views, int maxComments) {
        this(ingestion, views, maxComments, null);
    }

    /**
     * @param limiter charges the caller for the new comments scored, each comment read against {@code ?target=}, and each
     *                comment stored or found stored ({@link RateLimiter#chargeWork})
     */
    public ThreadsResource(Ingestion ingestion, CommentViews views, int maxComments, RateLimiter limiter) {
        this.limiter = limiter;
        this.ingestion = ingestion;
        this.views = views;
        this.maxComments = maxComments;
    }

    @POST
    @Timed(name = "submit-thread")
    @ExceptionMetered(name = "submit-thread")
    public ThreadResult submit(JsonNode body, @QueryParam("target") List<String> targets, @Context SecurityContext security,
                               @Context ContainerRequestContext requestContext) {
        unknownParameters(requestContext);
        // Read as sent, "war%zz" was a target (a seventh penetration test, sixty-fifth session).
        if (requestContext.getProperty(UnreadableQueries.NOT_ESCAPED) instanceof java.util.Set<?> names && names.contains("target"))
            throw ApiException.badField("target", "a target holds a '%' that begins no escape: write a % in a phrase as %25");
        List<String> t = checkedTargets(targets, requestContext.getUriInfo().getQueryParameters(false).get("target"));
        CommentThread thread = checkedThread(body);
        String articleId = thread.article().id() != null ? thread.article().id() : thread.id();
        Caller caller = (Caller) security.getUserPrincipal();
        AtomicBoolean paid = new AtomicBoolean();
        // The article is named by article.id, else by the thread's id: the field a 409 on it names.
        String articleField = thread.article().id() != null ? "article.id" : "id";
        Ingestion.Stored stored = store(submissions(thread, articleId, t), articleField, caller.site(), requestContext, paid);
        // A call that took no turn (a re-send reading nothing) pays for its comments once answered from the store: one
        // refused (a 4xx, a 503) pays none. Into debt, as a body's KiB: the key's next calls wait.
        if (limiter != null && !paid.get()) limiter.chargeWork(requestContext, RateLimiter.threadCommentTokens(stored.comments().size()));
        return answer(thread, articleId, stored, t, caller.role());
    }

    /** The ?target= phrases, checked as /v1/score's; null: none. {@code sent}: the same as sent, percent-escapes and all. */
    private static List<String> checkedTargets(List<String> targets, List<String> sent) {
        List<String> t = targets == null || targets.isEmpty() ? null : targets;
        if (t != null) {
            // Jersey decodes percent-escaped bytes that are not UTF-8 to U+FFFD; stance would be stored on that mark. The
            // escapes are what tells: a U+FFFD sent as its bytes (%EF%BF%BD) was refused too until the sixty-fourth
            // session, which /v1/score's targets take (a stance integrator's third review).
            for (int i = 0; i < sent.size(); i++)
                if (!PercentEncoding.utf8(sent.get(i)))
                    throw ApiException.badField("target[" + i + "]", "target[" + i
                            + "] is not UTF-8: percent-encode the phrase's UTF-8 bytes");
            RequestChecks.targets(t, "target");
        }
        return t;
    }

    /** The body as a thread of the thread format, with an id its comments' stored ids can be made of. */
    private CommentThread checkedThread(JsonNode body) {
        if (body == null || !body.isObject()) throw ApiException.badField("body", "a thread (JSON object) is required");
        // /v1/score/thread's field, sent here: the thread format's "unknown field" did not say where targets go.
        if (body.has("targets"))
            throw ApiException.badField("targets", "targets is not a field of the thread format: give each stance target as"
                    + " ?target=PHRASE on /v1/threads (or score the thread without storing it on /v1/score/thread, which takes targets)");
        CommentThread thread = RequestChecks.thread(body, "", "body", maxComments);
        // Stored ids are THREAD/COMMENT: a '/' in the thread's id would let thread "a/b" with comment "c"
        // and thread "a" with comment "b/c" claim one id.
        if (thread.id().contains("/"))
            throw ApiException.badField("id", "id must not contain '/' here: each comment is stored as THREAD/COMMENT");
        return thread;
    }

    /** The thread's comments as submissions, each checked, under THREAD/COMMENT ids, each to be read against {@code targets}. */
    private static List<Submission> submissions(CommentThread thread, String articleId, List<String> targets) {
        List<Submission> submissions = new ArrayList<>();
        for (int i = 0; i < thread.comments().size(); i++) {
            Comment c = thread.comments().get(i);
            RequestChecks.text(c.text(), "comments[" + i + "].text");  // the thread format allows longer texts than we score
            if (c.quote() != null && c.quote().length() > RequestChecks.MAX_TEXT)
                throw new ApiException(400, "comments[" + i + "].quote", RequestChecks.MAX_TEXT,
                        "comments[" + i + "].quote is longer than " + RequestChecks.MAX_TEXT + " characters");
            // The parent as the stance reads it (ReplyContext): by id, else by number on this page.
            String parentId = ReplyContext.parentComment(thread, c).map(Comment::id).orElse(c.parentId());
            submissions.add(new Submission(thread.id() + "/" + c.id(), articleId, thread.article().title(),
                    c.text(), c.number(), parentId == null ? null : thread.id() + "/" + parentId,
                    c.parentNumber(), c.author(), c.quote(),
                    c.rating() == null ? null : c.rating().up(), c.rating() == null ? null : c.rating().down(), targets,
                    c.parentAuthor(), alsoQuoted(thread, c)));
        }
        return submissions;
    }

    /**
     * The further comments {@code c} quotes, each under its stored id where it is a comment of this thread (named by id,
     * or by number on this page, as the reply stance finds a parent by number), else by number alone.
     */
    private static List<AlsoQuoted> alsoQuoted(CommentThread thread, Comment c) {
        List<AlsoQuoted> out = new ArrayList<>(c.alsoQuotes().size());
        for (QuotedComment q : c.alsoQuotes()) {
            String id = q.id();
            Integer number = q.number();
            if (id == null) id = thread.comments().stream().filter(o -> q.number().equals(o.number())).map(Comment::id).findFirst().orElse(null);
            else if (number == null) number = thread.comment(id).number();
            out.add(new AlsoQuoted(id == null ? null : thread.id() + "/" + id, number, q.author(), q.text()));
        }
        return out;
    }

    /** The submissions stored for the site; an id taken is a 409 and too many targets a 400, each naming the comment. */
    private Ingestion.Stored store(List<Submission> submissions, String articleField, String site, ContainerRequestContext requestContext,
                                   AtomicBoolean paid) {
        try {
            // Charged in the lane's turn, before the work: the call's comments, the new ones scored and the stance read. A
            // thread the full lane refuses (a 503) pays none, nor do comments already stored, which come back unscored,
            // but for the new targets they are read against; calls of one key sent together pay before they score.
            return ingestion.submit(submissions, site, true, (scored, comments, readings) -> {
                if (limiter == null) return;
                limiter.chargeWork(requestContext, RateLimiter.threadCommentTokens(submissions.size())
                        + RateLimiter.scoringTokens(scored) + RateLimiter.stanceTokensOfReadings(comments, readings));
                paid.set(true);
            });
        } catch (IdTaken e) {
            // An article id whose key an older release's article holds: the thread's article, named by articleField.
            throw new ApiException(409, e.article() ? articleField : "comments[" + e.index() + "].id", null,
                    "comments[" + e.index() + "]: " + e.getMessage());
        } catch (TooManyTargets e) {
            throw new ApiException(400, "target", StanceLimits.MAX_TARGETS, "comments[" + e.index() + "]: " + e.getMessage());
        }
    }

    /** The comments as stored, shown to {@code role}, counted by status, the targets read and not, and the summary. */
    private ThreadResult answer(CommentThread thread, String articleId, Ingestion.Stored stored, List<String> targets, Role role) {
        Map<String, Integer> statuses = new LinkedHashMap<>();
        // A thread stores no erased comment, nor answers one (its text no longer matches: IdTaken): its count is no news.
        for (Status s : Status.values()) if (s != Status.ERASED) statuses.put(s.name(), 0);
        List<CommentView> out = new ArrayList<>(stored.comments().size());
        for (CommentStore.Insert r : stored.comments()) {
            statuses.merge(r.comment().status().name(), 1, Integer::sum);
            CommentView view = views.stored(r.comment(), r.created() ? null : true, role);
            // What it was stored with: a duplicate's stored entries, as GET /v1/comments/{id} shows them (Ingestion).
            out.add(CommentViews.withAlsoQuotes(view, r.alsoQuotes()));
        }
        List<String> phrases = targets == null ? List.of() : targets.stream().map(StanceLimits::phrase).toList();  // as the stance names them
        ThreadResult.Targets told = targets == null ? null : new ThreadResult.Targets(
                phrases.stream().filter(p -> stored.read().contains(StanceLimits.sameness(p))).toList(),
                phrases.stream().filter(p -> !stored.read().contains(StanceLimits.sameness(p))).toList());
        return new ThreadResult(thread.id(), articleId, statuses, out, told, summary(phrases, out));
    }

    /**
     * /v1/score/thread's summary of the comments as stored: each one's stance on each target (held since an earlier call
     * or read now) and the policy's action at its ingestion. Without a stance model nothing is read: no rows of stance.
     */
    static ThreadSummary summary(List<String> targets, List<CommentView> comments) {
        List<List<TargetStance>> stances = new ArrayList<>(comments.size());
        List<Action> actions = new ArrayList<>(comments.size());
        for (CommentView c : comments) {
            Map<String, String> labels = new HashMap<>();
            if (c.stance() != null)
                for (JsonNode s : c.stance()) labels.put(StanceLimits.sameness(s.path("target").asText()), s.path("label").asText());
            List<TargetStance> onTargets = new ArrayList<>(targets.size());
            for (String target : targets) {
                String label = labels.get(StanceLimits.sameness(target));
                if (label == null) return ThreadSummary.of(List.of(), Collections.nCopies(comments.size(), List.of()), actions(comments));
                onTargets.add(new TargetStance(target, Stance.valueOf(label), Map.of()));
            }
            stances.add(onTargets);
            actions.add(c.action());
        }
        return ThreadSummary.of(targets, stances, actions);
    }

    private static List<Action> actions(List<CommentView> comments) {
        return comments.stream().map(CommentView::action).toList();
    }

    /**
     * The query parameters this endpoint reads: the targets, and the key (one of the ways to send it). Until the
     * forty-fifth session {@code ?targets=Syria} (the body's name on /v1/score and /v1/score/thread) or
     * {@code ?Target=} stored the thread with no stance and no word.
     */
    private static final java.util.Set<String> PARAMETERS = java.util.Set.of("target", "key");

    private static void unknownParameters(ContainerRequestContext requestContext) {
        QueryParameters.refuseUnknown(requestContext.getUriInfo(), PARAMETERS,
                "/v1/threads reads target=PHRASE (repeatable: ?target=Syria&target=Putin) and key");
    }
}
