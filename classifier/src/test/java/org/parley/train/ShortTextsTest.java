package org.parley.train;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.parley.corpus.Example;
import org.parley.corpus.GoldSpans;
import org.parley.label.Attribute;
import org.parley.label.Labels;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

class ShortTextsTest {
    private static final Labels ALL_ZERO = Labels.of(Map.of(Attribute.TOXICITY, 0, Attribute.IDENTITY_ATTACK, 0,
            Attribute.INSULT, 0, Attribute.PROFANITY, 0, Attribute.THREAT, 0, Attribute.SEVERE_TOXICITY, 0));

    /** A post whose gold characters are those of the given phrases. */
    private static GoldSpans.Post post(String text, String... marked) {
        BitSet gold = new BitSet();
        for (String m : marked) {
            int at = text.indexOf(m);
            gold.set(at, at + m.length());
        }
        return new GoldSpans.Post(text, gold);
    }

    /** "twit" and "clown" are marked each time they are written; "liberals" once in three, "you" never. */
    private static List<GoldSpans.Post> posts() {
        return List.of(
                post("You twit, go home.", "twit"),
                post("What a twit you are.", "twit"),
                post("Total twit.", "twit"),
                post("Liberals are clowns and you are a clown.", "Liberals", "clown."),
                post("The clown liberals won.", "clown"),
                post("Liberals vote too.", new String[0]),
                post("The clown act. Clown", "clown act", "Clown"),
                // An identity marked each time it is written is still no toxic row.
                post("Hindus out", "Hindus"), post("Hindus everywhere", "Hindus"), post("Hindus, Hindus", "Hindus,"));
    }

    private static List<Example> train() {
        List<Example> rows = new ArrayList<>();
        rows.add(new Example("ruddit", "a", "The weather in the hills was lovely today.", ALL_ZERO));
        rows.add(new Example("jigsaw_toxic_partial", "b", "Thanks for the sources on the budget vote.", Labels.of(Map.of(Attribute.TOXICITY, 0))));
        rows.add(new Example("ruddit", "c", "Some twit said hello there.", ALL_ZERO));
        // Not clean enough, or from a hate-speech corpus: never a negative.
        rows.add(new Example("ruddit", "toxic", "Moist marmalade pancakes everywhere.", Labels.of(Map.of(Attribute.TOXICITY, 1))));
        rows.add(new Example("ruddit", "insult", "Moist marmalade pancakes everywhere.", ALL_ZERO.with(Attribute.INSULT, 0.4)));
        rows.add(new Example("ruddit", "unlabelled", "Moist marmalade pancakes everywhere.", Labels.of(Map.of(Attribute.INSULT, 0))));
        rows.add(new Example("stormfront_hate_degibert", "hate", "Moist marmalade pancakes everywhere.", ALL_ZERO));
        return rows;
    }

    @Test
    void aWordsRateIsTheShareOfItsOccurrencesInsideAGoldSpan() {
        Map<String, Double> rate = ShortTexts.markedRates(posts());
        assertEquals(1.0, rate.get("twit"));
        assertEquals(1.0, rate.get("clown"));           // four times, each marked ("clowns" is another word)
        assertEquals(1.0 / 3, rate.get("liberals"), 1e-9);
        assertEquals(0.0, rate.get("you"));
        assertNull(rate.get("act"), "seen once: too rare for a rate");
    }

