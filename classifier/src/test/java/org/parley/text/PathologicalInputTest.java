package org.parley.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Long and hostile inputs terminate with sensible tokens. The class timeout is a guard against
 * hangs (each case takes milliseconds), not a speed test.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class PathologicalInputTest {
    private static final TextPipeline PIPELINE = TextPipeline.standard();
    private static final int LONG = 20_000;

    private static List<String> texts(List<Token> tokens) {
        return tokens.stream().map(Token::text).toList();
    }

    private static List<Token> tokenize(String raw) {
        List<Token> tokens = PIPELINE.tokenize(raw);
        OffsetsTest.assertOffsets(raw, tokens);
        return tokens;
    }

    @Test
    void longRunOfOneLetterIsCutIntoSegmentsThatCoverIt() {
        String raw = "a".repeat(LONG);
        List<Token> tokens = tokenize(raw);
        int begin = 0;
        for (Token t : tokens) {
            assertEquals(new Token("aa", raw.substring(begin, t.end()), begin, t.end()), t);
            assertTrue(t.end() - t.begin() <= CoreNlpLexer.MAX_SEGMENT);
            begin = t.end();
        }
        assertEquals(LONG, begin);
    }

    @Test
    void longRunsOfSymbols() {
        assertEquals(List.of("!!", "!!"), PIPELINE.tokens("!".repeat(LONG))); // segments, then repeats capped
        assertEquals(List.of("...", "..."), PIPELINE.tokens(".".repeat(LONG)));
        // the ones CoreNLP's lexer was slowest on before texts were lexed in segments
        for (String unit : List.of("&", "\"", "'", "&#", "a*", "a$", "&amp;", "(")) {
            List<Token> tokens = tokenize(unit.repeat(LONG / unit.length()));
            assertTrue(tokens.size() <= LONG, unit);
        }
    }

    @Test
    void longRunsOfSpacedLetters() {
        List<Token> tokens = tokenize("a ".repeat(LONG / 2));
        assertEquals(LONG / 2, tokens.size());
        assertEquals(List.of("fuck", "fuck"), PIPELINE.tokens("f u c k f u c k"));
    }

    @Test
    void onlyEmoji() {
        List<Token> tokens = tokenize("\uD83D\uDE02".repeat(LONG / 2));
        assertEquals(2, tokens.size());
        assertEquals(List.of("\uD83D\uDE00", "\uD83D\uDC4D", "\u2764"), PIPELINE.tokens("\uD83D\uDE00\uD83D\uDC4D\uD83C\uDFFD\u2764\uFE0F"));
    }

    @Test
    void onlyWhitespaceOrNothing() {
        assertEquals(List.of(), tokenize(""));
        assertEquals(List.of(), tokenize(" \n\t\r\u00A0\u2003\u3000".repeat(LONG / 7)));
        assertEquals(List.of(), tokenize("\u200B\u00AD\uFEFF".repeat(LONG / 3)));
    }

    @Test
    void controlCharsAndUnpairedSurrogates() {
        assertEquals(List.of(), tokenize("\u0000\u0001\u0007\u001B\u007F\u0085".repeat(LONG / 6)));
        assertEquals(List.of(), tokenize("\uD800".repeat(LONG))); // high surrogates with no low one
        assertEquals(List.of(), tokenize("\uDC00".repeat(LONG)));
        assertEquals(List.of(), tokenize("\uDC00\uD800 ".repeat(LONG / 3))); // each pair the wrong way round
        assertEquals(List.of("a", "b", "c"), PIPELINE.tokens("a\uD800b\uDC00c"));
        assertEquals(List.of("end"), PIPELINE.tokens("end\uD83D")); // an emoji cut in half
    }

    @Test
    void combiningMarkFloods() {
        List<Token> tokens = tokenize("a" + "\u0301".repeat(LONG));
        assertEquals(List.of("a"), tokens.stream().map(Token::text).toList());
        assertEquals(List.of(), tokenize("\u0301".repeat(LONG)), "marks with no base: nothing to read");
    }

    @Test
    void longRealisticTextIsTokenizedWhole() {
        String sentence = "You are a f*cking id1ot &amp; everyone knows it!!! http://x.com #Sad ";
        String raw = sentence.repeat(LONG / sentence.length());
        List<Token> tokens = tokenize(raw);
        assertTrue(tokens.size() > 3_000);
        assertEquals(raw.length() - 1, tokens.get(tokens.size() - 1).end());
    }

    @Test
    void longTokensAndMixedGarbage() {
        // Each still reads as what it is: a link, a hashtag's words, a mention, a number; nothing is dropped whole.
        assertEquals("<url>", texts(tokenize("http://x.com/" + "a".repeat(LONG))).get(0));
        assertEquals("ab", texts(tokenize("#" + "Ab".repeat(LONG / 2))).get(0));
        assertEquals("<user>", texts(tokenize("@" + "a".repeat(LONG))).get(0));
        List<String> number = texts(tokenize("1".repeat(LONG)));
        assertFalse(number.isEmpty());
        assertTrue(number.stream().allMatch("<num>"::equals), number.subList(0, Math.min(5, number.size())).toString());
        assertFalse(tokenize("a1".repeat(LONG / 2)).isEmpty());
        assertEquals(LONG, tokenize("\uFDFD\u0BF5\uA9C5\u0E3F".repeat(LONG / 4)).size(), "wide and unusual symbols: one token each");
    }
}
