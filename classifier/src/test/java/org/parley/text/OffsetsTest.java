package org.parley.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Offsets always point into the raw text, whatever cleaning changed. */
class OffsetsTest {
    private static final TextPipeline PIPELINE = TextPipeline.standard();

    @ParameterizedTest
    @ValueSource(strings = {
        "You are an id1ot &amp; a f*cking m0ron!!! http://x.com @bob #BuildTheWall",
        "ḟüçk ＹＯＵ ﬁne café\u0301 Z\u0336a\u0337l\u0338g\u0339o",
        "it&amp;#39;s &lt;b&gt;bold&lt;/b&gt; &#128514;&#128514;&#128514; &nbsp;x",
        "f\u200Bu\u00ADck \u0456d\u0456\u043Et \uD83D\uDC4D\uD83C\uDFFD \u2764\uFE0F",
        "x\uD800y \uDC00z \u0000\u0007 \r\n\t tail\uD83D",
        "f u c k a$$ fu*k SHUT UP YOU MORON",
        "\u201CQuoted\u201D \u2014 dash\u2026 and \u2018single\u2019",
        "",
        "   ",
    })
    void originalIsTheRawSubstring(String raw) {
        assertOffsets(raw);
    }

    @Test
    void reportsRawOffsetsAfterCleaningChangedLengths() {
        String raw = "&amp;#39;ḟüçk ＹＯＵ a$$ ﬁne";
        List<Token> tokens = PIPELINE.tokenize(raw);
        assertEquals(List.of(
                new Token("'", "&amp;#39;", 0, 9),
                new Token("fuck", "ḟüçk", 9, 13),
                new Token("you", "ＹＯＵ", 14, 17),
                new Token("ass", "a$$", 18, 21),
                new Token("fine", "ﬁne", 22, 25)), tokens);
    }

    @Test
    void holdsOnRandomMixesOfTrickyChars() {
        String[] pieces = {"a", "B", "é", "e\u0301", " ", "  ", "\n", "&amp;", "&#39;", "&", "#", "@", "*", "$", "!", ".",
            "1", "0", "ﬁ", "ｆ", "\u200B", "\u00AD", "\uD83D\uDE02", "\uD83C\uDFFD", "\uFE0F", "\uD800", "\u0000",
            "\u0456", "\u043E", "Ж", "http://x.co", "f*ck", "a$$", "id1ot", "<b>", "'", "\"", "-", "(", ")", "SHOUT"};
        Random random = new Random(7);
        for (int n = 0; n < 2_000; n++) {
            StringBuilder raw = new StringBuilder();
            int length = random.nextInt(30);
            for (int k = 0; k < length; k++) {
                raw.append(pieces[random.nextInt(pieces.length)]);
            }
            assertOffsets(raw.toString());
        }
    }

    static void assertOffsets(String raw) {
        assertOffsets(raw, PIPELINE.tokenize(raw));
    }

    /** Offsets of {@code tokens} are right for {@code raw}, and {@code tokens()} gives the same forms. */
    static void assertOffsets(String raw, List<Token> tokens) {
        for (Token t : tokens) {
            assertTrue(0 <= t.begin() && t.begin() < t.end() && t.end() <= raw.length(), () -> t + " in " + raw);
            assertEquals(raw.substring(t.begin(), t.end()), t.original(), () -> t + " in " + raw);
            assertTrue(!t.text().isEmpty(), () -> t + " in " + raw);
        }
        assertEquals(PIPELINE.tokens(raw), tokens.stream().map(Token::text).toList(), raw);
    }
}
