package org.parley.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class LexiconTest {
    private final Lexicon lexicon = Lexicon.STANDARD;

    @Test
    void expandsSuffixesAndVariants() {
        Lexicon small = Lexicon.parse(List.of("# comment", "", "fuck +ing +er = fuk", "shit"), "test");
        assertEquals("fuck", small.exact("fuck"));
        assertEquals("fucking", small.exact("fucking"));
        assertEquals("fucking", small.exact("fuking"));
        assertEquals("fucker", small.exact("fuker"));
        assertEquals("shit", small.exact("shit"));
        assertNull(small.exact("shits"));
        assertNull(small.exact("fu"));
    }

    @Test
    void rejectsMalformedLinesNamingTheLine() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Lexicon.parse(List.of("fuck +s", "shit ing"), "test.txt"));
        assertEquals("test.txt line 2: expected +suffix or '=' but found 'ing'", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Lexicon.parse(List.of("Fuck"), "test.txt"));
        assertEquals("test.txt line 1: forms must be 3 or more lower-case letters a-z but found 'Fuck'", e.getMessage());
    }

    @Test
    void matchesMasksAndLeet() {
        assertEquals("fuck", lexicon.match("f*ck"));
        assertEquals("fuck", lexicon.match("f**k"));
        assertEquals("fuck", lexicon.match("f@ck"));
        assertEquals("shit", lexicon.match("sh!t"));
        assertEquals("shit", lexicon.match("5hit"));
        assertEquals("ass", lexicon.match("a$$"));
        assertEquals("ass", lexicon.match("@ss"));
        assertEquals("bitch", lexicon.match("b!tch"));
        assertEquals("bitch", lexicon.match("b***h"));
        assertEquals("idiot", lexicon.match("id1ot"));
        assertEquals("stupid", lexicon.match("st00pid"));
        assertEquals("noob", lexicon.match("n00b"));
        assertEquals("fucking", lexicon.match("f*cking"));
        assertEquals("asshole", lexicon.match("a**hole"));
    }

    @Test
    void readsSeparatorsPutInBetweenLetters() {
        assertEquals("idiot", lexicon.acrossSeparators("id-iot"));
        assertEquals("moron", lexicon.acrossSeparators("mor.on"));
        assertEquals("stupid", lexicon.acrossSeparators("stu_pi.d"));
        assertEquals("dumbass", lexicon.acrossSeparators("dumb-ass"));
        assertNull(lexicon.acrossSeparators("idiot")); // no separator: exact's business
        assertNull(lexicon.acrossSeparators("i-d-i-ot")); // three
        assertNull(lexicon.acrossSeparators("id--iot"));
        assertNull(lexicon.acrossSeparators("-idiot"));
        assertNull(lexicon.acrossSeparators("idiot."));
        assertNull(lexicon.acrossSeparators("f*ck-er")); // a mask is match's business
        assertNull(lexicon.acrossSeparators("e-mail"));
        assertNull(lexicon.acrossSeparators("as-sess"));
        assertNull(lexicon.acrossSeparators("co-operate"));
    }

    @Test
    void prefersFewestMasksThenFileOrder() {
        assertEquals("shit", lexicon.match("s**t")); // shit before slut
        assertEquals("hell", lexicon.match("h3ll"));
    }

    @Test
    void refusesWeakOrPunctuatedCandidates() {
        assertNull(lexicon.match("****"));
        assertNull(lexicon.match("f***")); // one known letter
        assertNull(lexicon.match("a**"));
        assertNull(lexicon.match("****ing")); // the first letter is masked
        assertNull(lexicon.match("as!")); // sentence punctuation at the end
        assertNull(lexicon.match("wow!"));
        assertNull(lexicon.match("mp3"));
        assertNull(lexicon.match("b4"));
        assertNull(lexicon.match("c++"));
        assertNull(lexicon.match("covid-19"));
        assertNull(lexicon.match("f'ck")); // an apostrophe is not a mask
    }

    /** The edits evasion makes, first letter kept; never a letter changed. Whether a word is real is the speller's to ask. */
    @Test
    void readsAMisspellingOneEvasiveEditFromAForm() {
        Lexicon lexicon = Lexicon.STANDARD;
        assertEquals("idiot", lexicon.misspelt("idot"));      // a letter dropped
        assertEquals("bitch", lexicon.misspelt("bitc"));      // the last one too
        assertEquals("idiot", lexicon.misspelt("iddiot"));    // one doubled
        assertEquals("bitch", lexicon.misspelt("btich"));     // two swapped
        assertEquals("fucking", lexicon.misspelt("fucikng"));
        assertEquals("crap", lexicon.misspelt("carp"), "a real word: the speller leaves it, as the vocabulary knows it");
        assertNull(lexicon.misspelt("raked"), "a letter changed");
        assertNull(lexicon.misspelt("cramp"), "a letter added that is no double");
        assertNull(lexicon.misspelt("ibtch"), "the first letter is kept");
        assertNull(lexicon.misspelt("idiot"), "a form is no misspelling");
        assertNull(lexicon.misspelt("sit"), "spellings of 3 letters are too near too much");
    }
}
