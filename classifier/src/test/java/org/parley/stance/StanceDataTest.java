package org.parley.stance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.parley.corpus.ReplyExample;
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
        StanceData data = new StanceData(List.of(favor, against, vast), List.of(favor), List.of(heldOut), List.of(reply), List.of());

        ObjectNode c = data.counts();
        assertEquals(3, c.at("/semeval2016_task6/train/rows").asInt() + c.at("/semeval2016_task6/dev/rows").asInt());
        assertEquals(1, c.at("/semeval2016_task6/train/AGAINST").asInt());
        assertEquals(1, c.at("/semeval2016_task6/dev/FAVOR").asInt());
        assertEquals(1, c.at("/semeval2016_task6/heldOut/NONE").asInt());
        assertEquals(1, c.at("/vast/train/NONE").asInt());
        assertEquals(1, c.at("/rumoureval2017/train/QUERY").asInt());
        assertEquals(List.of("rumoureval2017", "semeval2016_task6", "vast"), com.google.common.collect.ImmutableList.copyOf(c.fieldNames()));
    }
}
