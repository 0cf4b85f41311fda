package org.parley.service.export;

import org.parley.corpus.Example;
import org.parley.corpus.LabelledFile;
import org.parley.label.Labels;
import org.parley.service.moderation.DecisionRecord;
import org.parley.service.moderation.Reason;
import org.parley.service.moderation.Verdict;
import org.parley.service.store.CommentStore;
import org.parley.service.store.FeedbackStore;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Moderators' decisions (never the policy's) and suggested scores as labelled data: one line per
 * comment, from its latest human decision (a revision supersedes the earlier one), labelled by
 * {@link DecisionLabels} on the text that decision was made on; then one line per suggestion. A
 * comment stored as being in another language is skipped ("foreign language"): the model reads
 * English only, and a Dutch insult approved unread would teach it that Dutch is harmless; so is a
 * suggestion whose text looked foreign when it was stored. An approval that readers have reported since is
 * held back ("approve, reported since") until a moderator decides again: the reports put the "not toxic" in doubt,
 * and the decision that settles them is the label. An erased comment (docs/moderation.md, Erasure) is skipped
 * ("erased"): its text is no one's to train on.
 */
public final class DecisionExport {
    public static final String DECISIONS_SOURCE = "moderator-decisions";
    public static final String FEEDBACK_SOURCE = "suggestscore";

    private final CommentStore comments;
    private final FeedbackStore feedback;

    public DecisionExport(CommentStore comments, FeedbackStore feedback) {
        this.comments = comments;
        this.feedback = feedback;
    }

    /**
     * @param decisions comments exported from their latest decision
     * @param skipped what was not exported, by why: comments whose latest decision carries no label ("escalate",
     *                "reject:spam"), or that are erased, foreign, another site's or approved and reported since, and
     *                suggestions in another language or of another site (docs/labelled-data-format.md lists them)
     */
    public record Summary(int decisions, int feedback, Map<String, Integer> skipped) {
        public int exported() {
            return decisions + feedback;
        }

        public int skippedTotal() {
            return skipped.values().stream().mapToInt(Integer::intValue).sum();
        }

        @Override
        public String toString() {
            return "exported " + exported() + " examples (" + decisions + " moderator decisions, " + feedback
                    + " suggested scores); skipped " + skippedTotal() + " " + skipped;  // not all for want of labels: erased, foreign…
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
        // Decisions come in id order, so the last one seen per comment is its latest.
        Map<String, CommentStore.ModeratorDecision> latest = new LinkedHashMap<>();
        comments.moderatorDecisions(m -> {
            latest.remove(m.decision().commentKey());  // keep the order of latest decisions
            latest.put(m.decision().commentKey(), m);
        });
        List<Example> examples = new ArrayList<>();
        List<DecisionRecord> labelled = new ArrayList<>();
        Map<String, Integer> skipped = new TreeMap<>();
        for (CommentStore.ModeratorDecision m : latest.values()) {
            DecisionRecord d = m.decision();
            if (m.erased()) {  // withdrawn by its site, or erased by an operator: its text is gone, and no label's
                skipped.merge("erased", 1, Integer::sum);
                continue;
            }
            if (sites != null && (d.commentSite() == null || !sites.contains(d.commentSite()))) {
                skipped.merge("another site", 1, Integer::sum);
                continue;
            }
            if (m.language() != null) {
                skipped.merge("foreign language", 1, Integer::sum);
                continue;
            }
            Verdict verdict = Verdict.parse(d.decision());
            if (verdict == Verdict.APPROVE && m.reportedSince()) {
                skipped.merge("approve, reported since", 1, Integer::sum);
                continue;
            }
            Optional<Reason> reason = reason(d.reason());
            Optional<Labels> labels = DecisionLabels.of(verdict, reason.orElse(null));
            if (labels.isPresent()) {
                labelled.add(d);
                examples.add(new Example(DECISIONS_SOURCE, d.commentId(), d.text(), labels.get()));
            }
            else skipped.merge(skipKey(verdict, d.reason()), 1, Integer::sum);
        }
        unique(examples, labelled);
        int decisions = examples.size();
        feedback.all(f -> {
            if (sites != null && (f.site() == null || !sites.contains(f.site()))) skipped.merge("suggestion of another site", 1, Integer::sum);
            else if (f.language() != null) skipped.merge("suggestion in a foreign language", 1, Integer::sum);
            else examples.add(new Example(FEEDBACK_SOURCE, f.id(), f.text(), Labels.of(f.labels())));
        });
        LabelledFile.write(examples, out);
        return new Summary(decisions, examples.size() - decisions, skipped);
    }

    /**
     * Each line's id is the comment's id on its site; ids are each site's own, and a labelled file's are unique
     * within a source (LabelledFile), so an id that two exported comments share is written {@code SITE/ID} on
     * their lines ({@code ID} alone for one without a site). Only there: every other line keeps the id that the
     * site and its moderators know it by. Should that still meet another line's id (a thread comment's local id
     * can hold a '/'), a later line gets {@code #2}, {@code #3}… after it.
     *
     * @param decisions the decision each example came from, in the same order
     */
    private static void unique(List<Example> examples, List<DecisionRecord> decisions) {
        Map<String, Integer> uses = new java.util.HashMap<>();
        for (Example e : examples) uses.merge(e.id(), 1, Integer::sum);
        java.util.Set<String> taken = new java.util.HashSet<>();
        for (int i = 0; i < examples.size(); i++) {
            Example e = examples.get(i);
            String site = decisions.get(i).commentSite();
            String id = uses.get(e.id()) > 1 && site != null ? site + "/" + e.id() : e.id();
            String unique = id;
            for (int n = 2; !taken.add(unique); n++) unique = id + "#" + n;
            if (!unique.equals(e.id())) examples.set(i, new Example(e.source(), unique, e.text(), e.labels()));
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
