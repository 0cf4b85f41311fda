package org.parley.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.parley.label.Stance.AGAINST;
import static org.parley.label.Stance.FAVOR;
import static org.parley.label.Stance.NONE;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.parley.label.ReplyStance;
import org.parley.label.Stance;

class StanceCorporaTest {
    @Test
    void trainingDropsACommentThatDevHoldsInAnotherSpelling() {
        // As VAST and ARC hold the same news comment: straight against curly quotes, an entity, spacing.
        StanceExample dev = new StanceExample("vast", "v1", "The \"burdensome regulation\" argument &amp; the cow has left.", "regulation", AGAINST);
        StanceExample copy = new StanceExample("arc_ukp", "a1", "The \u201cburdensome regulation\u201d argument  the cow has left!", "regulation", NONE);
        StanceExample other = new StanceExample("arc_ukp", "a2", "The burdensome regulation argument is fine.", "regulation", FAVOR);
        assertEquals(List.of(other), StanceCorpora.withoutTextsOf(List.of(copy, other), List.of(dev)));
        assertEquals(TextKey.loose(dev.text()), TextKey.loose(copy.text()));
        assertTrue(!TextKey.of(dev.text()).equals(TextKey.of(copy.text())), "the split's own key tells them apart");
    }

    private static Map<String, StanceExample> byId(String corpus) throws Exception {
        return StanceCorpora.load(Fixtures.root(), corpus).stream()
                .collect(Collectors.toMap(StanceExample::id, Function.identity()));
    }

    @Test
    void semevalKeepsItsLabelsAndStripsTheMarkerHashtag() throws Exception {
        Map<String, StanceExample> ex = byId("semeval2016_task6");
        assertEquals(new StanceExample("semeval2016_task6", "101", "God is great, pray daily", "Atheism", AGAINST), ex.get("101"));
        assertEquals(FAVOR, ex.get("102").label());
        assertEquals(NONE, ex.get("103").label());
    }

    @Test
    void pstanceIsTwoWayAndReadsBothFiles() throws Exception {
        List<StanceExample> ex = StanceCorpora.load(Fixtures.root(), "pstance");
        assertEquals(List.of(FAVOR, AGAINST, FAVOR), ex.stream().map(StanceExample::label).toList());
        assertEquals("Bernie Sanders", ex.get(2).target());
        assertEquals(List.of("train:", "train:", "val:"), ex.stream().map(e -> e.id().substring(0, e.id().indexOf(':') + 1)).toList(),
                "each id names its file, so the two files' rows of one number stay apart");
    }

    /** A row with no text or no target says nothing of a stance: it is left out, whatever the corpus. */
    @Test
    void rowsWithoutATextOrATargetAreLeftOut(@org.junit.jupiter.api.io.TempDir java.nio.file.Path root) throws Exception {
        java.nio.file.Path dir = java.nio.file.Files.createDirectories(root.resolve("pstance"));
        java.nio.file.Files.writeString(dir.resolve("raw_train_all.csv"),
                "Tweet,Target,Stance\nBiden is the man,Joe Biden,FAVOR\n\" \",Joe Biden,AGAINST\nTrump lies,\" \",AGAINST\n");
        java.nio.file.Files.writeString(dir.resolve("raw_val_all.csv"), "Tweet,Target,Stance\n");
        List<StanceExample> ex = StanceCorpora.load(root, "pstance");
        assertEquals(List.of("Biden is the man"), ex.stream().map(StanceExample::text).toList());
    }

    @Test
    void vastCodesAreConProNeutral() throws Exception {
        Map<String, StanceExample> ex = byId("vast");
        assertEquals(FAVOR, ex.get("train:10").label());
        assertEquals(AGAINST, ex.get("train:11").label());
        assertEquals("tax break", ex.get("train:11").target());
        assertEquals(NONE, ex.get("train:12").label());
        StanceExample dev = ex.values().stream().filter(e -> e.id().startsWith("dev:")).findFirst().orElseThrow();
        assertEquals(new StanceExample("vast", dev.id(), "Salt is bad, \"really\".", "salt", AGAINST), dev);
    }

    @Test
    void arcAgreeDisagreeAndNoStanceForDiscussOrUnrelated() throws Exception {
        List<StanceExample> ex = StanceCorpora.load(Fixtures.root(), "arc_ukp");
        assertEquals(List.of(FAVOR, AGAINST, NONE, NONE), ex.stream().map(StanceExample::label).toList());
        assertEquals("We must ban guns now.", ex.get(0).text());
        assertEquals("Guns should be banned", ex.get(0).target());
    }

    @Test
    void ibmStanceOnTheMotionTurnsAroundWhenTheMotionOpposesItsTarget() throws Exception {
        Map<String, StanceExample> ex = byId("ibm_claim_stance");
        assertEquals(AGAINST, ex.get("201").label(), "PRO 'ban boxing' is AGAINST boxing");
        assertEquals(FAVOR, ex.get("202").label(), "CON 'ban boxing' is FAVOR boxing");
        assertEquals("boxing", ex.get("201").target());
        assertEquals(FAVOR, ex.get("203").label());
        assertEquals(AGAINST, ex.get("204").label());
    }

    @Test
    void unknownCorpusIsAClearError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> StanceCorpora.load(Fixtures.root(), "davidson_hate_offensive"));
        assertTrue(e.getMessage().contains("not a stance corpus"), e.getMessage());
    }

    @Test
    void rumourEvalRepliesGetTheirParentsTextAndAreDeduplicated() throws Exception {
        Map<String, ReplyExample> ex = ReplyCorpora.load(Fixtures.root()).stream()
                .collect(Collectors.toMap(ReplyExample::id, Function.identity()));
        assertEquals(4, ex.size(), "source post, text-less Reddit post dropped; 2017 copy of post 2 dropped: " + ex.keySet());
        assertEquals(new ReplyExample("rumoureval2019", "2", "Bomb in Paris", "That is fake", "Bomb in Paris", ReplyStance.DENY), ex.get("2"));
        assertEquals("That is fake", ex.get("3").parent(), "parent is the post it answers, not the source");
        assertEquals(ReplyStance.QUERY, ex.get("3").label());
        assertEquals("Bomb in Paris", ex.get("5").parent(), "unknown parent falls back to the source post");
        assertEquals(ReplyStance.COMMENT, ex.get("8").label());
        assertEquals("rumoureval2017", ex.get("8").source());
    }

    @Test
    void devSplitKeepsOnePostOnOneSideWhateverTheTarget() {
        StanceExample a = new StanceExample("vast", "1", "Same post text here", "x", Stance.FAVOR);
        StanceExample b = new StanceExample("vast", "2", "same  POST text here", "y", Stance.NONE);
        assertEquals(StanceCorpora.isDev(a), StanceCorpora.isDev(b));
    }

    /** The stance sets' dev split is the toxicity sets' one, on the text: about a tenth, the same texts. */
    @Test
    void theStanceDevSplitIsTheToxicityDevSplitOfTheText() {
        int dev = 0;
        for (int i = 0; i < 1_000; i++) {
            String text = "post number " + i;
            boolean isDev = StanceCorpora.isDev(new StanceExample("vast", "p" + i, text, "x", Stance.NONE));
            assertEquals(DevSplit.isDevText(text), isDev, text);
            if (isDev) dev++;
        }
        assertTrue(dev > 50 && dev < 150, dev + " of 1,000 in dev");
    }
}
