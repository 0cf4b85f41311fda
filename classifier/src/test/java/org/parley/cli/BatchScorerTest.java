package org.parley.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.parley.label.Attribute;
import org.parley.model.TinyBundles;
import org.parley.model.ToxicityModel;
import org.parley.stance.StanceBundle;
import org.parley.text.TextPipeline;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The batch scorer's threads: whatever the number of workers and the read-ahead, the output is the one-line-at-a-time output. */
class BatchScorerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    static ToxicityModel model;
    static String input;
    static String expected;

    @BeforeAll
    static void lines() throws IOException {
        model = new ToxicityModel(TinyBundles.create(), TextPipeline.standard(), 1);
        StringBuilder in = new StringBuilder(), out = new StringBuilder();
        // Several chunks, with bad lines and lines of very different lengths among them.
        int n = 3 * BatchScorer.CHUNK + 17;
        for (int i = 1; i <= n; i++) {
            String line;
            if (i % 97 == 0) line = "{not json";
            else if (i % 101 == 0) line = "";
            else line = JSON.writeValueAsString(JSON.createObjectNode().put("id", "c" + i)
                    .put("text", "comment " + i + (i % 3 == 0 ? " you idiot" : " nice day") + " and more".repeat(i % 40)));
            in.append(line).append('\n');
            out.append(oneAtATime(i, line)).append('\n');
        }
        input = in.toString();
        expected = out.toString();
    }

    /** What the scorer wrote for a line before it had threads: parse, score this text alone, write. */
    private static String oneAtATime(int number, String raw) throws IOException {
        ScoreCommand.Line l = ScoreCommand.parse(number, raw);
        ObjectNode o = JSON.createObjectNode();
        if (l.error() != null) return JSON.writeValueAsString(o.put("line", number).put("error", l.error()));
        o.set("id", l.id());
        ObjectNode attrs = o.putObject("attributes");
        float[] s = model.score(List.of(l.text()))[0];
        for (Attribute a : Attribute.values()) attrs.put(a.name(), s[a.ordinal()]);
        return JSON.writeValueAsString(o);
    }

    private static String run(int workers, long ahead) throws IOException {
        BatchScorer batch = BatchScorer.start(new BufferedReader(new StringReader(input)), false, workers, ahead);
        StringWriter out = new StringWriter();
        batch.score(model, null, out, new StanceFields(StanceBundle.shipped(), false));
        return out.toString();
    }

    @Test
    void theOutputIsTheOneLineAtATimeOutputInInputOrder() throws IOException {
        assertEquals(expected, run(2, BatchScorer.AHEAD));
    }

    @Test
    void oneWorkerOrManyGiveTheSameLines() throws IOException {
        assertEquals(expected, run(1, BatchScorer.AHEAD));
        assertEquals(expected, run(5, BatchScorer.AHEAD));
    }

    /** With a read-ahead under one chunk, the workers read a chunk only when the one before is written: no deadlock, same lines. */
    @Test
    void aTightReadAheadLimitStillFinishes() throws IOException {
        assertEquals(expected, run(3, 1));
    }

    /**
     * Memory stays flat on a file of any length: with a read-ahead of one character no chunk is read until every chunk
     * read before it is written, so the lines read and not yet written are never more than a chunk's.
     */
    @Test
    void theReadAheadBoundsTheLinesReadAndNotYetWritten() throws IOException {
        java.util.concurrent.atomic.AtomicInteger read = new java.util.concurrent.atomic.AtomicInteger();
        BufferedReader counted = new BufferedReader(new StringReader(input)) {
            @Override
            public String readLine() throws IOException {
                String line = super.readLine();
                if (line != null) read.incrementAndGet();
                return line;
            }
        };
        int[] written = {0, 0}; // lines written, and the most read but not written at any line's end
        StringWriter out = new StringWriter() {
            @Override
            public void write(int c) {
                super.write(c);
                if (c != '\n') return;
                written[0]++;
                written[1] = Math.max(written[1], read.get() - written[0]);
            }
        };
        BatchScorer.start(counted, false, 3, 1).score(model, null, out, new StanceFields(StanceBundle.shipped(), false));
        assertEquals(expected, out.toString());
        assertEquals(3 * BatchScorer.CHUNK + 17, written[0]);
        assertTrue(written[1] < BatchScorer.CHUNK, "at most the rest of the chunk being written: " + written[1]);
    }

    @Test
    void anEmptyInputWritesNothing() throws IOException {
        BatchScorer batch = BatchScorer.start(new BufferedReader(new StringReader("")), false, 2, BatchScorer.AHEAD);
        StringWriter out = new StringWriter();
        batch.score(model, null, out, new StanceFields(StanceBundle.shipped(), false));
        assertEquals("", out.toString());
    }

    @Test
    void aReadErrorReachesTheCaller() {
        BufferedReader broken = new BufferedReader(new StringReader("{\"id\": 1, \"text\": \"a\"}\n")) {
            @Override
            public String readLine() throws IOException {
                throw new IOException("disk gone");
            }
        };
        BatchScorer batch = BatchScorer.start(broken, false, 2, BatchScorer.AHEAD);
        IOException e = assertThrows(IOException.class,
                () -> batch.score(model, null, new StringWriter(), new StanceFields(StanceBundle.shipped(), false)));
        assertEquals("disk gone", e.getMessage());
    }

    /** A scored line is written without building its tree; the bytes are Jackson's. */
    @Test
    void aScoredLineIsWhatJacksonWritesForItsTree() throws IOException {
        float[][] scores = {{0.090443216f, 0.0033058058f, 1.0f, 0f, 8.779224E-4f, 7.202492E-5f},
                {Float.MIN_VALUE, 1e-10f, 0.5f, 0.99999994f, 1e7f, 123456.79f}, {Float.NaN, 0f, 0f, 0f, 0f, 0f}};
        for (String id : new String[] {"\"c-1\"", "7", "-12", "123456789012345678901234567890", "\"quote \\\" and \\\\ and \\n\"",
                "\"\\u0001 control\"", "\"café 😂 \\u2028\"", "\"\""}) {
            var node = JSON.readTree(id);
            for (float[] s : scores)
                assertEquals(JSON.writeValueAsString(BatchScorer.node(node, s)), BatchScorer.json(node, s), id);
        }
    }
}
