package org.parley.service.resources;

import com.codahale.metrics.annotation.ExceptionMetered;
import com.codahale.metrics.annotation.Timed;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import org.parley.label.Attribute;
import org.parley.policy.Action;
import org.parley.service.api.ScoreResponse;
import org.parley.service.api.ThreadRequest;
import org.parley.service.api.ThreadResponse;
import org.parley.service.api.ThreadSummary;
import org.parley.service.auth.RateLimiter;
import org.parley.service.access.Role;
import org.parley.service.core.CommentScorer;
import org.parley.service.core.ScoreParts;
import org.parley.service.core.ScoringGate;
import org.parley.service.core.ScoringWork;
import org.parley.service.core.RequestChecks;
import org.parley.service.core.SentimentHolder;
import org.parley.service.core.ServedStance;
import org.parley.service.core.StanceHolder;
import org.parley.service.core.ThreadTargets;
import org.parley.service.errors.ApiException;
import org.parley.stance.ReplyContext;
import org.parley.stance.StanceLimits;
import org.parley.stance.TargetStance;
import org.parley.targets.TargetFinder;
import org.parley.thread.Comment;
import org.parley.thread.CommentThread;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * POST /v1/score/thread: every comment of a thread in the JSON thread format scored as /v1/score
 * scores it, with its stance on the thread's targets (given, or proposed from the article) and its
 * reply stance toward its parent ({@link ReplyContext}), plus a {@link ThreadSummary}.
 */
@Path("/v1/score/thread")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.SCORER_NAME)
public final class ScoreThreadResource {
    private final CommentScorer scorer;
    private final StanceHolder stance;
    private final ThreadTargets targets;
    private final SentimentHolder sentiment;
    private final int maxComments;
    private final RateLimiter limiter;
    private final ScoringGate gate;

    /** No charge for stance beyond the body's (the resource tests). */
    public ScoreThreadResource(CommentScorer scorer, StanceHolder stance, ThreadTargets targets, SentimentHolder sentiment,
                               int maxComments) {
        this(scorer, stance, targets, sentiment, maxComments, null);
    }

    public ScoreThreadResource(CommentScorer scorer, StanceHolder stance, ThreadTargets targets, SentimentHolder sentiment,
                               int maxComments, RateLimiter limiter) {
        this(scorer, stance, targets, sentiment, maxComments, limiter, ScoringGate.open());
    }

    /**
     * @param limiter charges the caller for the comments scored, each one read against targets, and the article read when
     *                targets are proposed ({@link RateLimiter#chargeWork})
     * @param gate    admits a thread to its scoring, once it is read and checked, holding what it weighs
     */
    public ScoreThreadResource(CommentScorer scorer, StanceHolder stance, ThreadTargets targets, SentimentHolder sentiment,
                               int maxComments, RateLimiter limiter, ScoringGate gate) {
        this.limiter = limiter;
        this.gate = gate;
        this.scorer = scorer;
        this.stance = stance;
        this.targets = targets;
        this.sentiment = sentiment;
        this.maxComments = maxComments;
    }

    @POST
    @Timed(name = "score-thread")
    @ExceptionMetered(name = "score-thread")
    public ThreadResponse score(ThreadRequest request, @Context ContainerRequestContext requestContext) {
        CommentThread thread = thread(request);
        RequestChecks.Requested requested = RequestChecks.requested(request.attributes(), "attributes");
        if (requested.sentiment() && thread.comments().size() > RequestChecks.MAX_SENTIMENT_COMMENTS)
            throw new ApiException(400, "attributes", RequestChecks.MAX_SENTIMENT_COMMENTS, "SENTIMENT is read for threads of at most "
                    + RequestChecks.MAX_SENTIMENT_COMMENTS + " comments (this one has " + thread.comments().size() + "; it costs a parse each)");
        if (request.targets() != null)
            RequestChecks.targets(request.targets(), "targets", "leave it out to have targets proposed from the article");
        List<Optional<ReplyContext.Parent>> parents = checkedTexts(thread);
        targets.prepare(request.targets());
        ThreadResponse scored = gate.run(work(thread, request.targets(), parents), () -> scored(request, requestContext, thread, requested, parents));
        if (!requested.sentiment()) return scored;
        // After the gate's turn, as on /v1/score: a parse waits for sentiment's own turn, with no scoring units held.
        List<ThreadResponse.CommentScore> comments = new ArrayList<>(scored.comments().size());
        for (int i = 0; i < scored.comments().size(); i++)
            comments.add(scored.comments().get(i).withSentiment(ScoreParts.sentiment(sentiment.analyse(thread.comments().get(i).text()))));
        return new ThreadResponse(scored.id(), scored.targets(), comments, scored.summary(), scored.model(), scored.stanceModel());
    }

