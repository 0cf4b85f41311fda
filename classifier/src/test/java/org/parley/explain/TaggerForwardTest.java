package org.parley.explain;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.parley.text.TextPipeline;
import org.parley.text.Token;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The plain-Java tagger against DL4J's graph: every window as DL4J tags it with padding after it
 * past the convolutions' reach (how SpanTagger reads every window), alone or in any batch.
 */
class TaggerForwardTest {
    /** More padding than any tested shape's convolutions reach across (2 layers, kernel ≤ 5, dilation ≤ 3). */
    private static final int PADDING = 16;

    /**
     * DL4J's probabilities for each window of MAX_TOKENS with PADDING positions of padding after it
     * (no mask), as training's batches padded all but their longest comment.
     */
    private static float[][] dl4j(SpanTagger tagger, List<List<Token>> comments, List<float[]> rates) {
        List<List<Token>> windows = new ArrayList<>();
        List<float[]> windowRates = rates == null ? null : new ArrayList<>();
        for (int i = 0; i < comments.size(); i++)
            for (int from = 0; from < Math.max(1, comments.get(i).size()); from += SpanTagger.MAX_TOKENS) {
                int to = Math.min(comments.get(i).size(), from + SpanTagger.MAX_TOKENS);
                windows.add(comments.get(i).subList(from, to));
                if (rates != null) windowRates.add(java.util.Arrays.copyOfRange(rates.get(i), from, to));
            }
        float[][] tagged = new float[windows.size()][];
        for (int w = 0; w < windows.size(); w++) {
            List<Token> window = windows.get(w);
            SpanTagger.Encoded e = tagger.encode(List.of(window), rates == null ? null : List.of(windowRates.get(w)), null);
            // PADDING more positions: id PAD and zero features, as encode pads a shorter comment.
            INDArray ids = Nd4j.concat(1, e.ids(), Nd4j.zeros(e.ids().dataType(), 1, PADDING).addi(SpanTagger.PAD));
            INDArray features = Nd4j.concat(2, e.features(), Nd4j.zeros(e.features().dataType(), 1, TokenFeatures.COUNT, PADDING));
            INDArray p = tagger.network().output(ids, features)[0];
            tagged[w] = new float[window.size()];
            for (int t = 0; t < tagged[w].length; t++) tagged[w][t] = p.getFloat(0, 0, t);
        }
        float[][] out = new float[comments.size()][];
        int w = 0;
        for (int i = 0; i < comments.size(); i++) {
            out[i] = new float[comments.get(i).size()];
            for (int from = 0; from < Math.max(1, out[i].length); from += SpanTagger.MAX_TOKENS, w++)
                System.arraycopy(tagged[w], 0, out[i], from, tagged[w].length);
        }
        return out;
    }

    private static void assertSame(float[][] expected, float[][] actual, List<List<Token>> comments, String what) {
        assertEquals(expected.length, actual.length);
        for (int i = 0; i < expected.length; i++)
            assertArrayEquals(expected[i], actual[i], 1e-5f, what + ", comment " + i + " (" + comments.get(i).size() + " tokens)");
    }

