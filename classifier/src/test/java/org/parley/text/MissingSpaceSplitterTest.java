package org.parley.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import static org.parley.text.TokenForms.forms;

class MissingSpaceSplitterTest {
    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
        "u r smelly.Fuck ur mum | u r smelly . fuck ur mum",
        "gay boy.U r | gay boy . u r",
        "end.The next | end . the next",
        "hello!World | hello ! world",
        "what?Really | what ? really",
        "idiot.you suck | idiot . you suck",
        "stop!!Now | stop !! now",
        "ok so.U r | ok so . u r", // four characters, the shortest glued token
    })
    void splitsGluedSentences(String raw, String expected) {
        assertEquals(expected, forms(raw));
    }

    @ParameterizedTest(name = "{0} stays {1}")
    @CsvSource(delimiter = '|', value = {
        "sh.tty | shitty", // a masked word, not two sentences
        "sh!t sh.t | shit shit",
        "google.com | <url>",
        "e.g.This | e.g.this",
        "3.5 | <num>",
        "U.S. | u.s.",
        "Ph.D | ph.d",
        "a.b | a.b",
        "no.x no.X | no.x no.x", // one letter after the mark, and not the word I, U or A
    })
    void leavesOtherDottedTokensAlone(String raw, String expected) {
        assertEquals(expected, forms(raw));
    }

    @Test
    void piecesKeepTheirOffsets() {
        assertEquals(List.of(new Token("smelly", "smelly", 0, 6), new Token(".", ".", 6, 7), new Token("fuck", "Fuck", 7, 11)),
                TextPipeline.standard().tokenize("smelly.Fuck"));
    }

    /**
     * {@link MissingSpaceSplitter#cut} on the token clean[begin, end) alone, at its limits: two letters before the mark
     * at least, three marks at most, letters only after them, and the token's end, not the text's. Pinned after a
     * mutation run (fifty-fifth session) found these bounds untested.
     */
    @ParameterizedTest(name = "{0} [{1}, {2}) → {3}")
    @CsvSource(delimiter = '|', value = {
        "ab.Cd | 0 | 5 | 2 3",
        "ab.U | 0 | 4 | 2 3",
        "ab.I | 0 | 4 | 2 3",
        "ab.A | 0 | 4 | 2 3",
        "ab.x | 0 | 4 | none",       // one letter, not I, U or A
        "ab.xy | 0 | 5 | 2 3",
        "x a.Cd | 2 | 6 | none",     // one letter before the mark
        "x ab.Cd | 2 | 7 | 4 5",
        "ab!!!cd | 0 | 7 | 2 5",     // three marks
        "ab!!!!cd | 0 | 8 | none",   // four
        "ab.c-d | 0 | 6 | none",     // not letters after the mark
        "abcd | 0 | 4 | none",       // no mark
        "ab. | 0 | 3 | none",        // nothing after it
        "ab.!U | 0 | 3 | none",      // the text goes on past the token's end
        "abc!de | 0 | 3 | none",
    })
    void cutsAtTheMarkWithinTheToken(String clean, int begin, int end, String expected) {
        int[] cut = MissingSpaceSplitter.cut(clean, begin, end);
        assertEquals(expected, cut == null ? "none" : cut[0] + " " + cut[1]);
    }
}
