package org.parley.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import static org.parley.text.TokenForms.forms;

/** {@link MaskJoiner} and {@link Deobfuscator}: what they resolve, and what they must leave alone. */
class ObfuscationTest {
    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
        "f*ck | fuck",
        "f**k | fuck",
        "fu*k | fuck", // the lexer splits this one: fu * k
        "f#ck | fuck",
        "f@ck | fuck",
        "fu@k | fuck",
        "F*CKING | fucking <allcaps>", // shouting, see ShoutMarker
        "sh!t | shit",
        "sh*tty | shitty",
        "a$$ | ass",
        "a$$hole | asshole",
        "b!tch | bitch",
        "b***h | bitch",
        "c**t | cunt",
        "d*mn | damn",
        "(f*ck) | ( fuck )",
        "\"sh!t\" | \" shit \"",
    })
    void resolvesMaskedLetters(String raw, String expected) {
        assertEquals(expected, forms(raw));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
        "id1ot | idiot",
        "st00pid | stupid",
        "n00b | noob",
        "5hit | shit",
        "@ss | ass",
        "@sshole | asshole",
        "sh1t | shit",
        "k1ll | kill",
        "l33t | leet", // general leet: digits between letters
        "g00gle | google",
    })
    void resolvesLeetspeak(String raw, String expected) {
        assertEquals(expected, forms(raw));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
        "f u c k | fuck",
        "F U C K off | fuck off",
        "you i d i o t | you idiot",
        "a s s | ass",
        "f.u.c.k | fuck",
        "f-u-c-k | fuck",
        "t.w.a.t | twat", // spelled out with an 'a', which no other rule reads
        "fuuuuck | fuck",
        "shiiiiit | shit",
        "stuuuupid | stupid",
        "fuk | fuck",
        "stoopid | stupid",
    })
    void resolvesSpacedElongatedAndVariantSpellings(String raw, String expected) {
        assertEquals(expected, forms(raw));
    }

    // the lexer reads a last letter before a full stop as an initial ("t."): twenty-ninth session
    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
        "You are an i d i o t. | you are an idiot .",
        "a s s h o l e. | asshole .",
        "you m o r o n. ok | you moron . ok",
        "You are an id**t. | you are an idiot .",
        "you m*r*n. | you moron .",
        "f u c k. | fuck .",
    })
    void resolvesAWordWhoseLastLetterEndsTheSentence(String raw, String expected) {
        assertEquals(expected, forms(raw));
    }

    // one or two separators put in between the letters, not in place of one: twenty-ninth session
    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
        "You are an id-iot. | you are an idiot .",
        "You are an id.iot. | you are an idiot .",
        "shut up, mor-on | shut up , moron",
        "a st.u_pid thing | a stupid thing",
        "a fuc-king disgrace | a fucking disgrace",
        "dumb-ass | dumbass",
    })
    void resolvesAWordWithSeparatorsInserted(String raw, String expected) {
        assertEquals(expected, forms(raw));
    }

    @ParameterizedTest(name = "{0} stays {1}")
    @CsvSource(delimiter = '|', value = {
        "e-mail co-operate x-ray | e-mail co-operate x-ray",
        "as-sess sub-class mid-term | as-sess sub-class mid-term",
        "smelly.Fuck | smelly . fuck",
        "covid-19 | covid-19",
    })
    void leavesHyphenatedWordsAlone(String raw, String expected) {
        assertEquals(expected, forms(raw));
    }

    // an emoji or a bullet in place of a letter (Java escapes keep this file ASCII): twenty-ninth session
    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
        "You are an id\uD83E\uDD2Cot. | you are an idiot .",
        "a f\uD83E\uDD2Ccking disgrace | a fucking disgrace",
        "piece of sh\uD83D\uDCA9t | piece of shit",
        "you b\u2022tch. | you bitch .",
        "m\uD83E\uDD2Cr\uD83E\uDD2Cn | moron",
    })
    void resolvesASymbolInPlaceOfALetter(String raw, String expected) {
        assertEquals(expected, forms(raw));
    }

    @ParameterizedTest(name = "{0} stays {1}")
    @CsvSource(delimiter = '|', value = {
        "Nice hat\uD83C\uDFA9 | nice hat \uD83C\uDFA9", // at the end it is decoration, not an e
        "rap\uD83C\uDFA4 | rap \uD83C\uDFA4",
        "love\u2764you | love \u2764 you",
        "kill\u2764 this | kill \u2764 this",
    })
    void leavesEmojiThatSpellNoWordAlone(String raw, String expected) {
        assertEquals(expected, forms(raw));
    }

    @ParameterizedTest(name = "{0} stays {1}")
    @CsvSource(delimiter = '|', value = {
        "J. K. Rowling | j. k. rowling",
        "Plan A b c. d. | plan a b c. d.",
        "(a. b.) | ( a. b. )",
        "I a m. | i a m.",
        "vitamin B. | vitamin b.",
    })
    void leavesInitialsThatSpellNoWordAlone(String raw, String expected) {
        assertEquals(expected, forms(raw));
    }

    @ParameterizedTest(name = "{0} stays {1}")
    @CsvSource(delimiter = '|', value = {
        "3 pm | <num> pm",
        "covid-19 | covid-19",
        "B2B | b2b",
        "mp3 | mp3",
        "$5 | $ <num>",
        "2nd 1st 4chan | 2nd 1st 4chan",
        "C++ | c++",
        "H1N1 | h1n1",
        "b4 | b4",
        "wow! | wow !",
        "as! | as !",
        "I a m | i a m",
        "plan a b c | plan a b c",
        "e.g. i.e. U.S. | e.g. i.e. u.s.",
        "f*** | f **",
        "a** | a **",
        "****ing | ** ing", // the first letter is masked: no anchor to match on
        "hello hell shell | hello hell shell",
        "assess class | assess class",
        "Scunthorpe | scunthorpe",
        "user said hi | user said hi", // MBIB's placeholder is an ordinary word
    })
    void leavesOrdinaryTokensAlone(String raw, String expected) {
        assertEquals(expected, forms(raw));
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {":)", ":-(", ";)", ":P", ":D", "<3", "^_^", ":'(", "xD"})
    void emoticonsComeThroughUnchanged(String emoticon) {
        String raw = "ok " + emoticon + " ok";
        assertEquals(("ok" + emoticon + "ok").toLowerCase(java.util.Locale.ROOT),
                String.join("", TextPipeline.standard().tokens(raw)).replace("<num>", "3"));
    }

    @org.junit.jupiter.api.Test
    void joinedWordsSpanAllTheirPieces() {
        String raw = "you a$$ f u c k";
        List<Token> tokens = TextPipeline.standard().tokenize(raw);
        assertEquals(List.of(new Token("you", "you", 0, 3), new Token("ass", "a$$", 4, 7),
                new Token("fuck", "f u c k", 8, 15)), tokens);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
        "f   u   c   k | fuck", // three spaces between letters: still one spaced word
        "f    u    c    k | f u c k", // four: apart
        "f\tu\tc\tk | fuck",
        "sh\u2217t | shit", // a maths symbol (asterisk operator) in place of a letter
        "sh\u00A7t | shit", // a punctuation sign
        "id\u65E5ot | id\u65E5ot", // a letter of another script masks nothing
        // a spaced word late in a long comment (the run is bounded by its own length, not its position)
        "one two three four five six seven eight nine ten eleven twelve you i d i o t"
            + " | one two three four five six seven eight nine ten eleven twelve you idiot",
    })
    void joinsWithinTheGapAndSymbolBounds(String raw, String expected) {
        assertEquals(expected, forms(raw));
    }

    @org.junit.jupiter.api.Test
    void aSplitInitialsFullStopKeepsItsOffsets() {
        assertEquals(List.of(new Token("you", "you", 0, 3), new Token("moron", "m*r*n", 4, 9),
                new Token(".", ".", 9, 10), new Token("ok", "ok", 11, 13)), TextPipeline.standard().tokenize("you m*r*n. ok"));
    }

    /**
     * {@link Deobfuscator#leet} alone: each general leet digit between letters becomes its letter, a run of them too; a
     * digit with no letter on one side, or one with no general reading ('1', '9'), leaves the word as it was.
     */
    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
        "h0use | house", "w00t | woot", "l0l0l | lolol", "h3y | hey", "c4t | cat", "gue5s | guess", "bi7e | bite",
        "a0z | aoz", // between the first and the last letters
        "10b | 10b", "b01 | b01", "_0a | _0a", "a0_ | a0_", "a9b | a9b", "a1b | a1b", "a0b1 | a0b1",
    })
    void leetReadsDigitsBetweenLettersAsLetters(String s, String expected) {
        assertEquals(expected, Deobfuscator.leet(s));
    }
}
