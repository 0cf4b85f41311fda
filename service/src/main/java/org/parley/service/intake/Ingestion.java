package org.parley.service.intake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.jdbi.v3.core.JdbiException;
import org.parley.label.Attribute;
import org.parley.service.api.ScoreResponse;
import org.parley.service.core.CommentScorer;
import org.parley.service.core.ScoringGate;
import org.parley.service.core.ScoringWork;
import org.parley.service.core.ScoreParts;
import org.parley.service.core.ServedStance;
import org.parley.service.errors.ApiException;
import org.parley.service.errors.UnexpectedExceptionMapper;
import org.parley.service.moderation.IdTaken;
import org.parley.service.moderation.NewComment;
import org.parley.service.moderation.Status;
import org.parley.service.moderation.StoredComment;
import org.parley.service.moderation.Submission;
import org.parley.service.store.CommentStore;
import org.parley.service.store.FailureReason;
import org.parley.stance.ReplyContext;
import org.parley.stance.StanceLimits;
import org.parley.stance.StanceModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.IntStream;

/**
 * Comments from sites: scored (toxicity, spans, and stance where a target or parent is known),
 * routed by the policy and stored. A call's comments are committed together before it returns, so
 * a 2xx answer means all stored, a failure none; an id already stored is not scored again and comes
 * back as it was. A reply stance that another call's comment, committed meanwhile, makes readable is written after,
 * in a second transaction ({@link Call#lookAgain}).
 */
