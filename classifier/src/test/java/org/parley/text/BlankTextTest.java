package org.parley.text;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link BlankText}: each kind of character its rule names as nothing to see, and characters beside them that are seen.
 * Reached before only through the thread format's and the stance checks' tests (a mutation run in the fifty-fifth
 * session found no test of the text package covering it).
 */
class BlankTextTest {
    @ParameterizedTest
    @ValueSource(strings = {
        "", " ", "\t\n\r", "\u000B\u000C",
        "\u00A0", "\u2007", "\u202F", "\u3000",          // no-break and ideographic spaces, which isBlank keeps
        "\u200B", "\u200C\u200D", "\uFEFF", "\u2060",     // zero-width space, joiners, BOM, word joiner (FORMAT)
        "\u00AD",                                         // a soft hyphen alone (FORMAT) draws nothing
        "\u0000", "\u0007", "\u007F", "\u0085",           // controls
        "\u0301", "\u0301\u0308", "\uFE0F",               // combining marks and a variation selector alone
        "\u20DD",                                         // an enclosing circle alone
        "\u115F", "\u1160", "\u3164", "\uFFA0", "\u2800", // Hangul fillers, the blank Braille pattern
        " \u200B\u3164 \u2800\u0301 ",
    })
    void nothingAReaderCouldSeeIsBlank(String s) {
        assertTrue(BlankText.is(s), () -> s.codePoints().mapToObj(Integer::toHexString).toList().toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "a", ".", "\u200Ba", "a\u0301", "\u00E9", "1",
        "\u2801",             // Braille dots-1, beside the blank pattern
        "\u1161",             // the Hangul vowel after the jungseong filler
        "\u3165",             // the Hangul letter after the Hangul filler
        "\uFFA1",             // the halfwidth letter after its filler
        "\uD83D\uDE02",       // an emoji
        "\u20AC",             // a currency sign
    })
    void aCharacterAReaderSeesIsNot(String s) {
        assertFalse(BlankText.is(s), () -> s.codePoints().mapToObj(Integer::toHexString).toList().toString());
        assertFalse(BlankText.is(" \u200B" + s + "\u3000"), "one seen character among blanks");
    }
}
