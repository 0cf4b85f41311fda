package org.parley.service.intake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.parley.service.api.ScoreResponse;
import org.parley.stance.StanceLimits;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A stored comment's stance JSON as {@link Ingestion} writes it ({@code {"stance": [...], "replyStance": {...},
 * "stanceModel": {...}}}, null where neither stance was read): the targets it holds, and the same with stance on more.
 */
final class StoredStance {
    private StoredStance() {}

    /** The targets the stance holds, by {@link StanceLimits#sameness}. */
    static Set<String> held(ObjectMapper json, String stanceJson) {
        Set<String> out = new HashSet<>();
        if (stanceJson != null) for (JsonNode s : read(json, stanceJson).path("stance")) out.add(StanceLimits.sameness(s.path("target").asText()));
        return out;
    }

    /** Of {@code targets}, in order, those not {@link #held}: compared as the model reads them, as repeats are. */
    static List<String> lacking(Set<String> held, List<String> targets) {
        return targets.stream().filter(t -> !held.contains(StanceLimits.sameness(t))).toList();
    }

    /**
     * The stance with {@code read} added, each entry it holds by now left out (another call stored it meanwhile), the
     * targets added put in {@code added} (by sameness). An entry read by another bundle than the one the stance names
     * (reloaded since, or none named: stored before the twentieth session) names its own {@code stanceModel}.
     *
     * @throws TooManyTargets when it would hold more than {@link StanceLimits#MAX_TARGETS}
     */
    static String with(ObjectMapper json, String stanceJson, List<ScoreResponse.TargetStanceScore> read,
                       ScoreResponse.ModelInfo model, int index, String id, Set<String> added) {
        Set<String> held = held(json, stanceJson);
        List<ScoreResponse.TargetStanceScore> fresh = new ArrayList<>();
        for (ScoreResponse.TargetStanceScore s : read) if (!held.contains(StanceLimits.sameness(s.target()))) fresh.add(s);
        if (fresh.isEmpty()) return stanceJson;
        if (held.size() + fresh.size() > StanceLimits.MAX_TARGETS) throw new TooManyTargets(index, id, held.size(), fresh.size());
        JsonNode modelNode = json.valueToTree(model);
        ObjectNode stance = stanceJson == null ? json.createObjectNode() : (ObjectNode) read(json, stanceJson);
        boolean own = stanceJson != null && !modelNode.equals(stance.get("stanceModel"));
        ArrayNode list = stance.has("stance") ? (ArrayNode) stance.get("stance") : json.createArrayNode();
        for (ScoreResponse.TargetStanceScore s : fresh) {
            ObjectNode entry = json.valueToTree(s);
            if (own) entry.set("stanceModel", modelNode);
            list.add(entry);
            added.add(StanceLimits.sameness(s.target()));
        }
        stance.set("stance", list);
        return written(json, stance, stanceJson == null ? modelNode : null);
    }

    /** Whether the stance holds a reply stance. */
    static boolean hasReply(ObjectMapper json, String stanceJson) {
        return stanceJson != null && read(json, stanceJson).hasNonNull("replyStance");
    }

    /**
     * The stance with {@code reply} as its reply stance, unless it holds one by now (another call read it meanwhile). Read
     * by another bundle than the one the stance names, it names its own {@code stanceModel}, as a target's entry does.
     */
    static String withReply(ObjectMapper json, String stanceJson, ScoreResponse.ReplyStanceScore reply, ScoreResponse.ModelInfo model) {
        ObjectNode stance = stanceJson == null ? json.createObjectNode() : (ObjectNode) read(json, stanceJson);
        if (stance.hasNonNull("replyStance")) return stanceJson;
        JsonNode modelNode = json.valueToTree(model);
        ObjectNode entry = json.valueToTree(reply);
        if (stanceJson != null && !modelNode.equals(stance.get("stanceModel"))) entry.set("stanceModel", modelNode);
        stance.set("replyStance", entry);
        return written(json, stance, stanceJson == null ? modelNode : null);
    }

    /** The stance as stored, naming {@code model} as its bundle where it is new (null: it names one already). */
    private static String written(ObjectMapper json, ObjectNode stance, JsonNode model) {
        if (model != null) stance.set("stanceModel", model);
        try {
            return json.writeValueAsString(stance);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode read(ObjectMapper json, String stanceJson) {
        try {
            return json.readTree(stanceJson);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored stance is not JSON", e);
        }
    }
}