    @Test
    void toxicRowsAreMarkedPhrasesWithAMostlyMarkedWordAndCleanRowsWordsOfCleanComments() {
        List<Example> out = new ShortTexts(7).make(train(), posts(), 400);
        assertEquals(400, out.size());
        Set<String> toxic = new HashSet<>(), clean = new HashSet<>();
        int identities = 0;
        for (Example e : out) {
            assertEquals(ShortTexts.SOURCE, e.source());
            List<String> words = ShortTexts.words(e.text());
            assertTrue(words.size() >= 1 && words.size() <= ShortTexts.MAX_WORDS, e.text());
            assertTrue(e.text().matches("(?i)[a-z ]+[.!]?"), e.text());
            if (e.labels().positive(Attribute.TOXICITY)) {
                assertEquals(Map.of(Attribute.TOXICITY, 1f), e.labels().asMap(), "the spans are untyped: the rest unlabelled");
                toxic.add(String.join(" ", words));
            } else {
                assertEquals(ALL_ZERO, e.labels());
                assertTrue(e.id().matches("(ruddit:[ac]|jigsaw_toxic_partial:b|identity):\\d+"), e.id() + " from a clean row");
                if (e.id().startsWith("identity:")) {
                    assertEquals(1, words.size(), e.text());
                    assertTrue(ShortTexts.IDENTITIES.contains(words.get(0)), e.text());
                    identities++;
                }
                clean.add(String.join(" ", words));
            }
        }
        assertEquals(200, out.stream().filter(e -> e.labels().positive(Attribute.TOXICITY)).count());
        assertEquals(200 / ShortTexts.IDENTITY_SHARE, identities);
        assertTrue(new ShortTexts(7).make(train(), posts(), 4000).stream()
                        .anyMatch(e -> e.id().startsWith("identity:") && ShortTexts.words(e.text()).equals(List.of("jews"))),
                "the probe's identities have rows too");
        // "Liberals" alone is marked once in three: a phrase of it alone is not toxic; "clown act" holds "clown".
        assertEquals(Set.of("twit", "clown", "clown act"), toxic);
        for (String c : clean) {
            assertFalse(c.contains("marmalade"), c);
            if (ShortTexts.IDENTITIES.contains(c)) continue;  // an identity alone, made so, held out or not
            for (String w : c.split(" ")) assertFalse(Set.of("twit", "clown", "weather", "sources", "thanks").contains(w), c);
        }
        assertTrue(clean.contains("lovely") || clean.contains("hills"), clean.toString());
        assertTrue(clean.contains("hello") || clean.contains("said"), "the clean words of a comment that holds a toxic one: " + clean);
        assertEquals(out, new ShortTexts(7).make(train(), posts(), 400), "seeded");
        assertNotEquals(out, new ShortTexts(8).make(train(), posts(), 400));
    }

    /** A word is marked where more than half its letters are; it has a rate from its third sighting. */
    @Test
    void aWordIsMarkedPastHalfItsLettersAndRatedFromItsThirdSighting() {
        Map<String, Double> rate = ShortTexts.markedRates(List.of(
                post("wxyz.", "wx"), post("wxyz!", "wxy"), post("wxyz?"), post("quux quux")));
        assertEquals(1.0 / 3, rate.get("wxyz"), 1e-9, "half its letters is not marked, three of four is");
        assertNull(rate.get("quux"), "seen twice");
    }

    /** A toxic row holds a word marked at least half the times it is written, and at most three words. */
    @Test
    void aToxicPhraseNeedsAWordMarkedHalfTheTimesAndAtMostThreeWords() {
        List<GoldSpans.Post> half = List.of(post("A dolt.", "dolt"), post("The dolt here.", "dolt"), post("No dolt."), post("Some dolt."));
        assertEquals(0.5, ShortTexts.markedRates(half).get("dolt"));
        Set<String> toxic = new HashSet<>();
        for (Example e : new ShortTexts(7).make(train(), half, 40))
            if (e.labels().positive(Attribute.TOXICITY)) toxic.add(String.join(" ", ShortTexts.words(e.text())));
        assertEquals(Set.of("dolt"), toxic, "a rate of exactly one half is enough");

        List<GoldSpans.Post> lengths = List.of(post("A dolt.", "dolt"), post("The dolt here.", "dolt"), post("No dolt.", "dolt"),
                post("Not a big dolt at all", "a big dolt"), post("Such a big dolt", "Such a big dolt"));
        toxic.clear();
        for (Example e : new ShortTexts(7).make(train(), lengths, 200))
            if (e.labels().positive(Attribute.TOXICITY)) toxic.add(String.join(" ", ShortTexts.words(e.text())));
        assertEquals(Set.of("dolt", "a big dolt"), toxic, "three words, never four");
    }

    @Test
    void theHeldOutWordsAreTheWordsOfTheOneWordProbe() throws IOException {
        Set<String> probe = new HashSet<>();
        ObjectMapper json = new ObjectMapper();
        for (String line : Files.readAllLines(Path.of("../docs/one-word-comments.jsonl")))
            probe.addAll(ShortTexts.words(json.readTree(line).get("text").asText()));
        assertEquals(probe, ShortTexts.HELD_OUT);
    }

    @Test
    void noRowsWithoutASource() {
        assertEquals(List.of(), new ShortTexts(7).make(train(), List.of(), 100));
        assertEquals(List.of(), new ShortTexts(7).make(List.of(), posts(), 100));
        assertEquals(List.of(), new ShortTexts(7).make(train(), posts(), 0));
    }
}
