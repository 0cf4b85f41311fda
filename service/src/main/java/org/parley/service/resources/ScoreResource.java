package org.parley.service.resources;

import com.codahale.metrics.annotation.ExceptionMetered;
import com.codahale.metrics.annotation.Timed;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import org.parley.service.api.BatchRequest;
import org.parley.service.api.BatchResponse;
import org.parley.service.api.ErrorBody;
import org.parley.service.api.ScoreRequest;
import org.parley.service.api.ScoreResponse;
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
import org.parley.service.errors.ApiException;
import org.parley.service.errors.JsonExceptionMapper;

import java.util.ArrayList;
import java.util.List;

/**
 * POST /v1/score and /v1/score/batch: probabilities, severities, rating, action, spans, model; and,
 * when asked for, the stance on each of {@code targets}, the reply stance toward {@code context.parentText}
 * and the sentiment (SENTIMENT in {@code attributes}).
 */
@Path("/v1/score")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.SCORER_NAME)
public final class ScoreResource {
    private final CommentScorer scorer;
    private final ObjectMapper json;
    private final int maxBatch;
    private final StanceHolder stance;
    private final SentimentHolder sentiment;

    private final RateLimiter limiter;
    private final ScoringGate gate;
    private final ScoringGate batchGate;

    /** No charge for a batch's work beyond the body's, and no limit on requests scoring at once (the resource tests). */
    public ScoreResource(CommentScorer scorer, ObjectMapper json, int maxBatch, StanceHolder stance, SentimentHolder sentiment) {
        this(scorer, json, maxBatch, stance, sentiment, null);
    }

    public ScoreResource(CommentScorer scorer, ObjectMapper json, int maxBatch, StanceHolder stance, SentimentHolder sentiment,
                         RateLimiter limiter) {
        this(scorer, json, maxBatch, stance, sentiment, limiter, ScoringGate.open(), ScoringGate.open());
    }

    /**
     * @param stance  its models are thread-safe: they serialise the calls into each of their networks
     * @param limiter charges the caller for a batch's items scored, and each read against targets or a parent
     *                ({@link RateLimiter#chargeWork})
     * @param gate      admits a comment to its scoring, once its body is read and checked, holding what it weighs
     * @param batchGate the same for a batch (its items' weights together), in a lane of its own
     */
    public ScoreResource(CommentScorer scorer, ObjectMapper json, int maxBatch, StanceHolder stance, SentimentHolder sentiment,
                         RateLimiter limiter, ScoringGate gate, ScoringGate batchGate) {
        this.limiter = limiter;
        this.gate = gate;
        this.batchGate = batchGate;
        this.scorer = scorer;
        this.json = json;
        this.maxBatch = maxBatch;
        this.stance = stance;
        this.sentiment = sentiment;
    }

    @POST
    @Timed(name = "score")
    @ExceptionMetered(name = "score")
    public ScoreResponse score(ScoreRequest request) {
        RequestChecks.Requested requested = RequestChecks.check(request, "");
        ScoreResponse scored = gate.run(ScoringWork.request(request), () -> {
            CommentScorer.Result r = scorer.score(List.of(input(request, requested)));
            return response(request, requested, r.outcomes().get(0), r, stance.current());
        });
        // After the gate's turn: a parse waits for sentiment's own turn (one at a time), and waiting with the gate's units
        // held, four such requests refused every other comment of the lane.
        return requested.sentiment() ? scored.withSentiment(ScoreParts.sentiment(sentiment.analyse(request.comment().text()))) : scored;
    }

