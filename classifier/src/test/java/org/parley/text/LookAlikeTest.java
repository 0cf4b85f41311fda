package org.parley.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import static org.parley.text.TokenForms.forms;

/** {@link Homoglyphs}: Latin text in Cyrillic or Greek disguise is read as Latin; Russian and Greek are not. */
class LookAlikeTest {
    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
        // The audit's sentences: Cyrillic о а е с; Cyrillic і о; dotless ı and Greek ο
        "Y\u043Eu \u0430r\u0435 \u0430 fu\u0441king idi\u043Et | you are a fucking idiot",
        "You are a complete \u0456d\u0456ot and a m\u043Eron. | you are a complete idiot and a moron .",
        "You are a complete \u0131d\u0131ot and a mor\u03BFn. | you are a complete idiot and a moron .",
        // words of look-alikes only, in Latin text
        "you \u0430\u0455\u0455 | you ass",
        "what a \u0440\u0456\u0455\u0455 poor excuse | what a piss poor excuse",
        "YOU \u0399D\u0399\u039F\u03A4 | you idiot <allcaps>",
        "\u03B3\u03BF\u03C5 are stupid | you are stupid", // Greek γ ο υ
    })
    void readsLatinTextInDisguise(String raw, String expected) {
        assertEquals(expected, forms(raw));
    }

    @ParameterizedTest(name = "{0} stays")
    @CsvSource(delimiter = '|', value = {
        "\u041F\u0440\u0438\u0432\u0435\u0442, \u043A\u0430\u043A \u0434\u0435\u043B\u0430? | \u043F\u0440\u0438\u0432\u0435\u0442 , \u043A\u0430\u043A \u0434\u0435\u043B\u0430 ?", // как: all look-alikes, in Russian
        "\u039A\u03B1\u03BB\u03B7\u03BC\u03AD\u03C1\u03B1 \u03C3\u03B1\u03C2 | \u03BA\u03B1\u03BB\u03B7\u03BC\u03AD\u03C1\u03B1 \u03C3\u03B1\u03C2",
        "\u03BA\u03B1\u03B9 \u03C4\u03BF \u03C3\u03C0\u03AF\u03C4\u03B9 | \u03BA\u03B1\u03B9 \u03C4\u03BF \u03C3\u03C0\u03AF\u03C4\u03B9", // και, το: look-alikes, in Greek
        "\u0422\u041E \u0410\u0423\u0422\u041E | \u0442\u043E \u0430\u0443\u0442\u043E <allcaps>", // no Latin letter at all
        "\u0430\u0455\u0455 | \u0430\u0455\u0455", // alone: nothing says it is Latin
        "my gran says \u043A\u0430\u043A \u0434\u0435\u043B\u0430 | my gran says \u043A\u0430\u043A \u0434\u0435\u043B\u0430", // 11 of 15 other letters Latin
    })
    void leavesRussianAndGreekAlone(String raw, String expected) {
        assertEquals(expected, forms(raw));
    }

    @Test
    void tokensPointAtTheLettersAsWritten() {
        String raw = "Y\u043Eu \u0430r\u0435 \u0430 fu\u0441king idi\u043Et";
        List<Token> tokens = TextPipeline.standard().tokenize(raw);
        assertEquals(List.of(new Token("you", "Y\u043Eu", 0, 3), new Token("are", "\u0430r\u0435", 4, 7),
                new Token("a", "\u0430", 8, 9), new Token("fucking", "fu\u0441king", 10, 17),
                new Token("idiot", "idi\u043Et", 18, 23)), tokens);
        OffsetsTest.assertOffsets("&amp;\u0430 f\u200Bu\u0441k \uFF59\u043Eu \u0456d\u0456\u043Et");
    }
}
