package org.parley.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.parley.corpus.Fixtures.assertLabels;
import static org.parley.corpus.Fixtures.byId;
import static org.parley.label.Attribute.IDENTITY_ATTACK;
import static org.parley.label.Attribute.INSULT;
import static org.parley.label.Attribute.PROFANITY;
import static org.parley.label.Attribute.THREAT;
import static org.parley.label.Attribute.TOXICITY;

import java.util.List;
import org.junit.jupiter.api.Test;

class TweetCorporaTest {
    @Test
    void davidsonUsesVoteSharesAndLeavesOtherAttributesMasked() throws Exception {
        List<Example> ex = Fixtures.load("davidson_hate_offensive");
        assertLabels(byId(ex, "0"), TOXICITY, 0, IDENTITY_ATTACK, 0);
        assertLabels(byId(ex, "1"), TOXICITY, 1, IDENTITY_ATTACK, 1.0 / 3);      // 1 hate + 2 offensive of 3
        assertLabels(byId(ex, "2"), TOXICITY, 5.0 / 6, IDENTITY_ATTACK, 4.0 / 6); // 4 hate + 1 offensive of 6
        Example e = byId(ex, "1");
        assertFalse(e.labels().has(THREAT), "Davidson does not annotate threats");
        assertFalse(e.labels().positive(THREAT));
        assertEquals("\"@user: those people are vermin\" true", byId(ex, "2").text());
    }

    @Test
    void hatexplainCategory() throws Exception {
        List<Example> ex = Fixtures.load("hatexplain_mbib");
        assertLabels(byId(ex, "1179063826874032128_twitter"), TOXICITY, 0, IDENTITY_ATTACK, 0);
        assertLabels(byId(ex, "1178793830532956161_twitter"), TOXICITY, 1, IDENTITY_ATTACK, 1);
        assertLabels(byId(ex, "13851720_gab"), TOXICITY, 1, IDENTITY_ATTACK, 0);
    }

    @Test
    void olidOffensiveAndTargetedInsultOnly() throws Exception {
        List<Example> ex = Fixtures.load("olid_offenseval2019");
        assertLabels(byId(ex, "86426"), TOXICITY, 0, INSULT, 0);
        assertLabels(byId(ex, "90194"), TOXICITY, 1, INSULT, 1);
        Example untargeted = byId(ex, "62688");
        assertLabels(untargeted, TOXICITY, 1, INSULT, 0); // UNT is not read as PROFANITY
        assertEquals("@USER Someone should'veTaken\" this piece of shit to a volcano. 😂\"", untargeted.text());
        assertLabels(byId(ex, "16820"), TOXICITY, 1, INSULT, 1); // GRP is not read as IDENTITY_ATTACK
    }

    @Test
    void hatevalLabelsIdentityAttackOnlyAndDropsBlankTexts() throws Exception {
        List<Example> ex = Fixtures.load("hateval2019_en_tweeteval");
        assertEquals(List.of("train:1", "train:2", "val:1"), ex.stream().map(Example::id).toList());
        assertLabels(byId(ex, "train:1"), IDENTITY_ATTACK, 0);
        assertLabels(byId(ex, "train:2"), IDENTITY_ATTACK, 1);
        assertLabels(byId(ex, "val:1"), IDENTITY_ATTACK, 1);
    }

    @Test
    void implicitHateJoinsStageTwoForThreats() throws Exception {
        List<Example> ex = Fixtures.load("implicit_hate");
        Example first = byId(ex, "399886440588247041");
        assertEquals("  \" : professor wants to abolish the white race via #wr \" \"", first.text());
        assertLabels(first, TOXICITY, 1, IDENTITY_ATTACK, 1, THREAT, 0);
        assertLabels(byId(ex, "524408721473306625"), TOXICITY, 0, IDENTITY_ATTACK, 0);
        assertLabels(byId(ex, "SAP_10011"), TOXICITY, 1, IDENTITY_ATTACK, 1);
        assertLabels(byId(ex, "399886440588247042"), TOXICITY, 1, IDENTITY_ATTACK, 1, THREAT, 1); // extra_implicit_class
    }

    @Test
    void hasocLeavesTypesUnlabelledWhereTheExclusiveTask2ChoseAnother() throws Exception {
        List<Example> ex = Fixtures.load("hasoc_en");
        assertLabels(byId(ex, "hasoc_en_1"), TOXICITY, 0, INSULT, 0, PROFANITY, 0);
        assertLabels(byId(ex, "hasoc_en_2"), TOXICITY, 1);
        assertLabels(byId(ex, "hasoc_en_3"), TOXICITY, 1, INSULT, 1);
        assertLabels(byId(ex, "hasoc_en_4"), TOXICITY, 1, PROFANITY, 1);
    }

    @Test
    void incivility() throws Exception {
        List<Example> ex = Fixtures.load("political_incivility_tweets_theocharis");
        assertLabels(byId(ex, "875483509741244416"), TOXICITY, 0);
        assertLabels(byId(ex, "854475617651183616"), TOXICITY, 1);
    }
}
