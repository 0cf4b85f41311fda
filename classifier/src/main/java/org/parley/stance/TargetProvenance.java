package org.parley.stance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.parley.corpus.ReplyCorpora;
import org.parley.corpus.StanceCorpora;
import org.parley.model.PipelineFingerprint;

/**
 * The provenance of a bundle whose target model was kept from another (scripts/train --task stance
 * --target-from OLD): the target model was made by OLD's training, not by the run that copied it.
 * Such a bundle's {@code hyperParameters} are this run's less the target model's, and
 * {@code targetModel} records how the kept target model was made: OLD's provenance as a full run
 * writes it, less its reply model's part, with {@code from} naming OLD's file, name, version and
 * SHA-256.
 */
public final class TargetProvenance {
    /** The hyper-parameters ({@link StanceTrainer.Options}) that only the target model reads. */
    static final List<String> TARGET_OPTIONS = List.of("targetFeatures", "targetNetwork", "epochs", "batchSize", "repeat", "wide", "sentence");
    /** Those that only the reply model reads. */
    static final List<String> REPLY_OPTIONS = List.of("replyFeatures", "replyNetwork", "replyEpochs", "replyBatchSize");
    /** The fields of a bundle's provenance that say how its target model was made. */
    private static final List<String> TARGET_FIELDS = List.of("name", "version", "createdAt", "code", "libraries", "hyperParameters",
            "seed", "devSplit", "heldOutTargets", "samplePerCorpus", "labelMapping", "dataFiles", "corpora", "trainingTargets",
            "targetBestEpoch", "targetDevMacroF1ByEpoch", "sentenceBestEpoch", "sentenceDevMacroF1ByEpoch", "devMetrics");

    private TargetProvenance() {}

    /** A run's hyper-parameters less those only a target model reads: what a run that keeps one used. */
    public static ObjectNode replyHyperParameters(ObjectNode hyperParameters) {
        ObjectNode reply = hyperParameters.deepCopy();
        reply.remove(TARGET_OPTIONS);
        return reply;
    }

    /**
     * A run's counts ({@link StanceData#counts}) less the target corpora's training rows, which a
     * run that keeps a target model does not train on; their dev and held-out rows it measures on.
     */
    public static ObjectNode measuredOnly(ObjectNode counts) {
        ObjectNode out = counts.deepCopy();
        for (var it = out.fields(); it.hasNext(); ) {
            var c = it.next();
            if (ReplyCorpora.NAMES.contains(c.getKey())) continue;
            ((ObjectNode) c.getValue()).remove("train");
            if (c.getValue().isEmpty()) it.remove();
        }
        return out;
    }

    /**
     * How {@code old}'s target model was made, for a bundle that keeps it: where {@code old} kept its
     * own from another bundle, the record of that one, with {@code from} naming {@code old}.
     *
     * @param file     the name of the file {@code old} was loaded from
     * @param pipeline the text-pipeline fingerprint {@code old} records (its provenance's or its sidecar's); null if none.
     *                 Kept as the target model's {@code textPipeline}, the pipeline it was trained through, where this
     *                 bundle's own records the run that keeps it (the reply model's)
     */
    public static ObjectNode of(StanceModel old, String file, JsonNode pipeline) {
        JsonNode p = old.provenance();
        ObjectNode made;
        if (p.get("targetModel") instanceof ObjectNode kept) {
            made = kept.deepCopy();
            made.remove("from");
        } else {
            made = JsonNodeFactory.instance.objectNode();
            for (String k : TARGET_FIELDS) if (p.has(k)) made.set(k, p.get(k).deepCopy());
            if (made.get("hyperParameters") instanceof ObjectNode h) h.remove(REPLY_OPTIONS);
            if (made.get("dataFiles") instanceof ArrayNode files) {
                ArrayNode target = made.putArray("dataFiles");
                for (JsonNode f : files)
                    if (StanceCorpora.NAMES.stream().anyMatch(c -> f.path("file").asText().startsWith(c + "/"))) target.add(f);
            }
            if (made.get("corpora") instanceof ObjectNode counts) counts.remove(ReplyCorpora.NAMES);
            if (made.get("devMetrics") instanceof ObjectNode metrics) metrics.remove("replyStanceDev");
            if (pipeline != null) made.set(PipelineFingerprint.KEY, pipeline.deepCopy());
        }
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.putObject("from").put("file", file).put("name", old.name()).put("version", old.version()).put("sha256", old.checksum());
        out.setAll(made);
        return out;
    }
}
