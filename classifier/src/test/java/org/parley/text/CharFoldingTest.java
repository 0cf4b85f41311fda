package org.parley.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link CharFolding} one code point at a time: each table entry and each end of each range, since a wrong
 * bound or a lost entry lets that disguise through (TextCleanerTest checks the same through whole texts).
 */
class CharFoldingTest {
    @BeforeEach
    void computeAfresh() {
        CharFolding.clearCache(); // else a mutation test run reads the unchanged code's cached answers
    }

    /** What a code point reads as: its fold, or itself where it is kept. */
    private static String folded(int cp) {
        String f = CharFolding.fold(cp);
        return f == CharFolding.KEEP ? new String(Character.toChars(cp)) : f;
    }

    @ParameterizedTest(name = "U+{0} → \"{1}\"")
    @CsvSource(delimiter = '|', value = {
        // Latin letters NFD does not decompose
        "00DF|ss", "00E6|ae", "00C6|AE", "0153|oe", "0152|OE", "00F8|o", "00D8|O", "0142|l", "0141|L",
        "0111|d", "00F0|d", "0110|D", "00D0|D", "00FE|th", "00DE|Th", "0131|i", "0127|h", "0126|H", "0167|t",
        "0192|f",
        // small capitals and look-alike Latin letters: "ꜰᴜᴄᴋ"
        "1D00|a", "0251|a", "0299|b", "1D04|c", "1D05|d", "1D07|e", "A730|f", "0262|g", "0261|g", "029C|h",
        "026A|i", "0269|i", "1D0A|j", "1D0B|k", "029F|l", "1D0D|m", "0274|n", "1D0F|o", "1D18|p", "0280|r",
        "A731|s", "1D1B|t", "1D1C|u", "1D20|v", "1D21|w", "028F|y", "1D22|z",
        // the same letters inside a decomposition: Ǿ is Ø with an acute, Ǣ is Æ with a macron
        "01FE|O", "01FF|o", "01E2|AE",
    })
    void foldsLatinLettersWithoutADecompositionToAscii(String hex, String expected) {
        assertEquals(expected, folded(Integer.parseInt(hex, 16)));
    }

