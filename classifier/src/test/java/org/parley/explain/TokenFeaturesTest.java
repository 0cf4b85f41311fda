package org.parley.explain;

import org.junit.jupiter.api.Test;
import org.parley.text.TextPipeline;
import org.parley.text.Token;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class TokenFeaturesTest {
    private static float[] features(String text, String original) {
        for (Token t : TextPipeline.standard().tokenize(text))
            if (t.original().equals(original) && SpanExplainer.isWord(t)) {
                float[] f = new float[TokenFeatures.COUNT];
                TokenFeatures.of(t, 0.5f, false, f);
                return f;
            }
        throw new AssertionError(original + " not a word token of " + List.of(TextPipeline.standard().tokenize(text)));
    }

    @Test
    void marksShoutingAndDisguisedSpellings() {
        assertArrayEquals(new float[] {0.5f, 1, 0, 0, 0}, features("you are an idiot", "idiot"));
        assertEquals(1, features("you are an IDIOT", "IDIOT")[2]);
        assertEquals(0, features("I went home", "I")[2], "one capital letter is not shouting");
        assertEquals(1, features("what a f*cking mess", "f*cking")[3]);
        assertEquals(0, features("don't do it", "n't")[3], "an apostrophe is not a disguise");
    }

    /** Shouting needs two letters and no lower case; a disguise is a letter beside a symbol or digit, or a rewritten form. */
    @Test
    void shoutingAndDisguiseAtTheirEdges() {
        assertTrue(TokenFeatures.shouted("OK"));
        assertFalse(TokenFeatures.shouted("O1"), "one letter and a digit");
        assertFalse(TokenFeatures.shouted("IDIOt"));
        assertTrue(TokenFeatures.disguised(new Token("idiot", "1d1ot", 0, 5)), "digits among letters");
        assertTrue(TokenFeatures.disguised(new Token("idiot", "id!ot", 0, 5)));
        assertTrue(TokenFeatures.disguised(new Token("f*ck", "f*ck", 0, 4)), "a symbol among letters, though the form is as written");
        assertFalse(TokenFeatures.disguised(new Token("well-known", "well-known", 0, 10)), "a hyphen is not a disguise");
        assertFalse(TokenFeatures.disguised(new Token("2024", "2024", 0, 4)), "digits alone are a number");
        assertFalse(TokenFeatures.disguised(new Token("idiot", "IDIOT", 0, 5)), "upper case is shouting, not a disguise");
        assertFalse(TokenFeatures.disguised(new Token("idiot", "idiotttt", 0, 8)), "a form the pipeline cut short keeps its start");
        assertTrue(TokenFeatures.disguised(new Token("idiot", "idoit", 0, 5)), "a form the pipeline rewrote");
        assertFalse(TokenFeatures.disguised(new Token("<url>", "http", 0, 4)), "a placeholder is not a disguise");
    }

    @Test
    void punctuationIsNotAWord() {
        Token comma = TextPipeline.standard().tokenize("well , ok").get(1);
        float[] f = new float[TokenFeatures.COUNT];
        TokenFeatures.of(comma, 0f, true, f);
        assertArrayEquals(new float[] {0, 0, 0, 0, 0}, f);
    }
}
