package org.parley.stance;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.parley.label.ReplyStance;
import org.parley.label.Stance;

/**
 * The two stance models of a bundle behind one small API: a comment's stance on each of a few
 * targets, and a reply's stance toward its parent. The target model is a network whose
 * probabilities are averaged with those of a linear wide part ({@link WideStance}) and of a network
 * over pretrained sentence vectors ({@link SentenceStance}) where the bundle has them; the reply
 * model is a network alone. Thread-safe (calls into each network are serialised).
 */
public final class StanceModel {
    private final PairModel target;
    private final WideStance wide; // null: none
    private final SentenceStance sentence; // null: none
    private final PairModel reply;
    private final JsonNode provenance;
    private final String checksum;

    /**
     * @param wide     the linear part whose probabilities are blended with the target network's; null for none
     * @param sentence the part over sentence vectors, blended after the other two; null for none
     * @param checksum SHA-256 of the bundle file it was loaded from; null for one not yet saved
     */
    StanceModel(PairModel target, WideStance wide, SentenceStance sentence, PairModel reply, JsonNode provenance, String checksum) {
        this.target = target;
        this.wide = wide;
        this.sentence = sentence;
        this.reply = reply;
        this.provenance = provenance;
        this.checksum = checksum;
        if (target.classes() != Stance.COUNT) throw new IllegalArgumentException("target model has " + target.classes() + " outputs, expected " + Stance.COUNT);
        if (wide != null && wide.classes() != Stance.COUNT) throw new IllegalArgumentException("wide part has " + wide.classes() + " classes, expected " + Stance.COUNT);
        if (sentence != null && sentence.classes() != Stance.COUNT) throw new IllegalArgumentException("sentence part has " + sentence.classes() + " outputs, expected " + Stance.COUNT);
        if (reply.classes() != ReplyStance.COUNT) throw new IllegalArgumentException("reply model has " + reply.classes() + " outputs, expected " + ReplyStance.COUNT);
    }

    public JsonNode provenance() { return provenance; }

    /** The targets its provenance says were held out of training: what evaluation measures as unseen. */
    public List<String> heldOutTargets() {
        List<String> targets = new ArrayList<>();
        provenance.path("heldOutTargets").forEach(t -> targets.add(t.asText()));
        return targets;
    }

    /**
     * Training rows per target ({@link StanceData#trainingTargets}) of the run that trained the target model (for a
     * bundle that kept it from another, that run's, under {@code targetModel}); empty for a bundle whose provenance does
     * not record them (every bundle trained before the forty-second session, the shipped one among them).
     */
    public Optional<Map<String, Integer>> trainingTargets() {
        JsonNode kept = provenance.path("targetModel");
        JsonNode record = (kept.isObject() ? kept : provenance).path("trainingTargets");
        if (!record.isObject()) return Optional.empty();
        Map<String, Integer> rows = new TreeMap<>();
        record.fields().forEachRemaining(t -> rows.put(t.getKey(), t.getValue().asInt()));
        return Optional.of(rows);
    }

    /** SHA-256 of the bundle file it was loaded from; null for a model not yet saved. */
    public String checksum() { return checksum; }

    public String name() { return provenance.path("name").asText("unknown"); }

    public String version() { return provenance.path("version").asText("unknown"); }

    /** @throws IllegalArgumentException for targets {@link StanceLimits} refuses */
    public List<TargetStance> stance(String text, List<String> targets) {
        return stance(List.of(text), targets).get(0);
    }

    /**
     * Each text's stance on every target, in one pass through each part: a thread's comments are
     * read together, and a text given twice is encoded once.
     *
     * @throws IllegalArgumentException for targets {@link StanceLimits} refuses
     */
    public List<List<TargetStance>> stance(List<String> texts, List<String> given) {
        StanceLimits.checkTargets(given);
        // Read, and named in the answer, as the phrase: what a service stores stays within the limit however it was padded.
        List<String> targets = given.stream().map(StanceLimits::phrase).toList();
        List<String> pairTexts = new ArrayList<>(texts.size() * targets.size()), pairTargets = new ArrayList<>(pairTexts.size());
        for (String text : texts) {
            pairTexts.addAll(Collections.nCopies(targets.size(), text));
            pairTargets.addAll(targets);
        }
        float[][] p = targetProbabilities(pairTexts, pairTargets);
        List<List<TargetStance>> out = new ArrayList<>(texts.size());
        for (int t = 0; t < texts.size(); t++) {
            List<TargetStance> row = new ArrayList<>(targets.size());
            for (int j = 0; j < targets.size(); j++) {
                float[] q = p[t * targets.size() + j];
                Map<Stance, Double> probs = new EnumMap<>(Stance.class);
                for (Stance s : Stance.values()) probs.put(s, (double) q[s.ordinal()]);
                row.add(new TargetStance(targets.get(j), Stance.values()[StanceMetrics.argmax(q)], probs));
            }
            out.add(row);
        }
        return out;
    }

    /** @throws IllegalArgumentException for a parent {@link StanceLimits} refuses */
    public ReplyStanceScore replyStance(String text, String parent) {
        StanceLimits.checkParent(parent);
        float[] p = replyProbabilities(List.of(text), List.of(parent))[0];
        Map<ReplyStance, Double> probs = new EnumMap<>(ReplyStance.class);
        for (ReplyStance s : ReplyStance.values()) probs.put(s, (double) p[s.ordinal()]);
        return new ReplyStanceScore(ReplyStance.values()[StanceMetrics.argmax(p)], probs);
    }

    /**
     * Target-stance probabilities of each (texts[i], targets[i]): the network's, averaged with the
     * wide part's at the wide part's fixed weight, and that with the sentence part's at its fixed
     * weight, where the bundle has them.
     */
    float[][] targetProbabilities(List<String> texts, List<String> targets) {
        float[][] p = target.predict(texts, targets);
        if (wide != null) blend(p, wide.predict(texts, targets), wide.config().weight());
        if (sentence != null) blend(p, sentence.predict(texts, targets), sentence.config().weight());
        return p;
    }

    /** p := (1 − w)·p + w·q, row by row. */
    private static void blend(float[][] p, float[][] q, double weight) {
        float w = (float) weight;
        for (int i = 0; i < p.length; i++)
            for (int k = 0; k < p[i].length; k++) p[i][k] = (1 - w) * p[i][k] + w * q[i][k];
    }

    /** Reply-stance probabilities of each (texts[i], parents[i]): the reply network's alone. */
    float[][] replyProbabilities(List<String> texts, List<String> parents) {
        return reply.predict(texts, parents);
    }

    PairModel targetModel() { return target; }

    /** The wide part blended with the target network; null when there is none. */
    WideStance wide() { return wide; }

    /** The part over sentence vectors blended last; null when there is none. */
    SentenceStance sentence() { return sentence; }

    PairModel replyModel() { return reply; }
}