    @ParameterizedTest(name = "U+{0} → {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "2018|'", "2019|'", "201A|'", "201B|'", "2032|'", "2035|'", "00B4|'", "02BC|'", "02B9|'", "02BB|'",
        "201C|\"", "201D|\"", "201E|\"", "201F|\"", "2033|\"", "2036|\"", "00AB|\"", "00BB|\"", "301D|\"",
        "301E|\"",
        "2010|-", "2011|-", "2012|-", "2013|-", "2014|-", "2015|-", "2212|-", "2043|-", "FE58|-", "FE63|-",
        "2E3A|-", "2E3B|-",
        "2034|'''", // triple prime: NFKC writes three primes, each folded
    })
    void foldsFancyQuotesAndDashesToAscii(String hex, String expected) {
        assertEquals(expected, folded(Integer.parseInt(hex, 16)));
    }

    @Test
    void foldsCompatibilityFormsAndDiacritics() {
        assertEquals("fuck", CharFolding.foldAll("\uFF46\uFF55\uFF43\uFF4B")); // full width
        assertEquals("ffi TM kg DZ", CharFolding.foldAll("\uFB03 \u2122 \u338F \u01C4")); // ligatures, ㎏, Ǆ
        assertEquals("fuck u", CharFolding.foldAll("\u1E1F\u00FC\u00E7k \u01D8")); // ǘ: two marks
        assertEquals(" ", folded(0x00A8)); // a spacing diaeresis: a space and a mark; the mark on it goes
    }

    @Test
    void keepsLettersOfOtherScriptsWithTheirMarks() {
        for (int cp : new int[] {0x0439, 0x0451, 0x03AC, 0x093F, 0x0915, 0x65E5, 0x10000}) {
            assertEquals(new String(Character.toChars(cp)), folded(cp), Integer.toHexString(cp));
        }
        assertEquals("a", folded('a'));
    }

    @Test
    void dropsStrayDiacriticsButNotAScriptsVowelSigns() {
        assertEquals("", CharFolding.fold(0x0301)); // combining acute (Zalgo)
        assertEquals("", CharFolding.fold(0x0336)); // combining long stroke
        assertEquals("", CharFolding.fold(0x20DD)); // combining enclosing circle
        assertEquals("\u093F", folded(0x093F)); // Devanagari vowel sign i: part of the letter
    }

    @Test
    void dropsEachInvisibleCharAndNothingBesideIt() {
        int[] invisible = {0x00AD, 0x034F, 0x061C, 0x115F, 0x1160, 0x17B4, 0x17B5, 0x180B, 0x180E, 0x200B,
            0x200F, 0x202A, 0x202E, 0x2060, 0x206F, 0x3164, 0xFE00, 0xFE0F, 0xFEFF, 0xFFA0, 0xFFF9, 0xFFFB,
            0x1F3FB, 0x1F3FF, 0xE0000, 0xE007F, 0xE0100, 0xE01EF};
        for (int cp : invisible) {
            assertEquals("", CharFolding.fold(cp), Integer.toHexString(cp));
        }
        // the neighbours of those ranges are kept (or folded as NFKC folds them: spaces, digits, a comma)
        int[] kept = {0x180A, 0xFFFC, 0x1F3FA, 0x1F400, 0xE0080, 0xE00FF, 0xE01F0};
        for (int cp : kept) {
            assertEquals(new String(Character.toChars(cp)), folded(cp), Integer.toHexString(cp));
        }
        assertEquals(" ", CharFolding.fold(0x200A)); // hair space
        assertEquals(" ", CharFolding.fold(0x202F)); // narrow no-break space
        assertEquals("0", CharFolding.fold(0x2070)); // superscript zero
        assertEquals(",", CharFolding.fold(0xFE10)); // vertical comma
    }

    @Test
    void controlCharsAndLoneSurrogatesBecomeSpacesButLineBreaksAndTabsStay() {
        assertEquals("\t\n\r", folded('\t') + folded('\n') + folded('\r'));
        for (int cp : new int[] {0x00, 0x07, 0x1F, 0x7F, 0x85, 0xD800, 0xDBFF, 0xDC00, 0xDFFF}) {
            assertEquals(" ", CharFolding.fold(cp), Integer.toHexString(cp));
        }
        assertEquals("\n", CharFolding.fold(0x2028)); // line separator
        assertEquals("\n", CharFolding.fold(0x2029)); // paragraph separator
    }

    @Test
    void foldsStyledLettersOutsideTheBasicPlane() {
        assertEquals("fuck", CharFolding.foldAll("\uD835\uDC1F\uD835\uDC2E\uD835\uDC1C\uD835\uDC24")); // 𝐟𝐮𝐜𝐤
        assertEquals("A", folded(0x1D400)); // first mathematical letter
        assertEquals("9", folded(0x1D7FF)); // last mathematical digit
        assertEquals("0.", folded(0x1F100)); // digit zero full stop
        assertEquals("\uD835\uDC55", folded(0x1D455)); // a hole in the block: nothing ASCII to read
        // squared, negative circled and negative squared letters, first and last
        assertEquals("AZAZAZ", folded(0x1F130) + folded(0x1F149) + folded(0x1F150) + folded(0x1F169)
                + folded(0x1F170) + folded(0x1F189));
        for (int cp : new int[] {0x1F14A, 0x1F16A, 0x1F18A, 0x1F12F}) { // squared HV, raised MC sign: not letters
            assertEquals(new String(Character.toChars(cp)), folded(cp), Integer.toHexString(cp));
        }
        assertEquals("\uD83D\uDE02 ok", CharFolding.foldAll("\uD83D\uDE02 ok")); // an emoji stays whole
    }

    @Test
    void foldsAClusterOfALatinOrCommonBaseButKeepsOtherScriptsClusters() {
        assertEquals("u", CharFolding.foldCluster("xu\u0308\u0336", 1, 4)); // ü struck through
        assertEquals("1", CharFolding.foldCluster("1\u0336", 0, 2));
        assertEquals("", CharFolding.foldCluster("\u0301\u0302", 0, 2)); // marks with no base
        assertEquals("\u0915\u0952", CharFolding.foldCluster("\u0915\u0952", 0, 2)); // Devanagari ka, anudatta
        assertEquals("\u0451", CharFolding.foldCluster("\u0435\u0308", 0, 2)); // Russian ё typed as е + ¨
    }

    @Test
    void aStyledLatinLetterIsOneNoLanguageSpellsWith() {
        for (char c : new char[] {'\uFF49', '\u1D48', '\u2071', '\u2111', '\u026A', '\u1D05', '\u0251'}) {
            assertTrue(CharFolding.isStyledLatin(c), Integer.toHexString(c));
        }
        // ASCII, accented letters, ß ø ł ı, the ordinals, a ligature, a Greek superscript, a circled letter (a symbol)
        for (char c : new char[] {'i', '\u00E9', '\u00DF', '\u00F8', '\u0142', '\u0131', '\u00BA', '\u00AA',
            '\uFB01', '\u1D5D', '\u24D5', '\u0250', '\u0439'}) {
            assertFalse(CharFolding.isStyledLatin(c), Integer.toHexString(c));
        }
    }

    @Test
    void marksAreNonSpacingEnclosingAndSpacingCombiningOnes() {
        assertTrue(CharFolding.isMark(0x0301));
        assertTrue(CharFolding.isMark(0x20DD));
        assertTrue(CharFolding.isMark(0x093F));
        assertFalse(CharFolding.isMark('a'));
        assertFalse(CharFolding.isMark(0x00A8));
    }

    @Test
    void asciiEndsBeforeU0080() {
        assertTrue(CharFolding.isAscii(""));
        assertTrue(CharFolding.isAscii("plain text\u007F"));
        assertFalse(CharFolding.isAscii("plain\u0080"));
        assertFalse(CharFolding.isAscii("caf\u00E9 x"));
    }
}
