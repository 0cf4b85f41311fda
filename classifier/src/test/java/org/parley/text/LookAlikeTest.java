package org.parley.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

    @Test
    void eachLookAlikeReadsAsItsLatinLetter() {
        String lower = "\u0430\u03B1\u044C\u0441\u0501\u0435\u04BD\u03B5\u04BB\u0456\u04CF\u03B9\u0458\u03F3\u043A\u03BA"
                + "\u043E\u03BF\u0440\u03C1\u051B\u0455\u03C4\u03C5\u0475\u03BD\u051D\u0461\u0445\u03C7\u0443\u04AF\u03B3";
        String upper = "\u0410\u0391\u0412\u0392\u042C\u0421\u0415\u0395\u03DC\u050C\u041D\u0397\u0406\u04C0\u0399\u0408"
                + "\u037F\u041A\u039A\u041C\u039C\u03FA\u039D\u041E\u039F\u0420\u03A1\u0405\u0422\u03A4\u0474\u051C"
                + "\u0425\u03A7\u0423\u04AE\u03A5\u0396";
        assertEquals("aabcdeeehiiijjkkooppqstuvvwwxxyyy", latin(lower));
        assertEquals("AABBbCEEFGHHIIIJJKKMMMNOOPPSTTVWXXYYYZ", latin(upper));
        // not look-alikes: Latin itself, other Cyrillic and Greek letters, σ and г (too loose)
        assertEquals("\0\0\0\0\0\0", latin("a\u0431\u0436\u03C3\u0433\u03BB"));
    }

    private static String latin(String lookAlikes) {
        StringBuilder out = new StringBuilder();
        for (char c : lookAlikes.toCharArray()) {
            out.append(Homoglyphs.latin(c));
        }
        return out.toString();
    }

    @Test
    void onlyCyrillicAndGreekLettersMayBeConfusable() {
        assertTrue(Homoglyphs.mayBeConfusable(0x037F)); // Greek Ϳ, the first in the table
        assertTrue(Homoglyphs.mayBeConfusable(0x051D)); // Cyrillic ԝ, the last
        assertTrue(Homoglyphs.mayBeConfusable(0x0430));
        assertFalse(Homoglyphs.mayBeConfusable('a'));
        assertFalse(Homoglyphs.mayBeConfusable(0x0436)); // ж
        assertFalse(Homoglyphs.mayBeConfusable(0x10430)); // Deseret: its low 16 bits are Cyrillic а
    }

    @Test
    void aWordOfLookAlikesIsLatinWhereAtLeastNineTenthsOfTheOtherLettersAre() {
        // 9 Latin letters and ж: exactly nine tenths
        assertEquals("you are bad \u0436 ass", TextCleaner.clean("you are bad \u0436 \u0430\u0455\u0455").text());
        // 8 and ж: less
        assertEquals("you are ba \u0436 \u0430\u0455\u0455", TextCleaner.clean("you are ba \u0436 \u0430\u0455\u0455").text());
        // a Russian word with look-alikes and other letters, in Latin text, is not read as Latin
        assertEquals("the word \u0434\u0435\u043B\u0430", TextCleaner.clean("the word \u0434\u0435\u043B\u0430").text());
    }

    @Test
    void aDisguisedWordEndingTheTextIsReadWhenTheCleanTextFillsItsBuffer() {
        // eight ligatures ﬃ grow 12 chars into 28, the builder's first capacity (raw length + 16): no slack after the word
        String raw = "\uFB03".repeat(8) + " \u0430\u0455\u0455";
        assertEquals("ffi".repeat(8) + " ass", TextCleaner.clean(raw).text());
    }
}
