package org.parley.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.parley.corpus.Fixtures.assertLabels;
import static org.parley.corpus.Fixtures.byId;
import static org.parley.label.Attribute.IDENTITY_ATTACK;
import static org.parley.label.Attribute.INSULT;
import static org.parley.label.Attribute.PROFANITY;
import static org.parley.label.Attribute.SEVERE_TOXICITY;
import static org.parley.label.Attribute.THREAT;
import static org.parley.label.Attribute.TOXICITY;

import java.util.List;
import org.junit.jupiter.api.Test;

class JigsawCorporaTest {
    @Test
    void partialMapsTheSixColumnsOneToOne() throws Exception {
        List<Example> ex = Fixtures.load("jigsaw_toxic_partial");
        assertEquals(3, ex.size());
        Example clean = byId(ex, "0000997932d777bf");
        assertTrue(clean.text().startsWith("Explanation\nWhy were"), "quoted field keeps its line break");
        assertLabels(clean, TOXICITY, 0, SEVERE_TOXICITY, 0, IDENTITY_ATTACK, 0, INSULT, 0, PROFANITY, 0, THREAT, 0);
        Example insult = byId(ex, "a1b2c3d4e5f60001");
        assertEquals("You are a stupid \"editor\", go away", insult.text());
        assertLabels(insult, TOXICITY, 1, SEVERE_TOXICITY, 0, IDENTITY_ATTACK, 0, INSULT, 1, PROFANITY, 0, THREAT, 0);
        assertLabels(byId(ex, "a1b2c3d4e5f60002"), TOXICITY, 1, SEVERE_TOXICITY, 1, IDENTITY_ATTACK, 0, INSULT, 0, PROFANITY, 0, THREAT, 1);
    }

    @Test
    void extraSamplesSkipIdsAlreadyInPartialAndNumberTheIdlessIbmRows() throws Exception {
        List<Example> ex = Fixtures.load("jigsaw_toxic_extra_samples");
        assertEquals(List.of("b5209b654e4f9301", "b5209b654e4f9302", "IBM_MAX:1", "IBM_MAX:2"), ex.stream().map(Example::id).toList());
        assertLabels(byId(ex, "b5209b654e4f9301"), TOXICITY, 1, SEVERE_TOXICITY, 0, IDENTITY_ATTACK, 0, INSULT, 0, PROFANITY, 1, THREAT, 0);
        assertLabels(byId(ex, "IBM_MAX:1"), TOXICITY, 1, SEVERE_TOXICITY, 0, IDENTITY_ATTACK, 1, INSULT, 1, PROFANITY, 0, THREAT, 0);
    }

    @Test
    void annotatorSampleAveragesRatersAndLeavesToxicityUnlabelled() throws Exception {
        List<Example> ex = Fixtures.load("jigsaw_toxic_annotator_sample");
        assertEquals(2, ex.size(), "the unit nobody rated is dropped");
        assertLabels(byId(ex, "y8hD11I6/FIAywrkZOTm/BZprzc="), IDENTITY_ATTACK, 0, PROFANITY, 0, THREAT, 0, INSULT, 2.0 / 3);
        Example threat = byId(ex, "I2ZqEb2THNZ4GYw1ksyvwpfsERg=");
        assertEquals("\"\n\nI will break your legs", threat.text());
        assertLabels(threat, IDENTITY_ATTACK, 0, PROFANITY, 0, THREAT, 1); // INSULT 1 of 2 raters: no majority, unlabelled
    }
}