public final class Ingestion {
    private static final Logger LOG = LoggerFactory.getLogger(Ingestion.class);
    /**
     * The stored replies a look reads for their reply stance when their parent comes, at most: a real parent has a few (a
     * BBC page's most answered comment, a dozen), and a site that stored thousands to one number had one parent call read
     * them all in one turn of a lane, uncharged, other sites' scoring refused meanwhile (a seventh penetration test,
     * sixty-fifth session: 4,000 replies, 15 s and 18 CPU-seconds, 7 of another site's 12 requests a 503).
     */
    static final int MOST_STORED_REPLIES = 50;
    /** The parents of {@link #capped} kept at most: beyond, a look that stops at its limit is logged alone. */
    static final int MOST_CAPPED = 1_000;
    /**
     * The parents whose look stopped at {@link #MOST_STORED_REPLIES}: their other replies are {@link ReplySweep}'s, whatever
     * their age (its walk of the day's unread replies missed those stored days before their parent: a several-instances
     * audit, sixty-sixth session). In memory: an instance that stops loses them, as its calls' second looks.
     */
    private final Set<StoredParents> capped = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /** A look's parents in one article of a site: by their ids, and by the numbers whose first stored comment they are. */
    record StoredParents(String site, String articleId, Set<String> ids, Set<Integer> numbers) {}
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
     * Stores the comments in order (parents usually come first), all in one transaction: when it fails, none is
     * stored (then a reply stance another call made readable meanwhile, in a second: {@link Call#lookAgain}). Ids are
     * each site's own: an id the caller's site stored, sent again with the same text and article, is a retry and gets
     * the stored comment back; another site's comment with the same id is another comment, neither a hindrance nor shown.
     *
     * @param site the caller's site ({@code auth.Caller#site}): whose the new comments are, and whose stored ones a
     *             retry is found among
     * @throws IdTaken when an id the site stored comes with another text or article, or its key is an old comment's id
     *                 ({@link IdTaken#byAnOldComment}), and nothing is stored
     */
    public List<CommentStore.Insert> submit(List<Submission> submissions, String site) {
        return submit(submissions, site, false, (comments, readings) -> {}).comments();
    }

    /** What the models' turn reads against targets, for the caller to pay for it ({@link #submit(List, String, boolean, StanceCharge)}). */
    @FunctionalInterface
    public interface StanceCharge {
        /** @param comments comments read against targets; {@code readings} the targets they are read against, in all */
        void admitted(int comments, long readings);
    }

    /** What the models' turn scores and reads against targets, for the caller to pay for it ({@link #submit(List, String, boolean, WorkCharge)}). */
    @FunctionalInterface
    public interface WorkCharge {
        /** @param scored new comments the toxicity model reads; {@code comments} and {@code readings} as {@link StanceCharge}'s */
        void admitted(int scored, int comments, long readings);
    }

    /**
     * The comments of a call as stored, and the targets read in it (by {@link StanceLimits#sameness}): on new
     * comments, and on stored ones that lacked them. A target the call names and none read was stored already.
     */
    public record Stored(List<CommentStore.Insert> comments, Set<String> read) {}

    /**
     * As {@link #submit(List, String)}, calling {@code inTurn} with what is read against targets once the scoring lane
     * has admitted the call, before the work: what the caller pays for that work (its stance) is paid by calls scored
     * together, and not by one the lane refuses or one that reads nothing.
     *
     * @param newTargets a stored comment (a retry) is read against those of its submission's targets it holds no
     *                   stance on, and the stance stored beside its own (/v1/threads): its scores, status, version and
     *                   decisions stay as they are. False: a retry is answered as stored
     * @throws TooManyTargets when a stored comment would hold stance on more than {@link StanceLimits#MAX_TARGETS}
     */
    public Stored submit(List<Submission> submissions, String site, boolean newTargets, StanceCharge inTurn) {
        return submit(submissions, site, newTargets, (WorkCharge) (scored, comments, readings) -> inTurn.admitted(comments, readings));
    }

    /** As {@link #submit(List, String, boolean, StanceCharge)}, telling {@code inTurn} the new comments scored too. */
    public Stored submit(List<Submission> submissions, String site, boolean newTargets, WorkCharge inTurn) {
        // The stance bundle is read once: a reload meanwhile must not split the call.
        Call call = new Call(submissions, site, served());
        Found found = call.find(newTargets);
        List<ReplyRead> replies = call.resentReplies(found, newTargets);
        replies.addAll(call.storedRepliesTo(found.fresh()));
        // A comment stored before is answered with the entries stored for it, not those re-sent (GET /v1/comments/{id}'s):
        // here, with nothing to write, read now; else in the write's transaction (commit).
        if (found.fresh().isEmpty() && found.lacking().isEmpty() && replies.isEmpty())
            return new Stored(store.withStoredAlsoQuotes(List.of(found.out())), Set.of());
        // The parents are read before the turn: only the models' work holds it, not the store (a database that hangs).
        List<String> parents = call.parents(found.fresh());
        Scored scored = call.scoreInTurn(found, parents, replies, inTurn);
        List<NewComment> comments = call.newComments(found.fresh(), scored);
        Set<String> read = call.targetsRead(found.fresh());
        List<CommentStore.StanceRewrite> rewrites = call.rewrites(found.out(), scored.added(), read);
        List<Integer> owners = new ArrayList<>(scored.added().keySet());
        for (int k = 0; k < replies.size(); k++) {
            rewrites.add(replyRewrite(call.stanceModel, replies.get(k), scored.replies().get(k)));
            owners.add(replies.get(k).index());
        }
        return call.lookAgain(call.commit(found, comments, rewrites, owners, read));
    }

    /**
     * What the store holds of a call's comments before it is scored: {@code out}, by the submission's index, the stored
     * ones (the new ones' places null until the commit); {@code fresh} the indexes of the new ones; {@code lacking} the
     * stored ones to read against targets they hold no stance on, and those targets.
     */
    private record Found(CommentStore.Insert[] out, List<Integer> fresh, Map<Integer, List<String>> lacking) {}

    /**
     * What the models' turn weighs ({@link ScoringWork}): a stored comment's stance on the targets it lacks, as a new
     * one's on its targets; and what of it reads against targets, for the caller to pay ({@link StanceCharge}).
     */
    private record Work(long units, int readComments, long readings) {}

    /**
     * A call's comments as the models read them: the fresh ones' toxicity (null: none fresh) and each one's stance JSON (or
     * null), in order; and the stored ones' stance on the targets they lacked, by the submission's index.
     */
    private record Scored(CommentScorer.Result toxicity, List<String> stances, Map<Integer, List<ScoreResponse.TargetStanceScore>> added,
                          List<ScoreResponse.ReplyStanceScore> replies) {}

    /**
     * A stored comment to read for the reply stance it lacks: stored before its parent came (a BBC thread sent newest page
     * first stores most replies so), its parent's text known now. {@code index}: the submission it was sent again as, -1
     * where the call does not name it (a reply to one of its new comments).
     */
    private record ReplyRead(int index, String key, String text, String parentText) {}

    /**
     * One call's steps, in the order {@link #submit(List, String, boolean, StanceCharge)} takes them, with the stance
     * bundle it reads (null: no stance is computed).
     */
    private final class Call {
        private final List<Submission> submissions;
        private final String site;
        private final ServedStance stanceModel;
        /** Each submission's text by its id: a reply's parent may be in the call. */
        private final Map<String, String> textsInCall = new HashMap<>();

        Call(List<Submission> submissions, String site, ServedStance stanceModel) {
            this.submissions = submissions;
            for (Submission s : submissions) textsInCall.put(s.id(), s.text());
            this.site = site;
            this.stanceModel = stanceModel;
        }

        /** The site's stored comments under the submissions' ids (a retry each), and with {@code newTargets} the targets they lack. */
        Found find(boolean newTargets) {
            CommentStore.Insert[] out = new CommentStore.Insert[submissions.size()];
            List<Integer> fresh = new ArrayList<>();
            Map<Integer, List<String>> lacking = new LinkedHashMap<>();
            for (int i = 0; i < out.length; i++) {
                Submission s = submissions.get(i);
                Optional<StoredComment> stored = store.find(site, s.id());
                if (stored.isEmpty()) {
                    fresh.add(i);
                    continue;
                }
                out[i] = retry(i, s, new CommentStore.Insert(false, stored.get()));
                if (!newTargets || stanceModel == null || s.targets() == null) continue;
                Set<String> held = StoredStance.held(json, stored.get().stanceJson());
                List<String> lack = StoredStance.lacking(held, s.targets());
                if (held.size() + lack.size() > StanceLimits.MAX_TARGETS) throw new TooManyTargets(i, s.id(), held.size(), lack.size());
                if (!lack.isEmpty()) lacking.put(i, lack);
            }
            return new Found(out, fresh, lacking);
        }

        /**
         * With {@code newTargets}, the stored comments the call sends again that lack the reply stance their parent, found
         * now, gives (a stance integrator's third review, sixty-fourth session: a reply stored before its parent never got
         * one, even sent again).
         */
        List<ReplyRead> resentReplies(Found found, boolean newTargets) {
            List<ReplyRead> out = new ArrayList<>();
            for (int i = 0; i < found.out().length && newTargets && stanceModel != null; i++)
                if (found.out()[i] != null) lackingReply(i, found.out()[i].comment()).ifPresent(out::add);
            return out;
        }

        /** The submission {@code i}, stored as {@code c}, to read for the reply stance it lacks, where its parent is found now. */
        private Optional<ReplyRead> lackingReply(int i, StoredComment c) {
            Submission s = submissions.get(i);
            if ((s.parentId() == null && s.parentNumber() == null && s.quote() == null) || StoredStance.hasReply(json, c.stanceJson()))
                return Optional.empty();
            return Optional.ofNullable(parentText(s, site, textsInCall)).map(parent -> new ReplyRead(i, c.key(), c.text(), parent));
        }

        /** The scoring lane of the call's size: a comment's, as /v1/score's, or a thread's, as /v1/score/batch's. */
        private ScoringGate lane() {
            return submissions.size() == 1 ? gate : batchGate;
        }

        /**
         * The stored replies, not in the call, to the submissions {@code parents} that lack a reply stance: a reply stored
         * before its parent (a BBC thread sent newest page first) is read when the parent comes. At most
         * {@link #MOST_STORED_REPLIES} a look: those beyond are left to {@link ReplySweep}, and logged.
         */
        List<ReplyRead> storedRepliesTo(List<Integer> parents) {
            if (stanceModel == null) return List.of();
            List<ReplyRead> out = new ArrayList<>();
            // The parents by article, then by id and by number: a stored reply names its parent by one of them (by its id
            // where it has one, as CommentStore.parent finds it).
            Map<String, Map<String, Submission>> byId = new LinkedHashMap<>();
            Map<String, Map<Integer, Submission>> byNumber = new HashMap<>();
            for (int i : parents) {
                Submission s = submissions.get(i);
                byId.computeIfAbsent(s.articleId(), a -> new HashMap<>()).put(s.id(), s);
                if (s.number() != null) byNumber.computeIfAbsent(s.articleId(), a -> new HashMap<>()).putIfAbsent(s.number(), s);
            }
            int read = 0;
            for (Map.Entry<String, Map<String, Submission>> article : byId.entrySet()) {
                Map<Integer, Submission> numbers = new HashMap<>(byNumber.getOrDefault(article.getKey(), Map.of()));
                // By number, a reply's parent is the first stored of that number: a new comment that reuses one is not it
                // (a seventh penetration test: each new comment of number 1 read the unread replies to it against itself).
                Map<Integer, String> first = store.firstOfNumbers(site, article.getKey(), numbers.keySet());
                numbers.entrySet().removeIf(n -> first.containsKey(n.getKey())
                        && !first.get(n.getKey()).equals(CommentStore.key(site, n.getValue().id())));
                List<StoredComment> found = store.repliesTo(site, article.getKey(), article.getValue().keySet(), numbers.keySet(),
                        MOST_STORED_REPLIES - read);
                read += found.size();
                if (read >= MOST_STORED_REPLIES && capped.size() < MOST_CAPPED)
                    capped.add(new StoredParents(site, article.getKey(), Set.copyOf(article.getValue().keySet()), Set.copyOf(numbers.keySet())));
                for (StoredComment r : found) {
                    Submission parent = r.parentId() != null ? article.getValue().get(r.parentId()) : numbers.get(r.parentNumber());
                    if (parent == null || textsInCall.containsKey(r.id()) || StoredStance.hasReply(json, r.stanceJson())) continue;
                    ReplyContext.parent(r.quote(), () -> Optional.of(new ReplyContext.Parent(parent.text(), parent.id())))
                            .ifPresent(p -> out.add(new ReplyRead(-1, r.key(), r.text(), p.text())));
                }
            }
            if (read >= MOST_STORED_REPLIES)
                LOG.warn("{} stored replies read for their reply stance in one look, the most; others are left to the sweep", read);
            return out;
        }

        /**
         * A reply and its parent stored by two calls at once (a thread's pages sent in parallel, or to two instances) each
         * looked for the other before either committed, and neither found it: the reply was left without a reply stance
         * for good (a several-instances audit, sixty-fifth session). So a call looks again once it has committed, for the
         * parents its new replies did not find and the stored replies to its new comments: of two such calls, the one that
         * commits second finds the other's comment, and reads and writes the reply stance as for a reply stored before its
         * parent. The call's comments are stored by then: a refused turn or a failed write leaves that stance to
         * {@link ReplySweep}, and is logged, not answered (a 503 would say nothing was stored).
         */
        Stored lookAgain(Stored stored) {
            List<Integer> created = IntStream.range(0, submissions.size()).filter(i -> stored.comments().get(i).created()).boxed().toList();
            if (stanceModel == null || created.isEmpty()) return stored;
            try {
                List<ReplyRead> replies = new ArrayList<>();
                for (int i : created) lackingReply(i, stored.comments().get(i).comment()).ifPresent(replies::add);
                replies.addAll(storedRepliesTo(created));
                if (replies.isEmpty()) return stored;
                List<ScoreResponse.ReplyStanceScore> read = lane().run(replyUnits(replies), () -> readReplies(stanceModel, replies));
                List<CommentStore.StanceRewrite> rewrites = new ArrayList<>();
                for (int k = 0; k < replies.size(); k++) rewrites.add(replyRewrite(stanceModel, replies.get(k), read.get(k)));
                List<Optional<StoredComment>> now = store.store(List.of(), rewrites, List.of(), clock.instant(), (r, k) -> {}).rewritten();
                List<CommentStore.Insert> out = new ArrayList<>(stored.comments());
                for (int k = 0; k < replies.size(); k++) {
                    int i = replies.get(k).index();
                    if (i >= 0 && now.get(k).isPresent()) out.set(i, new CommentStore.Insert(true, now.get(k).get(), out.get(i).alsoQuotes()));
                }
                return new Stored(out, stored.read());
            } catch (ApiException | JdbiException e) {  // a refused turn, the database: the deepest reason's first line, as
                // Jdbi's own message carries the statement and its values, comments' texts
                LOG.warn("a reply stance left to the sweep after the call's comments were stored: {}", FailureReason.of(e));
                return stored;
            } catch (RuntimeException e) {  // a bug (the stance model's, a stored stance unread): its frames, not its message
                LOG.error("a reply stance left to the sweep after the call's comments were stored", UnexpectedExceptionMapper.scrubbed(e));
                return stored;
            }
        }

        /** The text each new comment answers (null: none, or no stance read), from this call or the store. */
        List<String> parents(List<Integer> fresh) {
            return fresh.stream().map(i -> stanceModel == null ? null : parentText(submissions.get(i), site, textsInCall)).toList();
        }

        /**
         * In a turn of the scoring lanes, as /v1/score's: submissions scored beside them would take their cores. The
         * stance is read in the same turn, as /v1/score reads it: its sentence encoder costs more than the toxicity
         * model. The turn holds what the models' work weighs. A 503 here stores nothing.
         */
        Scored scoreInTurn(Found found, List<String> parents, List<ReplyRead> replies, WorkCharge inTurn) {
            List<Integer> fresh = found.fresh();
            List<CommentScorer.Input> inputs = fresh.stream().map(i -> new CommentScorer.Input(
                    submissions.get(i).text(), EnumSet.allOf(Attribute.class), true)).toList();
            Work work = weigh(found, parents, replies);
            return lane().run(work.units(), () -> {
                inTurn.admitted(fresh.size(), work.readComments(), work.readings());
                CommentScorer.Result toxicity = fresh.isEmpty() ? null : scorer.score(inputs);
                List<String> stances = new ArrayList<>(fresh.size());
                for (int k = 0; k < fresh.size(); k++) stances.add(stanceJson(stanceModel, submissions.get(fresh.get(k)), parents.get(k)));
                Map<Integer, List<ScoreResponse.TargetStanceScore>> added = new LinkedHashMap<>();
                for (Map.Entry<Integer, List<String>> e : found.lacking().entrySet())
                    added.put(e.getKey(), ScoreParts.stance(stanceModel.model().stance(submissions.get(e.getKey()).text(), e.getValue())));
                List<ScoreResponse.ReplyStanceScore> read = readReplies(stanceModel, replies);
                return new Scored(toxicity, stances, added, read);
            });
        }

        private Work weigh(Found found, List<String> parents, List<ReplyRead> replies) {
            long units = 0;
            int readComments = 0;
            long readings = 0;
            for (int k = 0; k < found.fresh().size(); k++) {
                Submission s = submissions.get(found.fresh().get(k));
                int targets = stanceModel == null || s.targets() == null ? 0 : s.targets().size();
                units += ScoringWork.comment(s.text(), targets, parents.get(k));
                if (s.targets() != null) {
                    readComments++;
                    readings += s.targets().size();
                }
            }
            for (Map.Entry<Integer, List<String>> e : found.lacking().entrySet()) {
                units += ScoringWork.stance(submissions.get(e.getKey()).text(), e.getValue().size());
                readComments++;
                readings += e.getValue().size();
            }
            return new Work(units + replyUnits(replies), readComments, readings);
        }

        /** The rows of the new comments, in order. */
        List<NewComment> newComments(List<Integer> fresh, Scored scored) {
            List<NewComment> comments = new ArrayList<>(fresh.size());
            for (int k = 0; k < fresh.size(); k++) {
                ScoreResponse.ModelInfo m = scored.toxicity().model().info();
                StoredComment.ModelRef model = new StoredComment.ModelRef(m.name(), m.version(), m.checksum());
                Submission s = submissions.get(fresh.get(k));
                CommentScorer.Outcome o = scored.toxicity().outcomes().get(k);
                comments.add(new NewComment(s.id(), s.articleId(), s.articleTitle(), s.number(), s.parentId(),
                        s.parentNumber(), s.author(), s.text(), s.quote(), s.ratingUp(), s.ratingDown(),
                        o.probabilities(), o.top(), write(ScoreParts.spans(o)), scored.stances().get(k),
                        model, o.decision().action(), o.language(), s.parentAuthor(), write(o.decision().fired()), site,
                        StoredComment.risk(o.probabilities(), o.decision()), s.alsoQuotes()));
            }
            return comments;
        }

        /**
         * What was read, by sameness: every target of a new comment here, and (added by {@link #rewrites} as each
         * stored one's row is locked) of a stored one those the store did not hold by then (another call may have
         * stored them meanwhile: then this call's are dropped).
         */
        Set<String> targetsRead(List<Integer> fresh) {
            Set<String> read = new HashSet<>();
            for (int i : fresh) if (submissions.get(i).targets() != null && stanceModel != null)
                for (String t : submissions.get(i).targets()) read.add(StanceLimits.sameness(t));
            return read;
        }

        /** The stored comments' stance with the targets they lacked added, written under their rows' locks. */
        List<CommentStore.StanceRewrite> rewrites(CommentStore.Insert[] out, Map<Integer, List<ScoreResponse.TargetStanceScore>> added,
                                                  Set<String> read) {
            List<CommentStore.StanceRewrite> rewrites = new ArrayList<>();
            for (Map.Entry<Integer, List<ScoreResponse.TargetStanceScore>> e : added.entrySet()) {
                int i = e.getKey();
                // Erased meanwhile, its text no longer matches: the call is a 409 (as a retry of it sent after would be),
                // and stores nothing, its new comments included.
                rewrites.add(new CommentStore.StanceRewrite(out[i].comment().key(), current -> {
                    retry(i, submissions.get(i), new CommentStore.Insert(false, current));
                    return StoredStance.with(json, current.stanceJson(), e.getValue(), stanceModel.info(), i, submissions.get(i).id(), read);
                }));
            }
            return rewrites;
        }

        /**
         * One transaction for the call: a failure (the database, or a clash with a comment another call stored
         * meanwhile) stores none of them, and the same call sent again stores them all. What the answer shows of the
         * comments stored before (their entries) is read in it too, so that nothing read once it committed can fail the call.
         *
         * @param owners the submission's index of each stored comment rewritten, in the order of {@code rewrites}; -1 for
         *               one the call does not name
         */
        Stored commit(Found found, List<NewComment> comments, List<CommentStore.StanceRewrite> rewrites, List<Integer> owners,
                      Set<String> read) {
            List<Integer> fresh = found.fresh();
            CommentStore.Insert[] out = found.out();
            List<String> storedBefore = new ArrayList<>();
            for (CommentStore.Insert r : out) if (r != null) storedBefore.add(r.comment().key());
            CommentStore.Written written;
            try {
                written = store.store(comments, rewrites, storedBefore, clock.instant(),
                        (r, k) -> retry(fresh.get(k), submissions.get(fresh.get(k)), r));
            } catch (CommentStore.KeyTaken e) {  // a 409 naming the comment, not a 500 (CommentKeyClashTest, IngestionTest)
                int i = fresh.get(e.index());
                throw e.article() ? IdTaken.byAnOldArticle(i, submissions.get(i).articleId()) : IdTaken.byAnOldComment(i, submissions.get(i).id());
            }
            for (int k = 0; k < fresh.size(); k++) out[fresh.get(k)] = written.inserted().get(k);
            int r = 0;
            for (int i : owners) {
                Optional<StoredComment> now = written.rewritten().get(r++);
                if (i >= 0 && now.isPresent()) out[i] = new CommentStore.Insert(false, now.get());  // else gone meanwhile (retention): as read
            }
            return new Stored(CommentStore.withAlsoQuotes(List.of(out), written.alsoQuotes()), read);
        }
    }

    /** The parents whose look stopped at its limit, for {@link ReplySweep} to read their other replies; it removes them. */
    Set<StoredParents> capped() {
        return capped;
    }

    /** Whether a stance bundle is serving: without one no reply stance is read ({@link ReplySweep} reads none). */
    boolean readsStance() {
        return served() != null;
    }

    /** The stance bundle serving now (it can be reloaded), or null: none. */
    private ServedStance served() {
        return stance == null ? null : stance.get();
    }

    /**
     * Reads the reply stance of stored replies that lack one where their parent (or quote) is found now, in a turn of the
     * thread lane, and writes it: {@link ReplySweep}'s, for those a call's look left unread. Each reply alone: one that
     * cannot be read (a stored stance that is not JSON, the model's bug) is logged and left, not the others with it, which a
     * sweep would otherwise meet again at every run (a code-health audit, sixty-sixth session). Returns how many now hold
     * the reply stance they lacked, not those erased: two instances reading one reply at once both count it (one writes).
     *
     * @throws ApiException when the lane refuses the turn (a 503), and nothing is written
     */
    public int readReplyStances(List<StoredComment> replies) {
        ServedStance model = served();
        if (model == null) return 0;
        Map<String, String> before = new HashMap<>();  // each read reply's stance as it was, by key
        List<ReplyRead> found = toRead(replies, before);
        if (found.isEmpty()) return 0;
        List<ScoreResponse.ReplyStanceScore> read = batchGate.run(replyUnits(found),
                () -> found.stream().map(r -> readAlone(model, r)).toList());
        List<CommentStore.StanceRewrite> rewrites = new ArrayList<>();
        for (int k = 0; k < found.size(); k++)
            if (read.get(k) != null) rewrites.add(replyRewrite(model, found.get(k), read.get(k)));
        // Under each row's lock: one erased or read meanwhile keeps what it holds, and is not counted.
        List<Optional<StoredComment>> now = store.store(List.of(), rewrites, List.of(), clock.instant(), (r, k) -> {}).rewritten();
        int written = 0;
        for (int k = 0; k < rewrites.size(); k++) {
            String was = before.get(rewrites.get(k).key());
            if (now.get(k).filter(c -> !java.util.Objects.equals(c.stanceJson(), was)).isPresent()) written++;
        }
        return written;
    }

    /** Of {@code replies}, those without a reply stance whose parent (or quote) is there to read them against. */
    private List<ReplyRead> toRead(List<StoredComment> replies, Map<String, String> before) {
        List<ReplyRead> out = new ArrayList<>();
        for (StoredComment r : replies) {
            try {
                if (StoredStance.hasReply(json, r.stanceJson())) continue;
            } catch (RuntimeException e) {  // a stored stance that is not JSON
                LOG.error("a stored reply's stance could not be read; its reply stance is left", UnexpectedExceptionMapper.scrubbed(e));
                continue;
            }
            ReplyContext.parent(r.quote(), () -> answerable(store.parent(r))).ifPresent(p -> {
                out.add(new ReplyRead(-1, r.key(), r.text(), p.text()));
                before.put(r.key(), r.stanceJson());
            });
        }
        return out;
    }

    /** The reply's stance toward its parent, or null where the model fails on it (logged: its frames, not its message). */
    private static ScoreResponse.ReplyStanceScore readAlone(ServedStance model, ReplyRead r) {
        try {
            return ScoreParts.replyStance(model.model().replyStance(r.text(), r.parentText()));
        } catch (RuntimeException e) {
            LOG.error("a stored reply's stance could not be read; its reply stance is left", UnexpectedExceptionMapper.scrubbed(e));
            return null;
        }
    }

    /** What reading {@code replies} weighs in a scoring lane: each text and its parent's. */
    private static long replyUnits(List<ReplyRead> replies) {
        long units = 0;
        for (ReplyRead r : replies) units += ScoringWork.text(r.text()) + ScoringWork.text(r.parentText());
        return units;
    }

    /** Each reply's stance toward its parent, in order; in a lane's turn. */
    private static List<ScoreResponse.ReplyStanceScore> readReplies(ServedStance model, List<ReplyRead> replies) {
        return replies.stream().map(r -> ScoreParts.replyStance(model.model().replyStance(r.text(), r.parentText()))).toList();
    }

    /** The stored comment's stance with the reply stance read, written under its row's lock. */
    private CommentStore.StanceRewrite replyRewrite(ServedStance model, ReplyRead reply, ScoreResponse.ReplyStanceScore read) {
        return new CommentStore.StanceRewrite(reply.key(), current ->
                StoredStance.withReply(json, current.stanceJson(), read, model.info()));
    }

    /** The insert as it is, unless it found another of the site's comments under the submission's id. */
    private static CommentStore.Insert retry(int index, Submission s, CommentStore.Insert r) {
        StoredComment c = r.comment();
        boolean same = c.text().equals(s.text()) && c.articleId().equals(s.articleId());
        if (!r.created() && !same) throw new IdTaken(index, s.id(), c.status() == Status.ERASED);
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
        return answerable(store.parent(site, s.articleId(), s.parentId(), s.parentNumber()));
    }

    /** A stored parent, unless erased: it has no text to answer, and its empty one would give a stance toward nothing. */
    private static Optional<ReplyContext.Parent> answerable(Optional<StoredComment> parent) {
        return parent.filter(c -> c.status() != Status.ERASED).map(c -> new ReplyContext.Parent(c.text(), c.id()));
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
