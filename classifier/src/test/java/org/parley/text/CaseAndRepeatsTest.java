package org.parley.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
        "no no no no | no no no no", // repeated words are not elongation
    })
    void capsRepeats(String raw, String expected) {
        assertEquals(expected, forms(raw));
    }
}
