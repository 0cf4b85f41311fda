package org.parley.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.parley.sentiment.Sentiment;
import org.parley.sentiment.SentimentAnalyzer;
import org.parley.stance.ReplyStanceScore;
import org.parley.stance.StanceBundle;
import org.parley.stance.StanceLimits;
import org.parley.stance.StanceModel;
import org.parley.stance.TargetStance;
import org.parley.text.TextPipeline;

/**
 * The optional parts of a scorer line: {@code "target"} (a string or a list of strings) and
 * {@code "parent"} (the text the comment answers) add {@code "stance"} and {@code "replyStance"};
 * {@code --sentiment} adds {@code "sentiment"}. The stance bundle and the sentiment parser are
 * loaded on first use, so plain toxicity scoring pays nothing for them.
 */
final class StanceFields {
    private final Path stanceBundle;
    private final boolean sentiment;
    private final boolean strictPipeline;
    private StanceModel stance;
    private SentimentAnalyzer analyzer;

    StanceFields(Path stanceBundle, boolean sentiment) {
        this(stanceBundle, sentiment, false);
    }

    /** @param strictPipeline refuse a bundle that may read text otherwise than at training ({@link Cli#pipelineChecked}) */
    StanceFields(Path stanceBundle, boolean sentiment, boolean strictPipeline) {
        this.strictPipeline = strictPipeline;
        this.stanceBundle = stanceBundle;
        this.sentiment = sentiment;
    }

    /** What is wrong with the line's optional fields, or null when they are fine (or absent). */
    static String check(JsonNode line) {
        // The service's names: a line written with them was scored with no stance and no word (thirty-ninth session).
        if (line.has("targets"))
            return "field 'targets' is not read here: scripts/score takes stance targets as 'target' (a string or a list of strings)";
        if (line.path("context").has("parentText"))
            return "field 'context.parentText' is not read here: scripts/score takes the parent text as 'parent'";
        try {
            List<String> targets = targets(line);
            if (targets != null) StanceLimits.checkTargets(targets);
            JsonNode parent = line.get("parent");
            if (parent != null && !parent.isNull()) {
                if (!parent.isTextual()) return "field 'parent' must be a string";
                StanceLimits.checkParent(parent.asText());
            }
            return null;
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    /** The targets of a line: null when it names none. */
    static List<String> targets(JsonNode line) {
        JsonNode t = line.get("target");
        if (t == null || t.isNull()) return null;
        if (t.isTextual()) return List.of(t.asText());
        if (!t.isArray()) throw new IllegalArgumentException("field 'target' must be a string or a list of strings");
        List<String> out = new ArrayList<>();
        for (JsonNode item : t) {
            if (!item.isTextual()) throw new IllegalArgumentException("field 'target' must be a string or a list of strings");
            out.add(item.asText());
        }
        return out;
    }

    /** Adds stance, reply stance and sentiment to {@code out} as the (checked) line asks. */
    void annotate(JsonNode line, String text, ObjectNode out) {
        List<String> targets = targets(line);
        JsonNode parent = line.get("parent");
        if (targets != null) {
            ArrayNode arr = out.putArray("stance");
            for (TargetStance s : stance().stance(text, targets)) {
                ObjectNode o = arr.addObject().put("target", s.target()).put("label", s.label().name());
                ObjectNode p = o.putObject("probabilities");
                s.probabilities().forEach((k, v) -> p.put(k.name(), v));
            }
        }
        if (parent != null && !parent.isNull()) {
            ReplyStanceScore r = stance().replyStance(text, parent.asText());
            ObjectNode o = out.putObject("replyStance").put("label", r.label().name());
            ObjectNode p = o.putObject("probabilities");
            r.probabilities().forEach((k, v) -> p.put(k.name(), v));
        }
        if (sentiment) {
            Sentiment s = analyzer().analyse(text);
            ObjectNode o = out.putObject("sentiment");
            if (s.label() != null) o.put("label", s.label().name());
            ObjectNode p = o.putObject("probabilities");
            s.probabilities().forEach((k, v) -> p.put(k.name(), v));
            o.put("sentences", s.sentences());
        }
    }

    private StanceModel stance() {
        if (stance == null) {
            StanceModel loaded = ScoreCommand.load(stanceBundle, ScoreCommand.BundleOption.STANCE, () -> StanceBundle.load(stanceBundle, TextPipeline.standard()));
            Cli.pipelineChecked(stanceBundle, loaded.provenance(), false, strictPipeline);
            stance = loaded;
        }
        return stance;
    }

    private SentimentAnalyzer analyzer() {
        if (analyzer == null) analyzer = new SentimentAnalyzer();
        return analyzer;
    }
}