    private static List<List<Token>> realComments() throws IOException {
        ObjectMapper json = new ObjectMapper();
        String resource = "/org/parley/model/real-comments.jsonl";
        List<List<Token>> out = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                Objects.requireNonNull(TaggerForwardTest.class.getResourceAsStream(resource), resource), StandardCharsets.UTF_8))) {
            for (String line : in.lines().toList()) out.add(TextPipeline.standard().tokenize(json.readTree(line).get("text").asText()));
        }
        return out;
    }

    @Test
    void theShippedTaggerGivesDl4jsProbabilitiesOnRealCommentsAloneAndInBatches() throws IOException {
        SpanTagger tagger = SpanTagger.standard();
        assertNotNull(tagger, "no shipped tagger");
        List<List<Token>> comments = new ArrayList<>(realComments());
        comments.add(TextPipeline.standard().tokenize("idiot"));
        comments.add(TextPipeline.standard().tokenize(""));
        comments.add(TextPipeline.standard().tokenize("you are such an idiot ".repeat(150))); // 750 tokens: two windows
        int oneToken = 0, long_ = 0, tokens = 0;
        // DL4J tags each window alone (dl4j), so its answers for a batch are those of its comments alone: taken once,
        // where three calls spent most of the classifier module's slowest test in DL4J.
        float[][] expected = new float[comments.size()][];
        for (int i = 0; i < comments.size(); i++) {
            List<Token> c = comments.get(i);
            if (c.size() == 1) oneToken++;
            if (c.size() > SpanTagger.MAX_TOKENS) long_++;
            tokens += c.size();
            expected[i] = dl4j(tagger, List.of(c), null)[0];
            assertSame(new float[][] {expected[i]}, tagger.probabilities(List.of(c)), List.of(c), "alone");
        }
        assertTrue(oneToken >= 1 && long_ >= 2 && tokens > 10_000, oneToken + " one-token, " + long_ + " long, " + tokens + " tokens");
        // In one call, each comment as alone: what else is tagged with it changes nothing.
        assertSame(expected, tagger.probabilities(comments), comments, "in batches");
        List<List<Token>> reversed = new ArrayList<>(comments);
        java.util.Collections.reverse(reversed);
        List<float[]> expectedReversed = new ArrayList<>(List.of(expected));
        java.util.Collections.reverse(expectedReversed);
        assertSame(expectedReversed.toArray(float[][]::new), tagger.probabilities(reversed), reversed, "reversed, in batches");
    }

    /** With one OpenBLAS thread (as the service runs) a window's convolution is one product, not blocks of rows. */
    @Test
    void withOneOpenBlasThreadTheWholeWindowProductGivesDl4jsProbabilities() throws IOException {
        SpanTagger tagger = SpanTagger.standard();
        List<List<Token>> comments = realComments();
        float[][] blocked = tagger.probabilities(comments);
        int threads = org.parley.model.BlasThreads.count();
        assertTrue(threads > 1, "the tests run OpenBLAS with its default threads, not " + threads);
        try {
            org.parley.model.BlasThreads.useOne();
            assertEquals(1, org.parley.model.BlasThreads.count());
            float[][] whole = tagger.probabilities(comments);
            assertSame(dl4j(tagger, comments, null), whole, comments, "one thread");
            assertSame(blocked, whole, comments, "one thread against blocks of rows");
        } finally {
            org.parley.model.BlasThreads.use(threads);
        }
    }

    /** Requests tag at once on many threads (OpenBLAS underneath): each gets exactly what it gets alone. */
    @Test
    void concurrentCallersGetTheAnswersOfOne() throws Exception {
        SpanTagger tagger = SpanTagger.standard();
        List<List<Token>> comments = realComments();
        List<float[]> alone = new ArrayList<>();
        for (List<Token> c : comments) alone.add(tagger.probabilities(List.of(c))[0]);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<List<float[]>>> runs = new ArrayList<>();
            for (int run = 0; run < 8; run++) {
                List<Integer> order = new ArrayList<>();
                for (int i = 0; i < comments.size(); i++) order.add(i);
                java.util.Collections.shuffle(order, new Random(run));
                runs.add(pool.submit(() -> {
                    float[][] got = new float[comments.size()][];
                    for (int i : order) got[i] = tagger.probabilities(List.of(comments.get(i)))[0];
                    return List.of(got);
                }));
            }
            for (java.util.concurrent.Future<List<float[]>> run : runs) {
                List<float[]> got = run.get();
                for (int i = 0; i < comments.size(); i++) assertArrayEquals(alone.get(i), got.get(i), "comment " + i);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** An even kernel and a dilation (uneven 'Same' padding), biases and a padding row that are not zero, random features. */
    @Test
    void matchesDl4jOnOtherShapes() {
        Random random = new Random(3);
        List<String> words = List.of("you", "idiot", "are", "an", "the", "council");
        for (int[] shape : new int[][] {{4, 2}, {3, 3}, {2, 1}, {5, 2}}) {
            ComputationGraph network = SpanTaggerNetwork.create(words.size() + 2,
                    new SpanTaggerNetwork.Config(6, 7, shape[0], shape[1], 0.01, 0.01, 0.2, shape[0]));
            for (String layer : new String[] {"conv1", "conv2", "out"}) {
                INDArray b = network.getLayer(layer).getParam("b");
                for (int k = 0; k < b.length(); k++) b.putScalar(k, random.nextGaussian() * 0.3);
            }
            network.getLayer(SpanTaggerNetwork.EMBED).getParam("W").getRow(SpanTagger.PAD).assign(0.5);
            SpanLexicon lexicon = SpanLexicon.empty();
            SpanTagger tagger = new SpanTagger(words, network, lexicon, "{}");
            List<List<Token>> comments = new ArrayList<>();
            List<float[]> rates = new ArrayList<>();
            for (int n : new int[] {1, 2, 3, 7, 20, 0, 5}) {
                StringBuilder text = new StringBuilder();
                for (int t = 0; t < n; t++) text.append(random.nextInt(4) == 0 ? "WHAT?! " : words.get(random.nextInt(words.size())) + " ");
                List<Token> tokens = TextPipeline.standard().tokenize(text.toString());
                float[] r = new float[tokens.size()];
                for (int t = 0; t < r.length; t++) r[t] = random.nextFloat();
                comments.add(tokens);
                rates.add(r);
                String what = "kernel " + shape[0] + ", dilation " + shape[1] + ", alone";
                assertSame(dl4j(tagger, List.of(tokens), List.of(r)), tagger.probabilities(List.of(tokens), List.of(r)), List.of(tokens), what);
            }
            float[][] batched = tagger.probabilities(comments, rates);
            assertSame(dl4j(tagger, comments, rates), batched, comments, "kernel " + shape[0] + ", dilation " + shape[1] + ", in a batch");
            // Unpadded, DL4J reads the last tokens otherwise: the padding is really tested here.
            List<Token> c = comments.get(3);
            SpanTagger.Encoded e = tagger.encode(List.of(c), List.of(rates.get(3)), null);
            float unpadded = tagger.network().output(e.ids(), e.features())[0].getFloat(0, 0, c.size() - 1);
            assertTrue(Math.abs(unpadded - batched[3][c.size() - 1]) > 1e-4, "padding matters here, so is tested");
        }
    }
}
