package org.parley.service.intake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.parley.label.Attribute;
import org.parley.service.api.ScoreResponse;
import org.parley.service.auth.Caller;
import org.parley.service.core.CommentScorer;
import org.parley.service.core.ScoringGate;
import org.parley.service.core.ScoringWork;
import org.parley.service.core.ScoreParts;
import org.parley.service.core.ServedStance;
import org.parley.service.moderation.IdTaken;
import org.parley.service.moderation.NewComment;
import org.parley.service.moderation.Status;
import org.parley.service.moderation.StoredComment;
import org.parley.service.moderation.Submission;
import org.parley.service.store.CommentStore;
import org.parley.stance.ReplyContext;
import org.parley.stance.StanceModel;

import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntConsumer;
import java.util.function.Supplier;

/**
 * Comments from sites: scored (toxicity, spans, and stance where a target or parent is known),
 * routed by the policy and stored. A call's comments are committed together before it returns, so
 * a 2xx answer means all stored, a failure none; an id already stored is not scored again and comes
 * back as it was.
 */
public final class Ingestion {
    private final CommentScorer scorer;
    private final Supplier<ServedStance> stance;
    private final CommentStore store;
    private final ObjectMapper json;
    private final Clock clock;
    private final ScoringGate gate;
    private final ScoringGate batchGate;

    /** @param stance the stance bundle now serving (it can be reloaded); null: no stance is computed */
    public Ingestion(CommentScorer scorer, Supplier<ServedStance> stance, CommentStore store, ObjectMapper json, Clock clock) {
        this(scorer, stance, store, json, clock, ScoringGate.open(), ScoringGate.open());
    }

    /**
     * @param gate      admits a call of one comment to its scoring, as it does /v1/score (docs/scoring-api.md, "Overload")
     * @param batchGate admits a call of several (a thread), as it does /v1/score/batch
     */
    public Ingestion(CommentScorer scorer, Supplier<ServedStance> stance, CommentStore store, ObjectMapper json, Clock clock,
                     ScoringGate gate, ScoringGate batchGate) {
        this.scorer = scorer;
        this.stance = stance;
        this.store = store;
        this.json = json;
        this.clock = clock;
        this.gate = gate;
        this.batchGate = batchGate;
    }

    /**
     * Stores the comments in order (parents usually come first), all in one transaction: when it
     * fails, none is stored. Ids are each site's own: an id the caller's site stored, sent again with the
     * same text and article, is a retry and gets the stored comment back; another site's comment with the
     * same id is another comment, neither a hindrance nor shown.
     *
     * @param caller whose {@link Caller#site site} the new comments are
     * @throws IdTaken when an id the site stored comes with another text or article (and nothing is stored)
     */
    public List<CommentStore.Insert> submit(List<Submission> submissions, Caller caller) {
        return submit(submissions, caller, fresh -> {});
    }

