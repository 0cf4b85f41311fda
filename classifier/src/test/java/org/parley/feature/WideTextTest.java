package org.parley.feature;

import org.junit.jupiter.api.Test;
import org.parley.text.TextPipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

class WideTextTest {
    private static String wide(String raw) {
        String out = WideText.of(raw, TextPipeline.standard().tokenize(raw));
        assertEquals(raw.length(), out.length(), "same length, so token offsets hold in both texts");
        return out;
    }

    @Test
    void obfuscatedWordsAreWrittenOutAtTheirRawLength() {
        assertEquals("you are an idiot", wide("you are an id1ot"));
        assertEquals("you are an idiot!", wide("you are an 1d10t!"));
        assertEquals("fuck this", wide("f*ck this"));
        assertEquals("this is shit", wide("this is sh1t"));
        assertEquals("what an idiot    ", wide("what an i d i o t"));
    }

    /** The speller's corrections and the lexicon's variants, where the form fits the spelling; not elongations. */
    @Test
    void respelledWordsAreWrittenOutWhereTheyFit() {
        assertEquals("Get lost, you bitch.", wide("Get lost, you btich."));
        assertEquals("You are an idiot .", wide("You are an iddiot."));
        assertEquals("so stupid ", wide("so stoopid"));
        assertEquals("you bitch ", wide("you biatch"), "an a among the letters");
        assertEquals("You are an idot.", wide("You are an idot."), "idiot is longer than idot: left as written");
        assertEquals("so shiiit", wide("so shiiit"), "a run of one letter squeezed: the raw n-grams saw such runs");
    }

    @Test
    void lookAlikeWordsAreWrittenOutWhereTheyHideALexiconWord() {
        // Cyrillic о а е с: every look-alike word goes, "you are a" as well as the insult
        assertEquals("you are a fucking idiot", wide("Y\u043Eu \u0430r\u0435 \u0430 fu\u0441king idi\u043Et"));
        // dotless ı and Greek ο
        assertEquals("You are a complete idiot and a moron.", wide("You are a complete \u0131d\u0131ot and a mor\u03BFn."));
    }

    /** A Node.js integrator's audit: full-width letters and small capitals kept their raw n-grams, and scored low. */
    @Test
    void fullWidthLettersAndSmallCapitalsAreWrittenOutEverywhere() {
        assertEquals("you are a complete idiot.", wide("\uFF39\uFF4F\uFF55 \uFF41\uFF52\uFF45 \uFF41 \uFF43\uFF4F\uFF4D\uFF50\uFF4C\uFF45\uFF54\uFF45 \uFF49\uFF44\uFF49\uFF4F\uFF54."));
        assertEquals("you are a complete idiot", wide("\u028F\u1D0F\u1D1C \u1D00\u0280\u1D07 \u1D00 \u1D04\u1D0F\u1D0D\u1D18\u029F\u1D07\u1D1B\u1D07 \u026A\u1D05\u026A\u1D0F\u1D1B"));
        assertEquals("a complete idiot", wide("a complete \u2111diot"), "a letterlike symbol");
    }

    @Test
    void otherLookAlikesKeepTheirRawNgrams() {
        // a signature among the golden comments, Russian and Greek text, Turkish with its ı
        for (String raw : new String[] {"I will also try to be less bitey in the future.\u2014 d\u03B1lus Contribs",
                "\u041F\u0440\u0438\u0432\u0435\u0442, \u043A\u0430\u043A \u0434\u0435\u043B\u0430?",
                "\u039A\u03B1\u03BB\u03B7\u03BC\u03AD\u03C1\u03B1 \u03C3\u03B1\u03C2",
                "Kad\u0131n \u0131l\u0131k su i\u00E7ti",
                // accented and other letters that spell words of a language: Polish, Danish, German
                "\u0141\u00F3d\u017A i \u017Ar\u00F3d\u0142o", "R\u00F8dgr\u00F8d med fl\u00F8de", "Die Stra\u00DFe ist gro\u00DF",
                "la n\u00BA 5 y la 3\u00AA"}) {
            assertSame(raw, WideText.of(raw, TextPipeline.standard().tokenize(raw)), raw);
        }
    }

    @Test
    void plainTextIsReturnedAsItIs() {
        for (String raw : new String[] {"You are an IDIOT", "Azure Zebras", "Caf\u00e9 owners don't like well-known 2nd-rate food",
                "sooooo stupid", "see https://example.com/a1b2 now", "@someone 42 times", ""}) {
            assertSame(raw, WideText.of(raw, TextPipeline.standard().tokenize(raw)), raw);
        }
    }

    /** of() looks at each token once; it writes out exactly the tokens that obfuscated, styled and lookAlike pick. */
    @Test
    void theTokensWrittenOutAreThoseTheThreeTestsPick() {
        for (String raw : new String[] {"you are an id1ot", "f*ck th!s sh1t", "what an i d i o t",
                "Y\u043Eu \u0430r\u0435 \u0430 fu\u0441king idi\u043Et", "You are a complete \u0131d\u0131ot and a mor\u03BFn.",
                "\u028F\u1D0F\u1D1C \u1D00\u0280\u1D07 \u026A\u1D05\u026A\u1D0F\u1D1B \uFF49\uFF44\uFF49\uFF4F\uFF54",
                "I will also try to be less bitey.\u2014 d\u03B1lus Contribs", "Kad\u0131n \u0131l\u0131k su i\u00E7ti",
                "Caf\u00e9 n\u00BA 5 st\u00FCpid \u0131d\u0131ot", "sooooo stupid @someone 42", "m\u03BFron and id\u0456ot"}) {
            var tokens = TextPipeline.standard().tokenize(raw);
            boolean disguised = tokens.stream().anyMatch(t -> WideText.lookAlike(t) && TextPipeline.lexiconWord(t.text()));
            char[] expected = raw.toCharArray();
            for (var t : tokens) {
                if (!WideText.obfuscated(t) && !WideText.styled(t) && !(disguised && WideText.lookAlike(t))) continue;
                for (int i = t.begin(); i < t.end(); i++) expected[i] = i - t.begin() < t.text().length() ? t.text().charAt(i - t.begin()) : ' ';
            }
            assertEquals(new String(expected), WideText.of(raw, tokens), raw);
        }
    }
}