    @POST
    @Path("/batch")
    @Timed(name = "score-batch")
    @ExceptionMetered(name = "score-batch")
    public BatchResponse batch(BatchRequest request, @Context ContainerRequestContext requestContext) {
        if (request == null || request.comments() == null)
            throw ApiException.badField("comments", "comments is required: an array of score requests");
        List<JsonNode> items = request.comments();
        if (items.isEmpty()) throw new ApiException(400, "comments", 1, "comments must not be empty");
        if (items.size() > maxBatch)
            throw new ApiException(413, "comments", maxBatch,
                    "a batch holds at most " + maxBatch + " comments (was " + items.size() + ")");

        // Check every item; the good ones are scored together, the bad ones answered in place.
        BatchResponse.Item[] out = new BatchResponse.Item[items.size()];
        List<Integer> good = new ArrayList<>();
        List<ScoreRequest> requests = new ArrayList<>();
        List<RequestChecks.Requested> requested = new ArrayList<>();
        int sentiments = 0;
        for (int i = 0; i < items.size(); i++) {
            String prefix = "comments[" + i + "].";
            ScoreRequest item = null;
            try {
                item = read(items.get(i), prefix);
                RequestChecks.Requested asked = RequestChecks.check(item, prefix);
                if (asked.sentiment() && ++sentiments > RequestChecks.MAX_SENTIMENT_COMMENTS)
                    throw new ApiException(400, prefix + "attributes", RequestChecks.MAX_SENTIMENT_COMMENTS, "at most "
                            + RequestChecks.MAX_SENTIMENT_COMMENTS + " comments of a batch may ask for SENTIMENT (it costs a parse)");
                requested.add(asked);
                requests.add(item);
                good.add(i);
            } catch (ApiException e) {
                out[i] = new BatchResponse.Item(i, item == null ? idOf(items.get(i)) : item.id(), null,
                        new ErrorBody(e.status(), e.getMessage(), e.field(), e.limit()));
            }
        }
        long workCost = requests.stream().filter(q -> q.targets() != null || q.parent() != null)
                .mapToLong(q -> RateLimiter.stanceTokens(1, q.targets() == null ? 0 : q.targets().size())).sum();
        List<CommentScorer.Input> inputs = new ArrayList<>(good.size());
        for (int k = 0; k < good.size(); k++) inputs.add(input(requests.get(k), requested.get(k)));
        batchGate.run(requests.stream().mapToLong(ScoringWork::request).sum(), () -> {
            // Charged in the turn, before the work: batches scored together pay too, and one the lane refuses (a 503) pays nothing.
            if (limiter != null) limiter.chargeWork(requestContext, workCost);
            CommentScorer.Result r = scorer.score(inputs);
            ServedStance servedStance = stance.current();
            for (int k = 0; k < good.size(); k++) {
                ScoreRequest q = requests.get(k);
                out[good.get(k)] = new BatchResponse.Item(good.get(k), q.id(),
                        response(q, requested.get(k), r.outcomes().get(k), r, servedStance), null);
            }
            return null;
        });
        for (int k = 0; k < good.size(); k++) {  // sentiment after the gate's turn, as for one comment
            if (!requested.get(k).sentiment()) continue;
            BatchResponse.Item item = out[good.get(k)];
            out[good.get(k)] = new BatchResponse.Item(item.index(), item.id(),
                    item.score().withSentiment(ScoreParts.sentiment(sentiment.analyse(requests.get(k).comment().text()))), null);
        }
        return new BatchResponse(List.of(out));
    }

    private ScoreRequest read(JsonNode node, String prefix) {
        if (node == null || !node.isObject()) throw ApiException.badField(prefix.substring(0, prefix.length() - 1), "each comment must be a JSON object");
        try {
            return json.treeToValue(node, ScoreRequest.class);
        } catch (JsonProcessingException e) {
            ApiException inner = JsonExceptionMapper.describe(e);
            String field = prefix + inner.field();
            String message = inner.getMessage().startsWith(inner.field()) ? prefix + inner.getMessage() : inner.getMessage();
            throw new ApiException(400, field, inner.limit(), message);
        }
    }

    /** The item's id, if one can be read and is text, so a client can match an error to its comment. */
    private static String idOf(JsonNode node) {
        JsonNode id = node == null ? null : node.get("id");
        return id != null && id.isTextual() && id.asText().length() <= RequestChecks.MAX_ID
                && org.parley.service.errors.UnstorableCharacters.storable(id.asText()) ? id.asText() : null;
    }

    private static CommentScorer.Input input(ScoreRequest r, RequestChecks.Requested requested) {
        return new CommentScorer.Input(r.comment().text(), requested.attributes(), r.wantsSpans());
    }

    private ScoreResponse response(ScoreRequest request, RequestChecks.Requested requested, CommentScorer.Outcome o,
                                   CommentScorer.Result r, ServedStance stance) {
        List<ScoreResponse.TargetStanceScore> targets = request.targets() == null ? null
                : ScoreParts.stance(stance.model().stance(request.comment().text(), request.targets()));
        ScoreResponse.ReplyStanceScore reply = request.parent() == null ? null
                : ScoreParts.replyStance(stance.model().replyStance(request.comment().text(), request.parent()));
        return new ScoreResponse(request.id(), ScoreParts.attributes(requested.attributes(), o), ScoreParts.rating(o),
                o.decision().action(), ScoreParts.rules(o), o.language(), ScoreParts.spans(o), targets, reply, null, r.model().info(),
                targets == null && reply == null ? null : stance.info());
    }
}