    /**
     * As {@link #submit(List, Caller)}, calling {@code inTurn} with the number of comments to be scored (none already
     * stored) once the scoring lane has admitted the call, before the work: what the caller pays for that work (its
     * stance) is paid by calls scored together, and not by one the lane refuses or one that scores nothing.
     */
    public List<CommentStore.Insert> submit(List<Submission> submissions, Caller caller, IntConsumer inTurn) {
        CommentStore.Insert[] out = new CommentStore.Insert[submissions.size()];
        List<Integer> fresh = new ArrayList<>();
        for (int i = 0; i < out.length; i++) {
            Optional<StoredComment> stored = store.find(caller.site(), submissions.get(i).id());
            if (stored.isPresent()) out[i] = retry(i, submissions.get(i), new CommentStore.Insert(false, stored.get()));
            else fresh.add(i);
        }
        if (fresh.isEmpty()) return List.of(out);

        List<CommentScorer.Input> inputs = fresh.stream().map(i -> new CommentScorer.Input(
                submissions.get(i).text(), EnumSet.allOf(Attribute.class), true)).toList();
        Map<String, String> textsInCall = new HashMap<>();
        for (Submission s : submissions) textsInCall.put(s.id(), s.text());
        ServedStance stanceModel = stance == null ? null : stance.get(); // once: a reload meanwhile must not split the call
        // The parents are read before the turn: only the models' work holds it, not the store (a database that hangs).
        List<String> parents = fresh.stream().map(i -> stanceModel == null ? null
                : parentText(submissions.get(i), caller.site(), textsInCall)).toList();
        // In a turn of the scoring lanes, as /v1/score's: submissions scored beside them would take their cores. The
        // stance is read in the same turn, as /v1/score reads it: its sentence encoder costs more than the toxicity
        // model. The turn holds what the models' work weighs (ScoringWork). A 503 here stores nothing.
        long work = 0;
        for (int k = 0; k < fresh.size(); k++) {
            Submission s = submissions.get(fresh.get(k));
            int targets = stanceModel == null || s.targets() == null ? 0 : s.targets().size();
            work += ScoringWork.comment(s.text(), targets, parents.get(k));
        }
        Scored scored = (submissions.size() == 1 ? gate : batchGate).run(work, () -> {
            inTurn.accept(fresh.size());
            CommentScorer.Result toxicity = scorer.score(inputs);
            List<String> stances = new ArrayList<>(fresh.size());
            for (int k = 0; k < fresh.size(); k++) stances.add(stanceJson(stanceModel, submissions.get(fresh.get(k)), parents.get(k)));
            return new Scored(toxicity, stances);
        });
        ScoreResponse.ModelInfo m = scored.toxicity().model().info();
        StoredComment.ModelRef model = new StoredComment.ModelRef(m.name(), m.version(), m.checksum());

        List<NewComment> comments = new ArrayList<>(fresh.size());
        for (int k = 0; k < fresh.size(); k++) {
            Submission s = submissions.get(fresh.get(k));
            CommentScorer.Outcome o = scored.toxicity().outcomes().get(k);
            comments.add(new NewComment(s.id(), s.articleId(), s.articleTitle(), s.number(), s.parentId(),
                    s.parentNumber(), s.author(), s.text(), s.quote(), s.ratingUp(), s.ratingDown(),
                    o.probabilities(), o.top(), write(ScoreParts.spans(o)), scored.stances().get(k),
                    model, o.decision().action(), o.language(), s.parentAuthor(), write(o.decision().fired()), caller.site(),
                    StoredComment.risk(o.probabilities(), o.decision())));
        }
        // One transaction for the call: a failure (the database, or a clash with a comment another call
        // stored meanwhile) stores none of them, and the same call sent again stores them all.
        List<CommentStore.Insert> inserted = store.insertAll(comments, clock.instant(),
                (r, k) -> retry(fresh.get(k), submissions.get(fresh.get(k)), r));
        for (int k = 0; k < fresh.size(); k++) out[fresh.get(k)] = inserted.get(k);
        return List.of(out);
    }

    /** A call's fresh comments as the models read them, in order: toxicity, and each one's stance JSON (or null). */
    private record Scored(CommentScorer.Result toxicity, List<String> stances) {}

    /** The insert as it is, unless it found another of the site's comments under the submission's id. */
    private static CommentStore.Insert retry(int index, Submission s, CommentStore.Insert r) {
        StoredComment c = r.comment();
        boolean same = c.text().equals(s.text()) && c.articleId().equals(s.articleId());
        if (!r.created() && !same) throw new IdTaken(index, s.id());
        return r;
    }

    /** The text the comment answers ({@link ReplyContext}): its quote, else its parent's text. */
    private String parentText(Submission s, String site, Map<String, String> textsInCall) {
        return ReplyContext.parent(s.quote(), () -> parentComment(s, site, textsInCall)).map(ReplyContext.Parent::text).orElse(null);
    }

    /** The comment a submission answers: from this call, else the site's in the store. */
    private Optional<ReplyContext.Parent> parentComment(Submission s, String site, Map<String, String> textsInCall) {
        if (s.parentId() != null && textsInCall.containsKey(s.parentId()))
            return Optional.of(new ReplyContext.Parent(textsInCall.get(s.parentId()), s.parentId()));
        // An erased parent has no text to answer: its empty one would give a stance toward nothing.
        return store.parent(site, s.articleId(), s.parentId(), s.parentNumber()).filter(c -> c.status() != Status.ERASED)
                .map(c -> new ReplyContext.Parent(c.text(), c.id()));
    }

    /**
     * {"stance": [...], "replyStance": {...}, "stanceModel": {...}} in the /v1/score shapes; null when
     * neither stance is known. The stance bundle is named as the toxicity one is: a moderator, or whoever
     * reads the store later, can tell which model said it.
     */
    private String stanceJson(ServedStance served, Submission s, String parentText) {
        boolean targets = s.targets() != null && !s.targets().isEmpty();
        if (served == null || (!targets && parentText == null)) return null;
        StanceModel model = served.model();
        ObjectNode node = json.createObjectNode();
        if (targets) node.set("stance", json.valueToTree(ScoreParts.stance(model.stance(s.text(), s.targets()))));
        if (parentText != null)
            node.set("replyStance", json.valueToTree(ScoreParts.replyStance(model.replyStance(s.text(), parentText))));
        node.set("stanceModel", json.valueToTree(served.info()));
        return write(node);
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
