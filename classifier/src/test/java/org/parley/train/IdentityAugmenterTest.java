package org.parley.train;

import org.junit.jupiter.api.Test;
import org.parley.corpus.Example;
import org.parley.label.Attribute;
import org.parley.label.Labels;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.*;

class IdentityAugmenterTest {
    private static final Labels ALL_ZERO = Labels.of(Map.of(Attribute.TOXICITY, 0, Attribute.IDENTITY_ATTACK, 0,
            Attribute.INSULT, 0, Attribute.PROFANITY, 0, Attribute.THREAT, 0, Attribute.SEVERE_TOXICITY, 0));
    private static final Labels TOX_ZERO = Labels.of(Map.of(Attribute.TOXICITY, 0));

    private static List<Example> train() {
        List<Example> rows = new ArrayList<>();
        rows.add(new Example("jigsaw_toxic_partial", "a", "I met a woman at the station who gave me directions.", ALL_ZERO));
        rows.add(new Example("ruddit", "b", "My neighbours helped us move the sofa.", TOX_ZERO));
        rows.add(new Example("olid_offenseval2019", "c", "People here are kind.", TOX_ZERO));
        // Not usable: toxic, an insult, a hate-speech corpus, a template, no person noun, a generalisation.
        rows.add(new Example("ruddit", "toxic", "People like you are idiots.", Labels.of(Map.of(Attribute.TOXICITY, 1))));
        rows.add(new Example("jigsaw_toxic_partial", "insult", "a man is a fool", ALL_ZERO.with(Attribute.INSULT, 1)));
        rows.add(new Example("stormfront_hate_degibert", "hate", "A man walked in.", TOX_ZERO));
        rows.add(new Example("identity_neutral", "tpl", "My neighbours invited us.", ALL_ZERO));
        rows.add(new Example("ruddit", "noun", "Great weather today.", TOX_ZERO));
        rows.add(new Example("ruddit", "these", "These people should leave.", TOX_ZERO));
        return rows;
    }

    @Test
    void makesNotToxicExamplesFromUsableRowsOnlyWithTheirLabels() {
        List<Example> out = new IdentityAugmenter(7).augment(train(), 30);
        assertEquals(30, out.size());
        for (Example e : out) {
            assertEquals(IdentityAugmenter.SOURCE, e.source());
            String from = e.id().split(":")[1];
            assertTrue(List.of("a", "b", "c").contains(from), "made from an unusable row: " + e);
            Example original = train().stream().filter(r -> r.id().equals(from)).findFirst().orElseThrow();
            assertEquals(original.labels(), e.labels(), "labels kept");
            assertNotEquals(original.text(), e.text());
            assertTrue(IdentityAugmenter.IDENTITIES.stream().anyMatch(
                    i -> e.text().toLowerCase().contains(i.toLowerCase() + " ")), e.text());
        }
    }

    @Test
    void theSameSeedGivesTheSameExamplesAndAnotherSeedOthers() {
        List<Example> a = new IdentityAugmenter(7).augment(train(), 30);
        assertEquals(a, new IdentityAugmenter(7).augment(train(), 30));
        assertNotEquals(a, new IdentityAugmenter(8).augment(train(), 30));
    }

    @Test
    void nothingToMakeFromOrNothingAsked() {
        assertTrue(new IdentityAugmenter(7).augment(train(), 0).isEmpty());
        assertTrue(new IdentityAugmenter(7).augment(train().subList(3, 9), 10).isEmpty());
    }

    @Test
    void theArticleFitsTheInsertedIdentity() {
        Pattern wrong = Pattern.compile("\\b(?:[Aa] [AEIOUaeiou]|[Aa]n [^AEIOUaeiou])");
        for (long seed = 0; seed < 300; seed++) {
            String s = IdentityAugmenter.insert("An owl saw a woman with an umbrella.", new Random(seed));
            assertFalse(wrong.matcher(s).find(), s);
            assertTrue(s.startsWith("An owl saw a"), s);
            assertTrue(s.endsWith(" woman with an umbrella."), s);
        }
        assertEquals("an", IdentityAugmenter.determiner("a", "Asian"));
        assertEquals("A", IdentityAugmenter.determiner("An", "gay"));
        assertEquals("my", IdentityAugmenter.determiner("my", "Asian"));
    }

    @Test
    void aSentenceStartKeepsItsCapitalOnTheNewFirstWord() {
        for (long seed = 0; seed < 50; seed++) {
            String s = IdentityAugmenter.insert("People here are kind.", new Random(seed));
            assertTrue(Character.isUpperCase(s.charAt(0)), s);
            assertTrue(s.endsWith(" people here are kind."), s);
        }
        String s = IdentityAugmenter.insert("My friend came round.", new Random(1));
        assertTrue(s.startsWith("My ") && s.endsWith(" friend came round."), s);
    }

    @Test
    void lesbianOnlyBeforeFemaleNounsAndNeverAfterAGeneralisation() {
        for (long seed = 0; seed < 300; seed++)
            assertFalse(IdentityAugmenter.insert("my brother called", new Random(seed)).contains("lesbian"));
        assertNull(IdentityAugmenter.insert("All people should vote.", new Random(1)));
        assertNull(IdentityAugmenter.insert("those women over there", new Random(1)));
    }

    /** A corpus shown several times (--repeat) is one row in one fold: its copies point to the first. */
    @Test
    void aRepeatedRowPointsBackToItsFirstCopyForStacking() {
        Example a = new Example("jigsaw_toxic_partial", "7", "you fool", TOX_ZERO), b = new Example("ruddit", "7", "hello", TOX_ZERO);
        int[] from = Counterfactuals.sameFoldAs(List.of(a, b, a, a, b));
        assertArrayEquals(new int[] {-1, -1, 0, 0, 1}, from);
    }

    @Test
    void eachMadeRowPointsBackToItsSourceRowForStacking() {
        List<Example> rows = new ArrayList<>(train());
        rows.add(1, new Example("hateval2019_en_tweeteval", "train:17", "A man walked in.", TOX_ZERO));
        rows.add(new Example("hateval2019_en_tweeteval", "train:17:x", "other", TOX_ZERO));
        List<Example> made = new IdentityAugmenter(7).augment(rows, 5);
        rows.addAll(made);
        // A made row whose source id has a colon in it.
        rows.add(new Example(IdentityAugmenter.SOURCE, "hateval2019_en_tweeteval:train:17:99", "A gay man walked in.", TOX_ZERO));
        int[] from = Counterfactuals.sameFoldAs(rows);
        for (int i = 0; i < rows.size(); i++) {
            Example e = rows.get(i);
            if (!e.source().equals(IdentityAugmenter.SOURCE)) {
                assertEquals(-1, from[i]);
                continue;
            }
            Example source = rows.get(from[i]);
            assertEquals(e.id(), source.source() + ":" + source.id() + e.id().substring(e.id().lastIndexOf(':')));
        }
        assertEquals("train:17", rows.get(from[rows.size() - 1]).id());
    }
}
