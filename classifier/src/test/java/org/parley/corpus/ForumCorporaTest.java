package org.parley.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.parley.corpus.Fixtures.assertLabels;
import static org.parley.corpus.Fixtures.byId;
import static org.parley.label.Attribute.IDENTITY_ATTACK;
import static org.parley.label.Attribute.INSULT;
import static org.parley.label.Attribute.PROFANITY;
import static org.parley.label.Attribute.THREAT;
import static org.parley.label.Attribute.TOXICITY;

import java.util.List;
import org.junit.jupiter.api.Test;

class ForumCorporaTest {
    @Test
    void gabMapsItsThreeFlags() throws Exception {
        List<Example> ex = Fixtures.load("gab_hate_corpus");
        assertLabels(byId(ex, "ghc_train:1"), TOXICITY, 0, IDENTITY_ATTACK, 0, THREAT, 0, PROFANITY, 0);
        Example hd = byId(ex, "ghc_train:2");
        assertEquals("\"Prophet\" Muhammad was a psychopath, and so are his followers", hd.text());
        assertLabels(hd, TOXICITY, 1, IDENTITY_ATTACK, 1, THREAT, 0, PROFANITY, 0);
        assertLabels(byId(ex, "ghc_train:3"), TOXICITY, 1, IDENTITY_ATTACK, 1, THREAT, 1, PROFANITY, 0);
        assertLabels(byId(ex, "ghc_train:4"), TOXICITY, 1, IDENTITY_ATTACK, 0, THREAT, 0, PROFANITY, 1);
    }

    @Test
    void stormfrontDropsRelationAndSkip() throws Exception {
        List<Example> ex = Fixtures.load("stormfront_hate_degibert");
        assertEquals(List.of("12834217_1", "12834217_2"), ex.stream().map(Example::id).toList());
        assertLabels(byId(ex, "12834217_1"), TOXICITY, 0, IDENTITY_ATTACK, 0);
        assertLabels(byId(ex, "12834217_2"), TOXICITY, 1, IDENTITY_ATTACK, 1);
    }

    @Test
    void cadIsReadWithoutQuotingAndMapsTheAbuseTypes() throws Exception {
        List<Example> ex = Fixtures.load("cad_contextual_abuse");
        assertEquals(7, ex.size(), "the blank dev text is dropped");
        Example neutral = byId(ex, "an4gkh-post");
        assertEquals("I just got laid off. I feel \"numb. \n  \n Sorry for the grammar.", neutral.text());
        assertLabels(neutral, TOXICITY, 0, IDENTITY_ATTACK, 0, INSULT, 0);
        assertTrue(byId(ex, "b0w07d-post").text().contains("\"my next goal is to kill them all\""));
        assertLabels(byId(ex, "b0w07d-post"), TOXICITY, 0, IDENTITY_ATTACK, 0, INSULT, 0); // counter speech
        assertLabels(byId(ex, "etkehiw"), TOXICITY, 1, IDENTITY_ATTACK, 0, INSULT, 1);
        assertLabels(byId(ex, "etkehix"), TOXICITY, 1, IDENTITY_ATTACK, 1);           // may insult a group: INSULT unlabelled
        assertLabels(byId(ex, "etkehiy"), TOXICITY, 1, IDENTITY_ATTACK, 0, INSULT, 1);
        assertLabels(byId(ex, "etkehiz"), TOXICITY, 1, IDENTITY_ATTACK, 0);
        assertEquals("\"quoted\" start and no end quote", byId(ex, "f0dev01").text());
    }

    @Test
    void tracHasNoHeaderAndDropsCovertAggression() throws Exception {
        List<Example> ex = Fixtures.load("trac1_aggression_en");
        assertEquals(List.of("facebook_corpus_msr_1723796", "facebook_corpus_msr_466073", "facebook_corpus_msr_2295044"),
                ex.stream().map(Example::id).toList());
        assertLabels(byId(ex, "facebook_corpus_msr_1723796"), TOXICITY, 1);
        assertEquals("Most of Private Banks ATM's Like HDFC, ICICI etc are out of cash.", byId(ex, "facebook_corpus_msr_466073").text());
        assertLabels(byId(ex, "facebook_corpus_msr_466073"), TOXICITY, 0);
    }

    @Test
    void ethosUsesTheHateShareForIdentityAttackAndViolenceForThreat() throws Exception {
        List<Example> ex = Fixtures.load("ethos");
        assertLabels(byId(ex, "binary:1"), IDENTITY_ATTACK, 1, THREAT, 0);
        assertLabels(byId(ex, "binary:2"), IDENTITY_ATTACK, 0); // not in the multi-label file: THREAT unlabelled, TOXICITY never
        assertLabels(byId(ex, "binary:3"), IDENTITY_ATTACK, 0.8333333333333334, THREAT, 0.666666667);
        assertEquals("A comment; with a semicolon", byId(ex, "binary:4").text());
        assertLabels(byId(ex, "binary:4"), IDENTITY_ATTACK, 1.0 / 6);
    }
}
