package org.parley.service.export;

import org.parley.corpus.Example;
import org.parley.corpus.LabelledFile;
import org.parley.label.Labels;
import org.parley.service.moderation.DecisionRecord;
import org.parley.service.moderation.Reason;
import org.parley.service.moderation.Verdict;
import org.jdbi.v3.core.Jdbi;
import org.parley.service.store.CommentStore;
import org.parley.service.store.ExportReads;
import org.parley.service.store.FeedbackStore;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Moderators' decisions (never the policy's) and suggested scores as labelled data: one line per
 * comment, from its latest human decision (a revision supersedes the earlier one), labelled by
 * {@link DecisionLabels} on the text that decision was made on; then one line per suggestion. Each line says when
 * its decision was made ({@code decidedAt}; a suggestion's, when it was stored) under an id that is the same in
 * every export, so that training on several exports keeps a comment's latest decision (train.IncludedFiles). A
 * comment stored as being in another language is skipped ("foreign language"): the model reads
 * English only, and a Dutch insult approved unread would teach it that Dutch is harmless; so is a
 * suggestion whose text looked foreign when it was stored. An approval that readers have reported since is
 * held back ("approve, reported since") until a moderator decides again: the reports put the "not toxic" in doubt,
 * and the decision that settles them is the label. An erased comment (docs/moderation.md, Erasure) is skipped
 * ("erased"): its text is no one's to train on. A comment reopened (put back in PENDING: its decision undone) is
 * skipped ("reopen") until a moderator decides it again. A skipped comment whose label an earlier export may hold is written
 * as a withdrawal ({@link #withdraws}), which ends that label in training.
 */
public final class DecisionExport {
    public static final String DECISIONS_SOURCE = "moderator-decisions";
    public static final String FEEDBACK_SOURCE = "suggestscore";

    private final CommentStore comments;
    private final ExportReads decisions;
    private final FeedbackStore feedback;

    /** The export of the database {@code jdbi} reaches. */
    public DecisionExport(Jdbi jdbi) {
        this.comments = new CommentStore(jdbi);
        this.decisions = new ExportReads(jdbi);
        this.feedback = new FeedbackStore(jdbi);
    }

    /**
     * @param decisions   comments exported from their latest decision
     * @param withdrawals of the skipped comments, those whose label an earlier export may hold and no longer stands
     *                    ({@link #withdraws}): each a line without text or labels that ends it in training
     * @param skipped     what was not exported, by why: comments whose latest decision carries no label ("escalate",
     *                    "reject:spam"), or that are erased, foreign, another site's or approved and reported since, and
     *                    suggestions in another language or of another site (docs/labelled-data-format.md lists them)
     */
    public record Summary(int decisions, int feedback, int withdrawals, Map<String, Integer> skipped) {
        public int exported() {
            return decisions + feedback;
        }

        public int skippedTotal() {
            return skipped.values().stream().mapToInt(Integer::intValue).sum();
        }

        @Override
        public String toString() {
            return "exported " + exported() + " examples (" + decisions + " moderator decisions, " + feedback
                    + " suggested scores); skipped " + skippedTotal() + (skipped.isEmpty() ? "" : " " + skipped)  // why: erased, foreign…
                    + (withdrawals == 0 ? "" : ", of which " + withdrawals + " written as withdrawals");
        }
    }

    /** Every site's decisions, and the suggested scores. */
    public Summary write(Writer out) throws IOException {
        return write(out, null);
    }

    /**
     * @param sites null: every site's decisions, and the suggested scores; else only the decisions on these
     *              sites' comments (another site's are skipped as "another site"), and the scores these sites' keys
     *              suggested (others, and those stored before suggestions kept their site, are skipped). One site's
     *              moderators could otherwise teach the model every site shares, from labels the other sites'
     *              moderators would not have given (a per-site isolation audit).
     */
    public Summary write(Writer out, java.util.Set<String> sites) throws IOException {
        if (sites != null) checkStored(sites);
        Map<String, Integer> skipped = new TreeMap<>();
        int[] written = new int[3];  // decisions, suggestions, withdrawals
        try {
            // Written as read: holding every decision, or every line, took 1.6 GB of heap for 400,000 comments.
            decisions.latestModeratorDecisions(m -> {
                DecisionRecord d = m.decision();
                Read r = read(m, sites);
                if (r.labels() != null) {
                    write(new LabelledFile.Line(new Example(DECISIONS_SOURCE, id(d), d.text(), r.labels()), d.decidedAt()), out);
                    written[0]++;
                    return;
                }
                skipped.merge(r.skip(), 1, Integer::sum);
                if (withdraws(r.skip())) {
                    write(LabelledFile.Line.withdrawal(DECISIONS_SOURCE, id(d), d.decidedAt(), r.skip()), out);
                    written[2]++;
                }
            });
            feedback.all(f -> {
                if (sites != null && (f.site() == null || !sites.contains(f.site()))) skipped.merge("suggestion of another site", 1, Integer::sum);
                else if (f.language() != null) skipped.merge("suggestion in a foreign language", 1, Integer::sum);
                else {
                    write(new LabelledFile.Line(new Example(FEEDBACK_SOURCE, f.id(), f.text(), Labels.of(f.labels())), f.createdAt()), out);
                    written[1]++;
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        out.flush();
        return new Summary(written[0], written[1], written[2], skipped);
    }

    /**
     * The skips whose comment an earlier export may have labelled, from a decision that no longer stands: erased (its
     * text is no one's), approved and reported since, escalated, reopened (the decision undone), or rejected for a reason
     * that is no label. For these a
     * withdrawal is written (no text, no labels), so that training on that export and an older one drops the older
     * label. Foreign comments and another site's are skipped without one: no export of this store labelled them.
     */
    static boolean withdraws(String skip) {
        return skip.equals("erased") || skip.equals("approve, reported since") || skip.equals("escalate") || skip.equals("reopen")
                || skip.startsWith("reject:");
    }

    /** What a comment's latest decision gives: its labels, or else why it is skipped. */
    private record Read(Labels labels, String skip) {}

    private static Read read(ExportReads.ModeratorDecision m, java.util.Set<String> sites) {
        DecisionRecord d = m.decision();
        Verdict verdict = Verdict.parse(d.decision());
        // Another site's first: an export for one site names no other site's comment, not even as a withdrawal.
        if (sites != null && (d.commentSite() == null || !sites.contains(d.commentSite()))) return new Read(null, "another site");
        if (m.erased()) return new Read(null, "erased");  // withdrawn by its site, or erased by an operator: its text is gone, and no label's
        if (m.language() != null) return new Read(null, "foreign language");
        if (verdict == Verdict.APPROVE && m.reportedSince()) return new Read(null, "approve, reported since");
        return DecisionLabels.of(verdict, reason(d.reason()).orElse(null)).map(l -> new Read(l, null))
                .orElseGet(() -> new Read(null, skipKey(verdict, d.reason())));
    }

    /**
     * {@code SITE/ID}: the comment's id on its site, after its site, in every export, so that training can tell a later
     * decision on the same comment ({@code decidedAt}) from another comment. Ids are each site's own, and site names hold
     * no '/', so no two comments share it; one stored before sites were kept has none: {@code /ID}. (Before, the site
     * was written only where another exported comment shared the id: "c1" in one export, "news.example/c1" in the next.)
     */
    static String id(DecisionRecord d) {
        return (d.commentSite() == null ? "" : d.commentSite()) + "/" + d.commentId();
    }

    private static void write(LabelledFile.Line line, Writer out) {
        try {
            LabelledFile.write(line, out);
        } catch (IOException x) {
            throw new UncheckedIOException(x);
        }
    }

    /**
     * A site with no stored comment or suggestion is a misspelt name (or another database): its export would be empty and
     * say only "another site" for every decision, which read as "this site's moderators decided nothing".
     */
    private void checkStored(java.util.Set<String> sites) {
        java.util.SortedSet<String> known = new java.util.TreeSet<>(comments.storedSites());
        known.addAll(feedback.sites());
        List<String> stored = List.copyOf(known);
        List<String> unknown = sites.stream().filter(s -> !known.contains(s)).sorted().toList();
        if (!unknown.isEmpty())
            throw new IllegalArgumentException("--site " + String.join(", ", unknown) + ": no stored comment or suggestion has "
                    + (unknown.size() == 1 ? "this site" : "these sites") + "; "
                    + (stored.isEmpty() ? "none names a site" : "sites with some: " + shown(stored)));
    }

    private static String shown(List<String> sites) {
        int most = 20;
        return String.join(", ", sites.subList(0, Math.min(most, sites.size())))
                + (sites.size() > most ? " and " + (sites.size() - most) + " more" : "");
    }

    /** A reason code this version does not know says nothing it can map: skipped, not an error. */
    private static Optional<Reason> reason(String code) {
        if (code == null) return Optional.empty();
        try {
            return Optional.of(Reason.parse(code));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static String skipKey(Verdict verdict, String reason) {
        String v = verdict.name().toLowerCase(java.util.Locale.ROOT);
        return verdict == Verdict.REJECT ? v + ":" + (reason == null ? "no reason" : reason) : v;
    }
}
