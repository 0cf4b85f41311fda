package org.parley.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class TextPipelineTest {
    @Test
    void standardIsShared() {
        assertSame(TextPipeline.standard(), TextPipeline.standard());
    }

    @Test
    void tokenizesATypicalToxicComment() {
        String raw = "@Bob you are a F*CKING id1ot!!!! Read http://x.com &amp; STOP POSTING #GetALife";
        assertEquals(List.of("<user>", "you", "are", "a", "fucking", "<allcaps>", "idiot", "!!", "read", "<url>", "&",
                "stop", "posting", "<allcaps>", "get", "a", "life"), TextPipeline.standard().tokens(raw));
    }

    @Test
    void rejectsNullNamingIt() {
        NullPointerException e = assertThrows(NullPointerException.class, () -> TextPipeline.standard().tokenize(null));
        assertEquals("raw text", e.getMessage());
        assertThrows(NullPointerException.class, () -> TextPipeline.standard().tokens(null));
    }

    @Test
    void aStageBeforeWhatItNeedsFailsWhenThePipelineIsBuilt() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> new TextPipeline(List.of(
                new WebLinks(), new Lowercaser(), new Deobfuscator(Lexicon.STANDARD), new MaskJoiner(Lexicon.STANDARD))));
        assertEquals("text stage Deobfuscator needs [UNGLUED, JOINED] but the stages before it provide only "
                + "[CHARS, TOKENS, WEB, LOWERCASE]", e.getMessage());
    }

    @Test
    void aShorterPipelineIsFineWhenItsNeedsAreMet() {
        TextPipeline lowerOnly = new TextPipeline(List.of(new Lowercaser()));
        assertEquals(List.of("hello", "you", "!!!!"), lowerOnly.tokens("Hello YOU!!!!"));
    }
}
