package org.parley.explain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.text.TextPipeline;

import java.io.BufferedReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class SpanLexiconTest {
    private static BitSet range(int from, int to) {
        BitSet b = new BitSet();
        b.set(from, to);
        return b;
    }

    /** On a full disk (/dev/full here) the error names the file; until the forty-eighth session it said "No space left on device" alone. */
    @Test
    void aLexiconThatCannotBeWrittenIsNamed(@TempDir Path dir) throws Exception {
        Path full = Path.of("/dev/full");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(full) && !Files.isRegularFile(full), "Linux's /dev/full");
        Path file = Files.createSymbolicLink(dir.resolve("lexicon.tsv"), full);
        java.io.IOException e = assertThrows(java.io.IOException.class, () -> SpanLexicon.empty().write(file));
        assertEquals("cannot write " + file + ": No space left on device", e.getMessage());
    }

    @Test
    void learnsHowOftenAWordIsInsideAGoldSpanShrunkByOne(@TempDir Path dir) throws Exception {
        // "idiot" marked 3 times of 3 -> 3/4; "you" never marked -> left out; "rare" seen twice -> below MIN_COUNT.
        List<String> texts = List.of("you idiot", "You IDIOT rare", "you idiot rare");
        List<BitSet> gold = List.of(range(4, 9), range(4, 9), range(4, 9));
        SpanLexicon lexicon = SpanLexicon.learn(texts, gold, TextPipeline.standard());
        assertEquals(0.75f, lexicon.rate("idiot"), 1e-6);
        assertEquals(0f, lexicon.rate("you"));
        assertEquals(0f, lexicon.rate("rare"));

        Path file = dir.resolve("lexicon.tsv");
        lexicon.write(file);
        try (BufferedReader in = Files.newBufferedReader(file)) {
            assertEquals(0.75f, SpanLexicon.read(in).rate("idiot"), 1e-4);
        }
    }

    /** A word counts as marked when more than half its chars are; a word seen exactly {@link SpanLexicon#MIN_COUNT} times is kept. */
    @Test
    void aWordIsMarkedPastHalfAndKeptFromTheMinimumCount() {
        BitSet first = range(0, 2);  // half of the first "jerk": not marked
        first.set(5, 8);             // three of the second's four chars: marked
        BitSet dope = range(0, 4);
        SpanLexicon lexicon = SpanLexicon.learn(List.of("jerk jerk jerk", "jerk", "dope dope dope", "calm calm calm"),
                List.of(first, new BitSet(), dope, new BitSet()), TextPipeline.standard());
        assertEquals(1 / 5f, lexicon.rate("jerk"), 1e-6, "one of four occurrences marked");
        assertEquals(1 / 4f, lexicon.rate("dope"), 1e-6, "seen three times, the minimum");
        assertEquals(2, lexicon.size(), "a word never marked (\"calm\") is left out, not kept at 0");
    }

    @Test
    void theShippedLexiconKnowsInsultsAndNotFunctionWords() {
        SpanLexicon lexicon = SpanLexicon.standard();
        assertTrue(lexicon.size() > 500, "size " + lexicon.size());
        assertTrue(lexicon.rate("idiot") > 0.5, "idiot " + lexicon.rate("idiot"));
        assertTrue(lexicon.rate("the") < 0.05, "the " + lexicon.rate("the"));
    }
}
