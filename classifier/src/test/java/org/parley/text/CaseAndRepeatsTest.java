package org.parley.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import static org.parley.text.TokenForms.forms;

/** {@link Lowercaser}, {@link ShoutMarker} and {@link RepeatSqueezer}. */
class CaseAndRepeatsTest {
    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
        "Hello World | hello world",
        "YOU ARE AN IDIOT!!! | you are an idiot <allcaps> !!",
        "SHUT UP, NOW. ok | shut up , now <allcaps> . ok",
        "STUPID | stupid <allcaps>",
        "I AM | i am", // too short a run
        "the FBI and NASA | the fbi and nasa", // acronyms fall short
        "the USA and the UK | the usa and the uk",
        "I HATE YOU and I MEAN IT | i hate you <allcaps> and i mean it <allcaps>",
        "Istanbul İzmir | istanbul izmir",
        "HELLO there | hello <allcaps> there", // five capitals, the least that mark
        "NO NO NO ok | no no no <allcaps> ok", // words of two capitals count
    })
    void lowerCasesAndMarksShouting(String raw, String expected) {
        assertEquals(expected, forms(raw));
    }

    @Test
    void markerSpansTheShoutedRun() {
        String raw = "well YOU ARE STUPID!";
        List<Token> tokens = TextPipeline.standard().tokenize(raw);
        Token marker = tokens.get(4);
        assertEquals(new Token(TextPipeline.ALL_CAPS, "YOU ARE STUPID", 5, 19), marker);
        assertEquals("!", tokens.get(5).text());
        Token fromTheStart = TextPipeline.standard().tokenize("YOU ARE STUPID!").get(3);
        assertEquals(new Token(TextPipeline.ALL_CAPS, "YOU ARE STUPID", 0, 14), fromTheStart, "a run from the first token");
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
        "sooooo | soo",
        "Hmmmmm | hmm",
        "good | good",
        "!!!!!! | !!",
        "?!?!?! | ?!?!?!",
        "...... | ...",
        "... | ...",
        "1000000 | <num>",
        "mp3333 | mp3333",
        "\uD83D\uDE02\uD83D\uDE02\uD83D\uDE02\uD83D\uDE02 | \uD83D\uDE02 \uD83D\uDE02",
        "! ! ! ! | ! !",
        "! ! ! | ! !", // three, the fewest squeezed
        "mp3000 win9999 | mp3000 win9999", // digits, from 0 to 9, are never squeezed
        "no no no no | no no no no", // repeated words are not elongation
    })
    void capsRepeats(String raw, String expected) {
        assertEquals(expected, forms(raw));
    }

    /** {@link RepeatSqueezer#squeeze} alone: the text itself back when no run passes the cap, else each run capped. */
    @Test
    void squeezeCapsRunsAndGivesBackAnUnchangedText() {
        for (String s : List.of("abcd", "aabbcc", "", "ab", "...", "1111"))
            assertSame(s, RepeatSqueezer.squeeze(s, 2, 3), s);
        assertEquals("aab", RepeatSqueezer.squeeze("aaab", 2, 3));
        assertEquals("...", RepeatSqueezer.squeeze("......", 2, 3));
        assertEquals("a\u00E9\u00E9b", RepeatSqueezer.squeeze("a\u00E9\u00E9\u00E9\u00E9b", 2, 3));
        // Runs are found by char, so one of a code point outside the BMP (two chars each) stays as written, as trained.
        String emoji = "a\uD83D\uDE02\uD83D\uDE02\uD83D\uDE02";
        assertSame(emoji, RepeatSqueezer.squeeze(emoji, 2, 3));
        assertEquals("ab", RepeatSqueezer.squeeze("aaabbb", 1, 1));
    }
}
