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

    @Test
    void plainTextIsReturnedAsItIs() {
        for (String raw : new String[] {"You are an IDIOT", "Caf\u00e9 owners don't like well-known 2nd-rate food",
                "sooooo stupid", "see https://example.com/a1b2 now", "@someone 42 times", ""}) {
            assertSame(raw, WideText.of(raw, TextPipeline.standard().tokenize(raw)), raw);
        }
    }
}
