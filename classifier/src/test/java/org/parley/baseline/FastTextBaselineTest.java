package org.parley.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.eval.Evaluation;
import org.parley.label.Attribute;

class FastTextBaselineTest {
    private static final Path BINARY = Path.of("/usr/bin/fasttext");

    @TempDir Path work;

    /** Small buckets keep the toy models at a few MB instead of 400. */
    private FastTextBaseline.Options toyOptions() {
        return FastTextBaseline.Options.defaults().withBinary(BINARY.toString()).withBucket(10_000).withEpoch(25)
                .withWorkDir(work);
    }

    @Test
    void trainsAndScoresWithTheRealBinary() throws IOException {
        // Fails rather than skips, as the README says: .ci/run installs it.
        assertTrue(Files.isExecutable(BINARY), "the fastText baseline test needs Debian's fasttext: apt-get install -y fasttext");
        try (FastTextBaseline model = FastTextBaseline.train(LinearBaselineTest.toy(200, 1, "train"), toyOptions())) {
            assertEquals("fasttext", model.name());
            assertTrue(model.fitted(Attribute.TOXICITY));
            assertFalse(model.fitted(Attribute.THREAT));
            Evaluation e = Evaluation.of(model, LinearBaselineTest.toy(100, 2, "dev"));
            assertTrue(e.attribute(Attribute.TOXICITY).rocAuc() > 0.95, e.toJson());
            assertTrue(e.attribute(Attribute.INSULT).rocAuc() > 0.95, e.toJson());

            float[][] s = model.score(List.of("you idiot", "have a nice day", "", "line\nbreak\tand\r\ntab",
                    "__label__1 nice day"));
            assertEquals(5, s.length);
            assertTrue(s[0][Attribute.TOXICITY.ordinal()] > s[1][Attribute.TOXICITY.ordinal()]);
            for (float[] row : s) {
                assertTrue(Float.isNaN(row[Attribute.THREAT.ordinal()]));
                assertEquals(0f, row[Attribute.SEVERE_TOXICITY.ordinal()]);
                assertTrue(row[Attribute.TOXICITY.ordinal()] >= 0f && row[Attribute.TOXICITY.ordinal()] <= 1f);
            }
            // Only the models remain between calls: training files and word vectors are gone.
            try (Stream<Path> files = Files.walk(work)) {
                assertTrue(files.noneMatch(p -> p.toString().endsWith(".txt") || p.toString().endsWith(".vec")));
            }
        }
        try (Stream<Path> files = Files.list(work)) {
            assertEquals(0, files.count(), "close() deletes the model directory");
        }
    }

    @Test
    void missingBinaryIsAClearError() {
        var e = assertThrows(IllegalStateException.class, () -> FastTextBaseline.train(
                LinearBaselineTest.toy(10, 1, "t"), toyOptions().withBinary("/nonexistent/fasttext")));
        assertTrue(e.getMessage().startsWith("fastText binary /nonexistent/fasttext is missing or not executable; "
                + "install it with 'sudo apt-get install -y fasttext'"), e.getMessage());
        e = assertThrows(IllegalStateException.class, () -> FastTextBaseline.locate("no-such-fasttext-binary"));
        assertTrue(e.getMessage().startsWith("fastText binary 'no-such-fasttext-binary' is not on PATH"), e.getMessage());
    }

    @Test
    void flattensToOneLowerCaseLine() {
        assertEquals("you idiot on two lines", FastTextBaseline.flatten("  You IDIOT\r\non\ttwo\u2028lines \n"));
        assertEquals("a b c", FastTextBaseline.flatten("a\u0000b\u0085c"));
        assertEquals("label1 fake label", FastTextBaseline.flatten("__label__1 fake __LABEL__"));
        assertEquals("", FastTextBaseline.flatten(" \t\n"));
    }

    @Test
    void readsPredictProbLines() throws IOException {
        assertEquals(0.97f, FastTextBaseline.positiveProbability("__label__1 0.97 __label__0 0.03", Attribute.INSULT, 0));
        assertEquals(0.25f, FastTextBaseline.positiveProbability("__label__0 0.75", Attribute.INSULT, 0));
        assertEquals(1f, FastTextBaseline.positiveProbability("__label__1 1.00001 __label__0 1e-05", Attribute.INSULT, 0));
        var e = assertThrows(IOException.class, () -> FastTextBaseline.positiveProbability("", Attribute.INSULT, 6));
        assertEquals("fasttext predict-prob for INSULT, line 7: cannot read ''", e.getMessage());
    }
}
