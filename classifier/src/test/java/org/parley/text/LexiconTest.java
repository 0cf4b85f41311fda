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

    /*
     * The limits below are read on small lexicons parsed in the test: Lexicon.STANDARD is built once per JVM, so a
     * mutation run (fifty-fifth session) saw no mutant of the constructor, and found the bounds of each lookup unpinned.
     */

    /** A small lexicon's shortest and longest forms: "ass" (3) and "idiots" (6). */
    private static Lexicon small() {
        return Lexicon.parse(List.of("idiot +s", "ass", "bitch", "moron", "loser", "zit", "shot", "shit"), "test");
    }

    @Test
    void exactReadsFormsFromTheShortestToTheLongest() {
        Lexicon small = small();
        assertEquals("ass", small.exact("ass"));
        assertEquals("idiots", small.exact("idiots"));
        assertEquals("zit", small.exact("zit"));
        assertNull(small.exact("as"));
        assertNull(small.exact("idiotss"));
        assertNull(small.exact("as{"), "a char past 'z'");
        assertNull(small.exact("as`"), "a char before 'a'");
        Lexicon aaah = Lexicon.parse(List.of("aaah"), "test");  // the prefix aaa is index 0
        assertEquals("aaah", aaah.exact("aaah"));
        assertEquals(true, aaah.inside("ohaaah"));
    }

    @Test
    void separatorsBetweenLettersAtTheLengthsLimits() {
        Lexicon small = small();
        assertEquals("ass", small.acrossSeparators("a-ss"), "the shortest form and one separator");
        assertEquals("idiots", small.acrossSeparators("i-d.iots"), "the longest and two");
        assertNull(small.acrossSeparators("a-ss-"), "a separator last");
        assertEquals("zit", small.acrossSeparators("z-it"), "a 'z'");
        assertNull(small.acrossSeparators("i-d.i_ots"), "three");
    }

    @Test
    void misspellingsAtTheirLimits() {
        Lexicon small = small();
        assertEquals("idiots", small.misspelt("idiiots"), "a double in the longest form: one letter past it");
        assertEquals("shit", small.misspelt("siht"), "forms of 4 letters have misspellings");
        assertEquals("shit", small.misspelt("shitt"));
        assertNull(small.misspelt("azz"), "forms of 3 letters have none");
        assertNull(small.misspelt("shotx"));
        assertEquals("aardvark", Lexicon.parse(List.of("aardvark"), "test").misspelt("aaardvark"), "the prefix aaa, index 0");
        // A spelling that is a form is that form; where two forms make one spelling, the earlier line's.
        assertNull(Lexicon.parse(List.of("idiot", "idot"), "test").misspelt("idot"));
        assertEquals("bitch", Lexicon.parse(List.of("bitch", "butch"), "test").misspelt("btch"));
        assertEquals("butch", Lexicon.parse(List.of("butch", "bitch"), "test").misspelt("btch"));
    }

    @Test
    void evasionsDropSwapOrDoubleALetterAfterTheFirst() {
        assertEquals(List.of("acd", "acbd", "abd", "abdc", "abc", "aabcd", "abbcd", "abccd", "abcdd"), Lexicon.evasions("abcd"));
    }

    @Test
    void aFormInsideAWordIsFoundAnywhere() {
        Lexicon small = small();
        for (String word : List.of("ass", "assxx", "xxass", "xassx", "xidiots", "idiotsx"))
            assertEquals(true, small.inside(word), word);
        for (String word : List.of("as", "xas", "xyz", "asxs", "a$s"))
            assertEquals(false, small.inside(word), word);
    }

    @Test
    void masksAndLeetAtTheirLimits() {
        Lexicon small = small();
        assertEquals("ass", small.match("a$$"), "three chars, the fewest");
        assertEquals("idiots", small.match("idi0ts"), "the longest form");
        assertNull(small.match("a$"));
        assertEquals("zit", small.match("z1t"), "a 'z' first");
        assertEquals("loser", small.match("1oser"), "a 1 first stands for l as well as i");
        assertEquals("idiot", small.match("|diot"));
        assertNull(small.match("!diot"), "sentence punctuation first");
        assertEquals("moron", small.match("m@r@n"), "an @ stands for o as well as a");
        assertEquals("shit", small.match("sh!t"), "a leet letter fits better than a mask, whatever the file order");
        assertNull(small.match("bitc."), "sentence punctuation last");
        assertEquals("shot", small.match("sh*t"), "as many masks: the earlier line");
        // A 1 first is read as i, then as l: the earlier line still wins a tie, whichever letter it begins with.
        assertEquals("lick", Lexicon.parse(List.of("lick", "iick"), "test").match("1ick"));
        assertEquals("iick", Lexicon.parse(List.of("iick", "lick"), "test").match("1ick"));
    }

    @Test
    void eachLeetCharStandsForItsLetter() {
        String chars = "01!|34@5$7+89", letters = "oiiieaassttbg";
        for (int k = 0; k < letters.length(); k++) assertEquals(letters.charAt(k), Lexicon.leet(chars.charAt(k)), "" + chars.charAt(k));
        assertEquals(0, Lexicon.leet('x'));
    }

    @Test
    void aLexiconIsLoadedFromItsResourceOrRefusedNamingIt() {
        assertEquals("idiot", Lexicon.load("obfuscation-lexicon.txt").exact("idiot"));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Lexicon.load("no-such-lexicon.txt"));
        assertEquals("lexicon resource not found: org/parley/text/no-such-lexicon.txt", e.getMessage());
    }

    @Test
    void aSuffixNeedsALetterAndAFormThreeOfThem() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Lexicon.parse(List.of("idiot +"), "t"));
        assertEquals("t line 1: expected +suffix or '=' but found '+'", e.getMessage());
        assertEquals("ass", Lexicon.parse(List.of("ass"), "t").exact("ass"));
        e = assertThrows(IllegalArgumentException.class, () -> Lexicon.parse(List.of("as"), "t"));
        assertEquals("t line 1: forms must be 3 or more lower-case letters a-z but found 'as'", e.getMessage());
    }
}
