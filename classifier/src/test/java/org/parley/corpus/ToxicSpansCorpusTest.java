package org.parley.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.parley.corpus.Fixtures.assertLabels;
import static org.parley.corpus.Fixtures.byId;
import static org.parley.label.Attribute.IDENTITY_ATTACK;
import static org.parley.label.Attribute.INSULT;
import static org.parley.label.Attribute.PROFANITY;
import static org.parley.label.Attribute.THREAT;

import java.util.List;
import org.junit.jupiter.api.Test;

class ToxicSpansCorpusTest {
    @Test
    void typedSpansGiveRaterSharesAndToxicityStaysUnlabelled() throws Exception {
        List<Example> ex = Fixtures.load("toxic_spans");
        assertEquals(List.of("239612", "240311", "240500"), ex.stream().map(Example::id).toList(),
                "240400 has only one rater who marked spans and is dropped");
        // two raters marked Insult spans; the third ticked boxes without spans and does not count
        assertLabels(byId(ex, "239612"), INSULT, 1, IDENTITY_ATTACK, 0, PROFANITY, 0, THREAT, 0);
        // raters: {Insult, Threat}, {Threat}, {Profane/Obscene}
        assertLabels(byId(ex, "240311"), INSULT, 1.0 / 3, THREAT, 2.0 / 3, PROFANITY, 1.0 / 3, IDENTITY_ATTACK, 0);
        // raters: {"Insu", "Identity based "} (truncated in the release), {Other Toxicity, ""}
        // an even split is no majority: INSULT and IDENTITY_ATTACK unlabelled (at 0.5 they would count as positives)
        assertLabels(byId(ex, "240500"), PROFANITY, 0, THREAT, 0);
    }

    @Test
    void truncatedTypesMatchByPrefix() {
        assertEquals(INSULT, ToxicSpansCorpus.attributeOf("Insu"));
        assertEquals(IDENTITY_ATTACK, ToxicSpansCorpus.attributeOf("Identity based "));
        assertEquals(PROFANITY, ToxicSpansCorpus.attributeOf("Profane/Obscene"));
        assertNull(ToxicSpansCorpus.attributeOf("Other Toxicity"));
        assertNull(ToxicSpansCorpus.attributeOf(""));
    }
}
