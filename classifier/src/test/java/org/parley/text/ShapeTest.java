package org.parley.text;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link Shape#of}, the bits every stage reads to skip a token, at the edges of each class of char. Reached before
 * only through the stages' tests; a mutation run (fifty-fifth session) found the ASCII ranges' ends, case-blind runs,
 * and the capitals and lower case outside ASCII unpinned.
 */
class ShapeTest {
    /** The bits' names, in their order, without KNOWN, which every shape has. */
    private static String bits(String s) {
        int shape = Shape.of(s, 0, s.length());
        assertTrue(Shape.has(shape, Shape.KNOWN), s);
        List<String> names = new ArrayList<>();
        String[] all = {"LETTER", "UPPER", "LOWER", "DIGIT", "MASK", "OTHER", "DOT_LETTER", "RUN3"};
        int[] values = {Shape.LETTER, Shape.UPPER, Shape.LOWER, Shape.DIGIT, Shape.MASK, Shape.OTHER, Shape.DOT_LETTER, Shape.RUN3};
        for (int k = 0; k < all.length; k++) if (Shape.has(shape, values[k])) names.add(all[k]);
        return String.join(" ", names);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
        "a | LETTER LOWER", "z | LETTER LOWER", "A | LETTER UPPER", "Z | LETTER UPPER", "0 | DIGIT", "9 | DIGIT",
        "` | OTHER", "{ | OTHER", "[ | OTHER", "/ | OTHER", ": | OTHER", "'@' | MASK", // the chars beside the ranges
        "\u00E9 | LETTER LOWER", "\u00C9 | LETTER UPPER",
        "\u4E2D | LETTER",                    // a letter without case
        "\u0663 | DIGIT",                     // an Arabic-Indic three
        "\u00BD | OTHER",                     // a fraction: numeric, no digit
        "\uD83D\uDE00 | OTHER",               // an emoji's two chars
        "a.b | LETTER LOWER MASK DOT_LETTER", "a. | LETTER LOWER MASK", "a.1 | LETTER LOWER DIGIT MASK",
        "sooo | LETTER LOWER RUN3", "AAa | LETTER UPPER LOWER RUN3", "aAA | LETTER UPPER LOWER RUN3", "soo | LETTER LOWER",
        "!!! | MASK RUN3", "\u00E9\u00E9\u00E9 | LETTER LOWER RUN3",
    })
    void aTokensCharsSetTheirBits(String s, String expected) {
        assertEquals(expected, bits(s));
    }

    @Test
    void capitalsAreCountedInAndOutsideAscii() {
        assertEquals(2, Shape.capitals(Shape.of("ÉtÉ STOP", 0, 3)), "within [begin, end)");
        assertEquals(5, Shape.capitals(Shape.of("\u00C9\u00C8A\u0391Z", 0, 5)), "É, È, A, the Greek Alpha, Z");
        assertEquals(0, Shape.capitals(Shape.of("\u4E2D\u00E9", 0, 2)));
        assertEquals(0x7FFF, Shape.capitals(Shape.of("A".repeat(40_000), 0, 40_000)), "capped");
        assertFalse(Shape.has(Shape.of("a.b", 0, 2), Shape.DOT_LETTER), "the letter after the dot is past the end");
    }
}
