package org.parley.train;

import org.junit.jupiter.api.Test;
import org.parley.corpus.Example;
import org.parley.label.Attribute;
import org.parley.label.Labels;

import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

class IdentitySwapperTest {
    private static final Labels ATTACK = Labels.of(Map.of(Attribute.TOXICITY, 1, Attribute.IDENTITY_ATTACK, 1));
    private static final Labels FINE = Labels.of(Map.of(Attribute.TOXICITY, 0));

    private static List<Example> train() {
        return List.of(
                new Example("hatexplain_mbib", "hate", "Muslims are vermin and muslims should leave.", ATTACK),
                new Example("jigsaw_toxic_partial", "ok", "My gay neighbour lent me a ladder.", FINE),
                new Example("ruddit", "none", "The black hole at the centre of the galaxy.", FINE),
                new Example("identity_neutral", "tpl", "I am a Muslim.", FINE));
    }

    @Test
    void swapsToxicAndNotToxicRowsAlikeWithTheirLabels() {
        List<Example> out = new IdentitySwapper(7).swap(train(), 20);
        assertEquals(20, out.size());
        for (Example e : out) {
            assertEquals(IdentitySwapper.SOURCE, e.source());
            String from = e.id().split(":")[1];
            assertTrue(Set.of("hate", "ok").contains(from), "made from a row without an identity, or a template: " + e);
            Example original = train().stream().filter(r -> r.id().equals(from)).findFirst().orElseThrow();
            assertEquals(original.labels(), e.labels(), "labels kept");
            assertNotEquals(original.text(), e.text());
        }
        assertTrue(out.stream().anyMatch(e -> e.labels().equals(ATTACK)));
        assertTrue(out.stream().anyMatch(e -> e.labels().equals(FINE)));
    }

    @Test
    void everyMentionOfTheChosenWordTakesOneReplacementOfItsKind() {
        Random random = new Random(1);
        for (int i = 0; i < 50; i++) {
            String s = IdentitySwapper.swapped("Muslims are vermin and muslims should leave.", random);
            String[] w = s.split(" ");
            assertTrue(IdentitySwapper.PLURAL.stream().anyMatch(p -> s.toLowerCase().startsWith(p.toLowerCase() + " are vermin")), s);
            assertFalse(s.toLowerCase().contains("muslims"), s);
            String first = s.substring(0, s.indexOf(" are vermin"));
            assertTrue(s.toLowerCase().contains(" and " + first.toLowerCase() + " should"), s);
            assertTrue(w.length >= 7, s);
        }
        for (int i = 0; i < 50; i++) {
            String s = IdentitySwapper.swapped("My gay neighbour lent me a ladder.", random);
            String word = s.substring("My ".length(), s.indexOf(" neighbour"));
            assertTrue(IdentitySwapper.NOUN_OR_ADJECTIVE.contains(word) && !word.equals("gay"), s);
        }
    }

    @Test
    void coloursCountOnlyBeforeAWordForPeople() {
        assertEquals(Set.of(), IdentitySwapper.mentions("The black hole, a white wine and the disabled account."));
        assertEquals(Set.of("black", "white"), IdentitySwapper.mentions("Black men and white women voted."));
        assertEquals(Set.of("jewish", "jews"), IdentitySwapper.mentions("A Jewish family. Jews live here."));
        assertTrue(IdentitySwapper.mentions("Blackmail is a crime.").isEmpty(), "whole words only");
    }

    @Test
    void keepsTheCaseOfTheWordItReplaces() {
        assertEquals("HINDUS", IdentitySwapper.cased("Hindus", "MUSLIMS"));
        assertEquals("Gay", IdentitySwapper.cased("gay", "Muslim"));
        assertEquals("Hindu", IdentitySwapper.cased("Hindu", "gay"));
    }

    @Test
    void theSameSeedGivesTheSameCopies() {
        assertEquals(new IdentitySwapper(7).swap(train(), 10), new IdentitySwapper(7).swap(train(), 10));
        assertNotEquals(new IdentitySwapper(7).swap(train(), 10), new IdentitySwapper(8).swap(train(), 10));
        assertTrue(new IdentitySwapper(7).swap(train(), 0).isEmpty());
    }

    @Test
    void aCopyStaysInTheFoldOfItsRow() {
        List<Example> rows = new java.util.ArrayList<>(train());
        rows.addAll(new IdentitySwapper(7).swap(train(), 3));
        int[] same = Counterfactuals.sameFoldAs(rows);
        for (int i = 0; i < train().size(); i++) assertEquals(-1, same[i]);
        for (int i = train().size(); i < rows.size(); i++) {
            String from = rows.get(i).id().split(":")[1];
            assertEquals(from, rows.get(same[i]).id());
        }
    }
}
