package org.parley.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class CoreNlpLexerTest {
    @Test
    void reusesOneLexerPerThread() {
        assertTrue(CoreNlpLexer.reusesLexers(), "CoreNLP's PTBLexer no longer has the members CoreNlpLexer reuses "
                + "(constructor, yyreset, next, yystate, yybegin): tokenising now builds a tokenizer per text, "
                + "about 12% slower; adapt CoreNlpLexer to this CoreNLP version");
    }

    @Test
    void reusedLexerGivesWhatAFreshTokenizerGives() {
        List<String> texts = List.of("Hello, world! Don't you think so?", "f*ck a$$ fu*k http://x.com @bob #Tag",
                "\u201Cquotes\u201D (parens) [brackets] {braces} -- dashes... 3.5% $5",
                "a".repeat(CoreNlpLexer.MAX_SEGMENT), "", "x", "Mr. Smith's co-op in the U.S.A. costs $1,000.50.",
                "line\nbreaks\r\nand\ttabs", "emoji \uD83D\uDE02\uD83D\uDE02 and \u00BD");
        for (int round = 0; round < 2; round++) { // the second round reuses lexers that saw every text
            for (String text : texts) {
                assertEquals(spans(CoreNlpLexer.tokenizeFresh(text)), spans(CoreNlpLexer.tokenize(text)), text);
            }
        }
    }

    @Test
    void keepsBoundariesTheRestOfThePipelineRelies() {
        assertEquals(List.of("covid-19", "and", "/", "or", "gonna", "do", "n't", "C++", "f*ck", "sh!t", "a", "$$"),
                CoreNlpLexer.tokenize("covid-19 and/or gonna don't C++ f*ck sh!t a$$").stream().map(d -> d.text).toList());
    }

    @Test
    void longTextsAreLexedInSegmentsCutAtWhitespace() {
        String sentence = "The quick brown fox, who isn't slow, jumps over 3 lazy dogs. ";
        String text = sentence.repeat(40);
        assertEquals(spans(CoreNlpLexer.tokenizeFresh(text)), spans(CoreNlpLexer.tokenize(text)));
        int end = CoreNlpLexer.segmentEnd(text, 0);
        assertTrue(end <= CoreNlpLexer.MAX_SEGMENT && Character.isWhitespace(text.charAt(end - 1)), "cut at " + end);
    }

    @Test
    void aSegmentWithoutWhitespaceIsCutHardButNotInsideASurrogatePair() {
        String emoji = "\uD83D\uDE02";
        String text = "x" + emoji.repeat(CoreNlpLexer.MAX_SEGMENT);
        int end = CoreNlpLexer.segmentEnd(text, 0);
        assertEquals(CoreNlpLexer.HARD_SEGMENT - 1, end); // the cut fell between a high and a low surrogate
        assertEquals(CoreNlpLexer.HARD_SEGMENT, CoreNlpLexer.segmentEnd("a".repeat(2 * CoreNlpLexer.MAX_SEGMENT), 0));
    }

    /** Found by TextPipelineProperties: a hard cut among the three clean chars of one "ﬃ" made two tokens share it. */
    @Test
    void aHardCutFallsBetweenRawCharsNotAmongTheCleanCharsOfOne() {
        String raw = "\uFB03".repeat(200); // "ﬃ": three clean chars each
        CleanText clean = TextCleaner.clean(raw);
        int end = CoreNlpLexer.segmentEnd(clean, 0);
        assertEquals(CoreNlpLexer.HARD_SEGMENT - 1, end, "after the 33rd ligature, not inside the 34th");
        List<Token> tokens = TextPipeline.standard().tokenize(raw);
        for (int i = 1; i < tokens.size(); i++) {
            assertTrue(tokens.get(i).begin() >= tokens.get(i - 1).end(), tokens.get(i - 1) + " overlaps " + tokens.get(i));
        }
        assertEquals(raw.length(), tokens.get(tokens.size() - 1).end());
    }

    @Test
    void aLongUrlAcrossTheSegmentLimitStaysWhole() {
        String prefix = "word ".repeat(60);
        String text = prefix + "http://x.com/" + "a".repeat(400) + " now";
        assertEquals(prefix.length(), CoreNlpLexer.segmentEnd(text, 0)); // cut before the URL
        assertEquals(text.length(), CoreNlpLexer.segmentEnd(text, prefix.length()));
        assertEquals(List.of("word", "<url>", "now"), TextPipeline.standard().tokens(text).stream().distinct().toList());
    }

    private static List<String> spans(List<Draft> drafts) {
        return drafts.stream().map(d -> d.text + "@" + d.begin + "-" + d.end).toList();
    }
}
