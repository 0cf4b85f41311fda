package org.parley.stance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.parley.corpus.ReplyExample;
import org.parley.corpus.StanceExample;
import org.parley.label.ReplyStance;
import org.parley.label.Stance;

class StanceEvaluatorTest {
    /** Reads the label off the text ("FAVOR 3"): a predictor that is always right. */
    static final PairPredictor ORACLE = (texts, contexts) ->
            texts.stream().mapToInt(t -> t.startsWith("R:") ? ReplyStance.valueOf(t.substring(2).split(" ")[0]).ordinal()
                    : Stance.valueOf(t.split(" ")[0]).ordinal()).toArray();

    static PairPredictor always(int label) {
        return (texts, contexts) -> {
            int[] out = new int[texts.size()];
            Arrays.fill(out, label);
            return out;
        };
    }

    /** A user's own file (--file) gets a figure per target, as SemEval and P-Stance do; VAST's thousands do not. */
    @Test
    void aFileIsReportedPerTarget() {
        List<StanceExample> rows = List.of(
                new StanceExample(StanceEvaluator.FILE_SOURCE, "1", "FAVOR a", "Obama", Stance.FAVOR),
                new StanceExample(StanceEvaluator.FILE_SOURCE, "2", "AGAINST b", "Obama", Stance.AGAINST),
                new StanceExample(StanceEvaluator.FILE_SOURCE, "3", "AGAINST c", "military action", Stance.AGAINST),
                new StanceExample("vast", "4", "NONE d", "some topic", Stance.NONE));
        JsonNode out = StanceEvaluator.targetStance(ORACLE, rows, 0);
        assertEquals(2, out.get("perTarget").size(), out.toString());
        assertEquals(2, out.at("/perTarget/file: Obama/n").asInt(), out.toString());
        assertEquals(1, out.at("/perTarget/file: military action/n").asInt());
    }

    @Test
    void versusGivesPairedDifferencesOverallPerCorpusAndForReplies() {
        List<StanceExample> dev = new ArrayList<>();
        for (int i = 0; i < 90; i++) {
            Stance s = Stance.values()[i % 3];
            dev.add(new StanceExample(i < 60 ? "semeval2016_task6" : "vast", "" + i, s + " " + i, "t", s));
        }
        List<ReplyExample> replies = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            ReplyStance r = i % 4 == 0 ? ReplyStance.QUERY : ReplyStance.COMMENT;
            replies.add(new ReplyExample("rumoureval", "" + i, "th", "R:" + r + " " + i, "p", r));
        }
        StanceData data = new StanceData(List.of(), dev, List.of(), List.of(), replies);
        JsonNode v = StanceEvaluator.versus(ORACLE, ORACLE, always(Stance.NONE.ordinal()), always(ReplyStance.COMMENT.ordinal()), data,
                org.parley.eval.Bootstrap.DEFAULT_RESAMPLES);

        assertEquals(100.0, v.at("/targetStanceDev/fAvg/value").asDouble(), 1e-9, "perfect against F_avg 0");
        assertEquals(List.of("semeval2016_task6", "vast"), iterable(v.at("/targetStanceDev/perCorpus")));
        assertEquals(30, v.at("/targetStanceDev/perCorpus/vast/n").asInt());
        assertFalse(v.has("targetStanceHeldOut"), "no held-out rows, no figure");
        assertEquals(0.25, v.at("/replyStanceDev/accuracy/value").asDouble(), 1e-9);
        assertTrue(v.at("/replyStanceDev/accuracy/interval95/0").asDouble() > 0, v.toString());
    }

    private static List<String> iterable(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
