package org.parley.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.parley.corpus.Fixtures.assertLabels;
import static org.parley.corpus.Fixtures.byId;
import static org.parley.label.Attribute.IDENTITY_ATTACK;
import static org.parley.label.Attribute.INSULT;
import static org.parley.label.Attribute.SEVERE_TOXICITY;
import static org.parley.label.Attribute.TOXICITY;

import java.util.List;
import org.junit.jupiter.api.Test;

class NewsCommentCorporaTest {
    @Test
    void soccToxicityIsTheRaterShareAnsweringThreeOrFour() throws Exception {
        List<Example> ex = Fixtures.load("socc_ctc");
        assertEquals(3, ex.size());
        assertEquals("The budget misses the point.\nHousing is the issue.", byId(ex, "1190862954").text());
        assertLabels(byId(ex, "1190862954"), TOXICITY, 0, SEVERE_TOXICITY, 0);
        assertLabels(byId(ex, "1190862955"), TOXICITY, 0.6, SEVERE_TOXICITY, 0);   // 3 @ 0.6, 2 @ 0.4
        assertLabels(byId(ex, "1190862956"), TOXICITY, 0.3, SEVERE_TOXICITY, 0.3); // 2 @ 0.5, 4 @ 0.3
    }

    @Test
    void uccHostileAndAntagonizeBecomeSoftLabelsFromTheirConfidence() throws Exception {
        List<Example> ex = Fixtures.load("unhealthy_comments_corpus");
        assertLabels(byId(ex, "1739468038"), TOXICITY, 0, INSULT, 0);
        assertLabels(byId(ex, "1739468039"), TOXICITY, 0.75, INSULT, 0.8);
        assertLabels(byId(ex, "1739468040"), TOXICITY, 0.1, INSULT, 0.4);
    }

    @Test
    void foxHatefulIsToxicAndAnIdentityAttack() throws Exception {
        List<Example> ex = Fixtures.load("fox_news_comments");
        assertEquals(3, ex.size());
        assertLabels(byId(ex, "line1"), TOXICITY, 1, IDENTITY_ATTACK, 1);
        assertLabels(byId(ex, "line2"), TOXICITY, 0, IDENTITY_ATTACK, 0);
        assertEquals("Source?", byId(ex, "line2").text());
    }

    @Test
    void kaggleDecodesEscapesAndLabelsInsultOnly() throws Exception {
        List<Example> ex = Fixtures.load("kaggle_insults_impermium");
        Example insult = byId(ex, "train:1");
        assertEquals("You fuck your dad.", insult.text(), "the wrapping quotes are removed");
        assertLabels(insult, INSULT, 1);
        assertEquals("i really don't understand your point.\u00a0 It seems that you are mixing apples and oranges.", byId(ex, "train:2").text());
        assertEquals("A\u00a0majority of Canadians can be wrong.\n\nUnless you're supportive, konstigt när barca … it's fine ’ok",
                byId(ex, "train:3").text());
        assertLabels(byId(ex, "train:3"), INSULT, 0);
    }

    @Test
    void rudditKeepsTheOffensiveHalfOfTheScoreAndDropsDeletedBodies() throws Exception {
        List<Example> ex = Fixtures.load("ruddit");
        assertEquals(List.of("cza1q49", "cza1xxx", "cza1yyy"), ex.stream().map(Example::id).toList(), "[deleted] and blank bodies dropped");
        assertLabels(byId(ex, "cza1q49"), TOXICITY, 0);   // score -0.5
        assertLabels(byId(ex, "cza1xxx"), TOXICITY, 0.25);
        assertLabels(byId(ex, "cza1yyy"), TOXICITY, 0.771);
    }
}
