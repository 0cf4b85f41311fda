package org.parley.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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

    /** The warning at start-up says so where the JVM runs without the flag (the tests run with it, as scripts/serve). */
    @Test
    void itReadsWhetherThisJvmCompilesHugeMethods() {
        boolean flag = java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments()
                .contains("-XX:-DontCompileHugeMethods");
        assertEquals(flag, CoreNlpLexer.lexerCompiled());
    }

    @Test
    void reusedLexerGivesWhatAFreshTokenizerGives() {
        List<String> texts = List.of("Hello, world! Don't you think so?", "f*ck a$$ fu*k http://x.com @bob #Tag",
                "\u201Cquotes\u201D (parens) [brackets] {braces} -- dashes... 3.5% $5",
                "a".repeat(CoreNlpLexer.MAX_SEGMENT), "", "x", "Mr. Smith's co-op in the U.S.A. costs $1,000.50.",
                "line\nbreaks\r\nand\ttabs", "emoji \uD83D\uDE02\uD83D\uDE02 and \u00BD",
                // a tag is one token only in the lexical state the lexer's constructor chose, which yyreset forgets
                "<b>bold</b> and<br/>more");
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

    /** CoreNLP rewrites these tokens even with the options set (an entity decoded, a soft hyphen dropped, an accent
     * composed, a period added, cp1252's controls read as their characters); a draft is the text it covers. */
    @Test
    void eachDraftIsTheTextItCoversNotTheLexersRewriteOfIt() {
        for (String text : List.of("&lt;3 you", "co\u00ADop", "cafe\u0301", "etc.", "\u0080 \u0086 a\u0095b")) {
            List<Draft> reused = CoreNlpLexer.tokenize(text), fresh = CoreNlpLexer.tokenizeFresh(text);
            assertEquals(spans(fresh), spans(reused), text);
            assertFalse(reused.isEmpty(), text);
            for (Draft d : reused) assertEquals(text.substring(d.begin, d.end), d.text, text);
            for (Draft d : fresh) assertEquals(text.substring(d.begin, d.end), d.text, text);
        }
    }

    /**
     * Lexed whole it would be one token; the segments cut it every {@value CoreNlpLexer#HARD_SEGMENT} chars until the rest
     * fits in one segment.
     */
    @Test
    void aRunWithoutWhitespaceLongerThanASegmentIsCutEveryHardSegment() {
        List<Draft> drafts = CoreNlpLexer.tokenize("a".repeat(2 * CoreNlpLexer.MAX_SEGMENT));
        assertEquals(List.of("0-100", "100-200", "200-300", "300-400", "400-500", "500-1000"),
                drafts.stream().map(d -> d.begin + "-" + d.end).toList());
    }

    @Test
    void aSegmentEndsAtTheTextsEndWhenItFitsAndNeverRightAfterItsStart() {
        String fits = "ab ".repeat(166) + "ab"; // exactly one segment, not ending in whitespace
        assertEquals(CoreNlpLexer.MAX_SEGMENT, fits.length());
        assertEquals(fits.length(), CoreNlpLexer.segmentEnd(fits, 0));
        assertEquals(fits.length() + 3, CoreNlpLexer.segmentEnd("abc" + fits, 3));
        // whitespace at the segment's first char alone is no cut: a segment of it would hold no token
        assertEquals(CoreNlpLexer.HARD_SEGMENT, CoreNlpLexer.segmentEnd(" " + "a".repeat(CoreNlpLexer.MAX_SEGMENT + 100), 0));
    }

    @Test
    void aHardCutDoesNotSplitALoneSurrogatePair() {
        String text = "a".repeat(CoreNlpLexer.HARD_SEGMENT - 1) + "\uD83D\uDE02" + "a".repeat(CoreNlpLexer.MAX_SEGMENT);
        assertEquals(CoreNlpLexer.HARD_SEGMENT - 1, CoreNlpLexer.segmentEnd(text, 0));
    }

    /** No cut within the hard segment falls between raw chars: the first after it does, else the text's end. */
    @Test
    void aRawCharOfMoreCleanCharsThanAHardSegmentIsCutAfterWhole() {
        CleanText.Builder twoMore = new CleanText.Builder("xyz");
        twoMore.append("q".repeat(CoreNlpLexer.MAX_SEGMENT + 100), 0, 1);
        twoMore.copy(1, 3);
        assertEquals(CoreNlpLexer.MAX_SEGMENT + 100, CoreNlpLexer.segmentEnd(twoMore.build(), 0));
        CleanText.Builder alone = new CleanText.Builder("x");
        alone.append("q".repeat(CoreNlpLexer.MAX_SEGMENT + 200), 0, 1);
        assertEquals(CoreNlpLexer.MAX_SEGMENT + 200, CoreNlpLexer.segmentEnd(alone.build(), 0));
    }

    private static List<String> spans(List<Draft> drafts) {
        return drafts.stream().map(d -> d.text + "@" + d.begin + "-" + d.end).toList();
    }
}
