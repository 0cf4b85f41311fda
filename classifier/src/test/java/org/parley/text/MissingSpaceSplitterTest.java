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
}
