package org.parley.text;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@link HtmlEntities#decode} alone, at its limits: TextCleanerTest reads entities through the cleaner, and a mutation
 * run (fifty-fifth session) found the digit and name limits, the code point bounds and the nesting depth unpinned.
 */
class HtmlEntitiesTest {
    /** The code point and the end (exclusive) of the entity at 0, as "U+XXXX END", or "none". */
    private static String decoded(String s) {
        long r = HtmlEntities.decode(s, 0);
        return r < 0 ? "none" : String.format("U+%04X %d", (int) (r >>> 32), (int) r);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
        "&amp;x | U+0026 5",
        "&zwj; | U+200D 5",             // a name of ASCII letters from 'a' to 'z'
        "&szlig; | U+00DF 7",
        "&ccedil; | U+00E7 8",          // six letters, the longest name
        "&AMP; | none",                 // names are lower case
        "&amp | none",                  // no ';'
        "&; | none",
        "&#65; | U+0041 5",
        "&#065; | U+0041 6",            // a 0 is a digit
        "&#0000065; | U+0041 10",       // seven digits, the most read
        "&#00000065; | none",           // eight
        "&#x41; | U+0041 6",
        "&#X7a; | U+007A 6",
        "&#x10FFFF; | U+10FFFF 10",     // the last code point
        "&#x110000; | none",            // past it
        "&#0; | none",                  // NUL is not decoded
        "&#1; | U+0001 4",
        "&#xD7FF; | U+D7FF 8",          // just below the surrogates
        "&#xD800; | none",              // a surrogate alone, the first
        "&#xDFFF; | none",              // and the last
        "&#xE000; | U+E000 8",          // just above them
        "&#65 | none",                  // digits to the end, no ';'
        "&# | none",
        "& | none",
    })
    void decodesOneEntity(String s, String expected) {
        assertEquals(expected, decoded(s));
    }

    /** "&amp;lt;" is text escaped twice: up to three levels more are decoded, so a fourth stays '&'. */
    @Test
    void nestedEscapesAreDecodedThreeLevelsDeep() {
        assertEquals("U+003C 12", decoded("&amp;amp;lt;"));
        assertEquals("U+003C 16", decoded("&amp;amp;amp;lt;"));
        assertEquals("U+0026 17", decoded("&amp;amp;amp;amp;lt;"));
        assertEquals("U+0026 9", decoded("&amp;amp;x"), "an '&' that begins no entity ends the nesting");
    }

    @ParameterizedTest
    @ValueSource(strings = {"&abcdefg;", "&abcdef;", "&ab1;", "&a-b;"})
    void aNameNotInTheTableIsNoEntity(String s) {
        assertEquals("none", decoded(s));
    }
}
