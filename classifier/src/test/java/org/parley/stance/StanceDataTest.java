package org.parley.stance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.parley.corpus.ReplyExample;
import org.parley.corpus.StanceCorpora;
import org.parley.corpus.StanceExample;
import org.parley.label.ReplyStance;
import org.parley.label.Stance;

class StanceDataTest {
    /** What a stance bundle's provenance records under "corpora": rows per corpus, split and label. */
    @Test
    void countsRowsPerCorpusSplitAndLabel() {
        StanceExample favor = new StanceExample("semeval2016_task6", "1", "yes", "Atheism", Stance.FAVOR);
        StanceExample against = new StanceExample("semeval2016_task6", "2", "no", "Atheism", Stance.AGAINST);
        StanceExample heldOut = new StanceExample("semeval2016_task6", "3", "hm", "Hillary Clinton", Stance.NONE);
        StanceExample vast = new StanceExample("vast", "4", "maybe", "taxes", Stance.NONE);
        ReplyExample reply = new ReplyExample("rumoureval2017", "5", "t1", "really?", "it burned", ReplyStance.QUERY);
        ReplyExample replyDev = new ReplyExample("rumoureval2017", "6", "t2", "fake", "it burned", ReplyStance.DENY);
        StanceData data = new StanceData(List.of(favor, against, vast), List.of(favor), List.of(heldOut), List.of(reply), List.of(replyDev));

        ObjectNode c = data.counts();
        assertEquals(3, c.at("/semeval2016_task6/train/rows").asInt() + c.at("/semeval2016_task6/dev/rows").asInt());
        assertEquals(1, c.at("/semeval2016_task6/train/AGAINST").asInt());
        assertEquals(1, c.at("/semeval2016_task6/dev/FAVOR").asInt());
        assertEquals(1, c.at("/semeval2016_task6/heldOut/NONE").asInt());
        assertEquals(1, c.at("/vast/train/NONE").asInt());
        assertEquals(1, c.at("/rumoureval2017/train/QUERY").asInt());
        assertEquals(1, c.at("/rumoureval2017/dev/DENY").asInt());
        assertEquals(1, c.at("/rumoureval2017/dev/rows").asInt());
        assertEquals(List.of("rumoureval2017", "semeval2016_task6", "vast"), com.google.common.collect.ImmutableList.copyOf(c.fieldNames()));
    }

    /**
     * A stance data scientist's audit: a --sample run kept training rows that copy a dev comment its
     * sample did not draw, and scripts/evaluate then scored the bundle on that comment.
     */
    @Test
    void aSamplesTrainingRowsAreKeptClearOfTheWholeDevSplitNotOnlyTheSampledRows() {
        List<StanceExample> vast = new ArrayList<>();
        for (int i = 0; vast.size() < 20; i++) {
            StanceExample e = new StanceExample("vast", "v" + i, "a \"news comment\" number " + i, "taxes", Stance.NONE);
            if (StanceCorpora.isDev(e)) vast.add(e);
        }
        StanceExample dev = vast.get(0);
        // ARC holds the same comment in another spelling (its punctuation), which falls in its training split.
        StanceExample copy = null;
        for (int k = 1; copy == null || StanceCorpora.isDev(copy); k++)
            copy = new StanceExample("arc_ukp", "a1", dev.text() + "!".repeat(k), "taxes", Stance.NONE);
        Map<String, List<StanceExample>> corpora = new LinkedHashMap<>();
        corpora.put("vast", vast);
        corpora.put("arc_ukp", List.of(copy));

        StanceData sampled = StanceData.split(corpora, List.of(), List.of("Hillary Clinton"), 1, 7);
        assertFalse(sampled.dev().contains(dev), "the sample draws another of VAST's dev rows");
        assertEquals(List.of(), sampled.train());
        assertEquals(1, sampled.droppedCopies(), "what scripts/train says it dropped");
        assertEquals(List.of(), StanceData.split(corpora, List.of(), List.of("Hillary Clinton"), null, 7).train());
    }

    /**
     * The rows a seed draws, recorded before split read each row's dev and held-out membership
     * once instead of twice (the twenty-seventh session): a bundle retrained with the same seed and --sample learns from and is
     * measured on the same rows as before.
     */
    @Test
    void aSeedDrawsTheSameRowsAsBefore() {
        String[] targets = {"Hillary Clinton", "Atheism", "taxes"};
        Map<String, List<StanceExample>> corpora = new LinkedHashMap<>();
        // Every seventh comment is in each corpus, on another target in each: some are held out in one and trained on in another.
        List<String> names = List.of("semeval2016_task6", "vast", "arc_ukp");
        for (String corpus : names) {
            List<StanceExample> rows = new ArrayList<>();
            for (int i = 0; i < 40; i++)
                rows.add(new StanceExample(corpus, corpus.charAt(0) + "" + i, "comment " + i + " of " + (i % 7 == 0 ? "all" : corpus),
                        targets[(i + names.indexOf(corpus)) % 3], Stance.values()[i % 3]));
            corpora.put(corpus, rows);
        }
        List<ReplyExample> replies = new ArrayList<>();
        for (int i = 0; i < 40; i++)
            replies.add(new ReplyExample("rumoureval2019", "r" + i, "thread " + i / 2, "reply " + i, "post " + i / 2, ReplyStance.values()[i % 4]));

        StanceData d = StanceData.split(corpora, replies, List.of("Hillary Clinton"), 15, 7);
        assertEquals("s25 s31 s10 s13 s32 s5 v36 v22 v1 v33 v16 a32 a8 a15 a17 a27 a23 a11 a36", ids(d.train(), StanceExample::id));
        assertEquals("s4 s8 s20 v15 v25 a18", ids(d.dev(), StanceExample::id));
        assertEquals("s27 s33 s21 s3 v26 v14 v8 v5 v23 v38 a19 a34 a4 a37 a1", ids(d.heldOut(), StanceExample::id));
        assertEquals("r18 r16 r6 r31 r30 r39 r21 r10 r4 r14 r37 r15 r17", ids(d.replyTrain(), ReplyExample::id));
        assertEquals("r34 r24", ids(d.replyDev(), ReplyExample::id));
        assertEquals(5, d.droppedCopies());
    }

    private static <T> String ids(List<T> rows, java.util.function.Function<T, String> id) {
        return rows.stream().map(id).collect(java.util.stream.Collectors.joining(" "));
    }
}