    /**
     * What scoring the thread weighs: targets to be proposed are counted at the most that may be
     * ({@link ThreadTargets#MAX_PROPOSED}), and the article NER reads to propose them ({@link ScoringWork#proposing}).
     */
    private static long work(CommentThread thread, List<String> given, List<Optional<ReplyContext.Parent>> parents) {
        int targets = given == null ? ThreadTargets.MAX_PROPOSED : given.size();
        long units = given == null ? ScoringWork.proposing(TargetFinder.charsRead(thread.article())) : 0;
        for (int i = 0; i < thread.comments().size(); i++)
            units += ScoringWork.comment(thread.comments().get(i).text(), targets, parents.get(i).map(ReplyContext.Parent::text).orElse(null));
        return units;
    }

    /** The thread scored: proposing its targets from the article is work too, so it is done in the gate's turn. */
    private ThreadResponse scored(ThreadRequest request, ContainerRequestContext requestContext, CommentThread thread,
                                  RequestChecks.Requested requested, List<Optional<ReplyContext.Parent>> parents) {
        Set<Attribute> attributes = requested.attributes();
        // Each charged before its work: threads sent together pay too. NER reads the article whatever it finds. The
        // comments' toxicity is paid by the body's bytes, as a batch's (docs/scoring-api.md, "Charged by work").
        if (limiter != null && request.targets() == null)
            limiter.chargeWork(requestContext, RateLimiter.proposingTokens(TargetFinder.charsRead(thread.article())));
        ThreadTargets.Used used = targets.choose(request.targets(), thread.article());
        if (limiter != null && !used.targets().isEmpty())
            limiter.chargeWork(requestContext, RateLimiter.stanceTokens(thread.comments().size(), used.targets().size()));

        List<CommentScorer.Input> inputs = new ArrayList<>(thread.comments().size());
        for (Comment c : thread.comments()) inputs.add(new CommentScorer.Input(c.text(), attributes, request.wantsSpans()));
        CommentScorer.Result r = scorer.score(inputs);
        ServedStance s = stance.current();

        List<ThreadResponse.CommentScore> out = new ArrayList<>(inputs.size());
        List<List<TargetStance>> stances = used.targets().isEmpty()
                ? java.util.Collections.nCopies(inputs.size(), List.of())
                : s.model().stance(thread.comments().stream().map(Comment::text).toList(), used.targets());
        List<Action> actions = new ArrayList<>(inputs.size());
        for (int i = 0; i < inputs.size(); i++) {
            Comment c = thread.comments().get(i);
            CommentScorer.Outcome o = r.outcomes().get(i);
            List<TargetStance> onTargets = stances.get(i);
            ReplyContext.Parent parent = parents.get(i).orElse(null);
            ScoreResponse.ReplyStanceScore reply = parent == null ? null
                    : ScoreParts.replyStance(s.model().replyStance(c.text(), parent.text()));
            actions.add(o.decision().action());
            out.add(new ThreadResponse.CommentScore(c.id(), c.number(), ScoreParts.attributes(attributes, o),
                    ScoreParts.rating(o), o.decision().action(), ScoreParts.rules(o), o.language(), ScoreParts.spans(o),
                    ScoreParts.stance(onTargets), reply,
                    parent == null ? null : parent.isQuote() ? "quote" : parent.commentId(), null));
        }
        return new ThreadResponse(thread.id(), new ThreadResponse.Targets(used.targets(), used.proposed() ? "proposed" : "given"),
                out, ThreadSummary.of(used.targets(), stances, actions), r.model().info(), s.info());
    }

    /** The thread, read as the thread format reads it; too many comments is a 413 before any is read. */
    private CommentThread thread(ThreadRequest request) {
        if (request == null || request.thread() == null)
            throw ApiException.badField("thread", "thread is required: one thread in the JSON thread format (docs/thread-format.md)");
        return RequestChecks.thread(request.thread(), "thread.", "thread", maxComments);
    }

    /**
     * The thread format allows longer texts than the models take: each comment text, and each parent
     * text it will be read against, must fit /v1/score's limits. Returns each comment's parent.
     */
    private static List<Optional<ReplyContext.Parent>> checkedTexts(CommentThread thread) {
        List<Optional<ReplyContext.Parent>> parents = new ArrayList<>(thread.comments().size());
        for (int i = 0; i < thread.comments().size(); i++) {
            Comment c = thread.comments().get(i);
            String field = "thread.comments[" + i + "]";
            RequestChecks.text(c.text(), field + ".text");
            Optional<ReplyContext.Parent> parent = ReplyContext.parent(thread, c);
            if (parent.isPresent() && parent.get().isQuote() && c.quote().length() > StanceLimits.MAX_PARENT_CHARS)
                throw new ApiException(400, field + ".quote", StanceLimits.MAX_PARENT_CHARS,
                        field + ".quote is longer than " + StanceLimits.MAX_PARENT_CHARS + " characters (was " + c.quote().length() + ")");
            parents.add(parent);
        }
        return parents;
    }
}
