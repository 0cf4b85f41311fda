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
        assertEquals(List.of(StanceEvaluator.FILE_SOURCE, "vast"), iterable(out.get("perCorpus")), "and a figure per corpus");
        assertEquals(3, out.at("/perCorpus/" + StanceEvaluator.FILE_SOURCE + "/n").asInt(), out.toString());
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

    /**
     * A metrics review: the bootstrap drew replies one by one, though a thread's replies are not independent (720 dev
     * replies in 35 threads). Two threads of 10, one all right and one all wrong: drawn by thread, accuracy is 0, 0.5 or 1
     * in a draw, and the interval spans them; drawn by reply it was about [0.28, 0.72]. Likewise the targets of one text.
     */
    @Test
    void theBootstrapDrawsAThreadsRepliesAndATextsTargetsTogether() {
        List<ReplyExample> replies = new ArrayList<>();
        List<StanceExample> rows = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            ReplyStance r = i < 10 ? ReplyStance.COMMENT : ReplyStance.QUERY;
            replies.add(new ReplyExample("rumoureval", "" + i, i < 10 ? "thread one" : "thread two", "R:COMMENT " + i, "p", r));
            Stance s = i < 10 ? Stance.AGAINST : Stance.FAVOR;
            rows.add(new StanceExample("arc", "" + i, i < 10 ? "AGAINST body one" : "AGAINST body two", "claim " + i, s));
        }
        JsonNode reply = StanceEvaluator.replyStance(ORACLE, replies, org.parley.eval.Bootstrap.DEFAULT_RESAMPLES);
        assertEquals(0.5, reply.get("accuracy").asDouble(), 1e-9);
        assertEquals("[0.0,1.0]", reply.at("/interval95/accuracy").toString(), reply.toString());
        assertEquals("[0.0,1.0]", reply.at("/perCorpus/rumoureval/interval95/accuracy").toString(), "per corpus too");
        JsonNode target = StanceEvaluator.targetStance(ORACLE, rows, org.parley.eval.Bootstrap.DEFAULT_RESAMPLES);
        assertEquals("[0.0,1.0]", target.at("/interval95/accuracy").toString(), target.toString());

        List<ReplyExample> loose = new ArrayList<>();  // a user's file names no threads: each reply is its own
        for (ReplyExample e : replies) loose.add(new ReplyExample(StanceEvaluator.FILE_SOURCE, e.id(), "", e.text(), e.parent(), e.label()));
        JsonNode one = StanceEvaluator.replyStance(ORACLE, loose, org.parley.eval.Bootstrap.DEFAULT_RESAMPLES);
        assertTrue(one.at("/interval95/accuracy/0").asDouble() > 0.2 && one.at("/interval95/accuracy/1").asDouble() < 0.8, one.toString());
    }

    private static List<String> iterable(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
