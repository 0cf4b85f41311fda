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

    /**
     * What each standard stage needs from the stages before it, beyond the lexer's tokens: alone, each is refused naming
     * it; in their order, made anew, they build (each provides what a later one needs). The standard pipeline is built
     * once per JVM, so a mutation run (fifty-fifth session) found a stage's needs and adds pinned by nothing.
     */
    @Test
    void eachStandardStageNeedsWhatTheStagesBeforeItAdd() {
        java.util.Map<String, String> needs = new java.util.LinkedHashMap<>();
        needs.put("WebLinks", "");
        needs.put("MissingSpaceSplitter", "[WEB]");
        needs.put("HashtagSplitter", "[WEB]");
        needs.put("Lowercaser", "");
        needs.put("MaskJoiner", "[WEB, LOWERCASE]");
        needs.put("Deobfuscator", "[UNGLUED, LOWERCASE, JOINED]");
        needs.put("Speller", "[LOWERCASE, DEOBFUSCATED]");
        needs.put("Placeholders", "[DEOBFUSCATED]");
        needs.put("RepeatSqueezer", "[LOWERCASE, DEOBFUSCATED]");
        needs.put("ShoutMarker", "[UNGLUED, HASHTAGS, JOINED]");
        List<Stage> stages = TextPipeline.stages(true);
        assertEquals(List.copyOf(needs.keySet()), stages.stream().map(Stage::name).toList());
        for (Stage stage : stages) {
            String missing = needs.get(stage.name());
            if (missing.isEmpty()) {
                new TextPipeline(List.of(stage));
                continue;
            }
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> new TextPipeline(List.of(stage)), stage.name());
            assertEquals("text stage " + stage.name() + " needs " + missing + " but the stages before it provide only [CHARS, TOKENS]",
                    e.getMessage());
        }
        assertEquals(List.of("hello", "<allcaps>", "!!"), new TextPipeline(stages).tokens("HELLO!!!!"));
        assertEquals(List.of("hello", "<allcaps>", "!!"), new TextPipeline(TextPipeline.stages(false)).tokens("HELLO!!!!"));
    }
}
