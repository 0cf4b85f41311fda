package org.parley.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TextCleanerTest {
    private static String clean(String raw) {
        return TextCleaner.clean(raw).text();
    }

    @Test
    void plainAsciiIsNotCopied() {
        String raw = "Hello, world!\nSecond line\twith a tab.";
        CleanText clean = TextCleaner.clean(raw);
        assertSame(raw, clean.text());
        assertEquals(7, clean.rawBegin(7));
        assertEquals(12, clean.rawEnd(12));
    }

    @Test
    void decodesEntities() {
        assertEquals("Q&A 'yes' \"no\" <b> ...", clean("Q&amp;A &#39;yes&#x27; &quot;no&quot; &lt;b&gt; &hellip;"));
        assertEquals("\uD83D\uDE02", clean("&#128514;")); // emoji in the tweet corpora
    }

    @Test
    void decodesDoublyEscapedEntitiesInOneStep() {
        CleanText clean = TextCleaner.clean("it&amp;#39;s &amp;amp;");
        assertEquals("it's &", clean.text());
        assertEquals(2, clean.rawBegin(2));
        assertEquals(11, clean.rawEnd(3)); // the apostrophe stands for all of "&amp;#39;"
    }

    /**
     * Where a cut of the clean text leaves every raw char on one side (the lexer's cuts): not inside the chars one raw
     * char became, nor, for a text the cleaner left as it was, anywhere but at a char. Unpinned before a mutation run of
     * the fifty-fifth session.
     */
    @Test
    void aCleanCharStartsARawSpanUnlessAnEarlierOneCameFromTheSameRawChars() {
        CleanText ligature = TextCleaner.clean("\uFB03x &amp;y");
        assertEquals("ffix &y", ligature.text());
        java.util.List<Boolean> starts = new java.util.ArrayList<>();
        for (int i = 0; i < ligature.text().length(); i++) starts.add(ligature.startsRawSpan(i));
        assertEquals(java.util.List.of(true, false, false, true, true, true, true), starts, "ﬃ is three clean chars of one raw char");
        CleanText same = TextCleaner.clean("plain");
        assertTrue(same.startsRawSpan(0) && same.startsRawSpan(3));
    }

    /**
     * Limits of the cleaner's fast path and clusters, pinned after the same mutation run: a letter and the marks after
     * it are one cluster, whose first clean char spans them all, whether the letter is ASCII or not; DEL, the one
     * ASCII char past the printable ones, is folded (to a space) rather than copied; U+10000, the first code point
     * past the BMP, is kept whole; and a Cyrillic look-alike written as an entity is read as Latin, as one written out is.
     */
    @Test
    void clustersControlsAndEntitiesAtTheirLimits() {
        CleanText grave = TextCleaner.clean("e\u0300x");
        assertEquals("ex", grave.text());
        assertEquals(2, grave.rawEnd(1), "the e spans its mark, U+0300, the first combining mark");
        CleanText tilde = TextCleaner.clean("\u00F1\u0303x");
        assertEquals("nx", tilde.text());
        assertEquals(2, tilde.rawEnd(1), "so does a letter outside ASCII");
        assertEquals("a b", clean("a\u007Fb"));
        assertEquals("\uD800\uDC00x", clean("\uD800\uDC00x"));
        assertEquals("You idiot", clean("Y&#1086;u idi&#1086;t"), "U+043E as an entity");
    }

    @Test
    void leavesUnknownAndMalformedEntitiesAlone() {
        assertEquals("&oldid; &amp &#; &#xZZ; &#0; &#55296; & x", clean("&oldid; &amp &#; &#xZZ; &#0; &#55296; & x"));
    }

    @Test
    void appliesNfkc() {
        assertEquals("fuck fine TM", clean("ｆｕｃｋ ﬁne ™"));
        assertEquals("fuck", clean("\uD835\uDC1F\uD835\uDC2E\uD835\uDC1C\uD835\uDC24")); // mathematical bold
        assertEquals("fuck", clean("ⓕⓤⓒⓚ"));
    }

    @Test
    void mapsNfkcExpansionsToTheirRawChar() {
        CleanText clean = TextCleaner.clean("ﬁne");
        assertEquals("fine", clean.text());
        assertEquals(0, clean.rawBegin(1)); // 'i' comes from the ligature too
        assertEquals(1, clean.rawEnd(2));
    }

    @Test
    void dropsInvisibleChars() {
        assertEquals("fuck shit", clean("f\u200Bu\u200Cc\u200Dk sh\u00ADi\uFEFFt"));
        assertEquals("\u2764 \uD83D\uDC4D", clean("\u2764\uFE0F \uD83D\uDC4D\uD83C\uDFFD")); // variation selector, skin tone
    }

    @Test
    void turnsControlCharsAndLoneSurrogatesIntoSpaces() {
        assertEquals("a b c d\r\n\te", clean("a\u0000b\u0007c\u0085d\r\n\te"));
        assertEquals("x y z ", clean("x\uD800y\uDC00z\uD83D"));
    }

    @Test
    void foldsDiacriticsOfLatinLetters() {
        assertEquals("fuck cafe naive Muller Strasse oe", clean("ḟüçk café naïve Müller Straße œ"));
        assertEquals("cafe", clean("cafe\u0301")); // combining acute
        assertEquals("zalgo", clean("z\u0336\u0337a\u0338l\u0339\u0300g\u0301o\u0302\u0303"));
    }

    @Test
    void keepsOtherScriptsWithTheirMarks() {
        assertEquals("Москва йод", clean("Москва йод"));
        assertEquals("नमस्ते", clean("नमस्ते"));
        assertEquals("日本語", clean("日本語"));
    }

    @Test
    void foldsQuotesDashesAndSpaces() {
        assertEquals("'a' \"b\" \"c\" - - - it's x y", clean("\u2018a\u2019 \u201Cb\u201D \u00ABc\u00BB \u2013 \u2014 \u2212 it\u00B4s x\u00A0y"));
        assertEquals("...", clean("\u2026"));
    }

    @Test
    void foldsSmallCapitals() {
        assertEquals("fuck", clean("\uA730\u1D1C\u1D04\u1D0B"));
    }

    @Test
    void foldsHomoglyphsOnlyInMixedScriptWords() {
        assertEquals("idiot", clean("\u0456d\u0456\u043Et")); // Cyrillic і and о among Latin d and t
        assertEquals("\u0441\u043E\u043A", clean("\u0441\u043E\u043A")); // wholly Cyrillic: a Russian word
        assertEquals("ass \u03B1\u03C3\u03C3", clean("\u0430ss \u03B1\u03C3\u03C3"));
    }

    @Test
    void everyCleanCharMapsIntoTheRaw() {
        String raw = "&amp;ﬁ\u200Bé\u0301 ｘ\uD83D\uDE02&#128514;\u0000";
        CleanText clean = TextCleaner.clean(raw);
        for (int i = 0; i < clean.text().length(); i++) {
            int begin = clean.rawBegin(i);
            int end = clean.rawEnd(i + 1);
            assertEquals(true, 0 <= begin && begin < end && end <= raw.length(), "clean char " + i);
        }
    }
}
